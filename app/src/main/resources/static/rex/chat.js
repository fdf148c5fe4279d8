// The recruiters' REX page: plain fetch calls to /api/rex with the bearer token typed in.
// Every answer is shown with textContent, never as HTML.
(function () {
  let conversationId = null;
  const form = document.getElementById('ask');
  const log = document.getElementById('log');
  const status = document.getElementById('status');

  function headers() {
    return {
      'Authorization': 'Bearer ' + document.getElementById('token').value.trim(),
      'Content-Type': 'application/json',
      'Accept': 'application/json'
    };
  }

  function card(title, text) {
    const div = document.createElement('div');
    div.className = 'card';
    const h = document.createElement('h2');
    h.textContent = title;
    const p = document.createElement('div');
    p.className = 'rex-answer';
    p.textContent = text;
    div.append(h, p);
    log.prepend(div);
    return div;
  }

  async function call(path, body) {
    const response = await fetch(path, {method: 'POST', headers: headers(), body: body && JSON.stringify(body)});
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.detail || json.title || ('HTTP ' + response.status));
    }
    return json;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = document.getElementById('message').value;
    status.textContent = 'REX is checking…';
    try {
      const answer = await call('/api/rex/chat', {conversationId, message});
      conversationId = answer.conversationId;
      const div = card('You: ' + message, answer.answer);
      for (const action of answer.proposedActions || []) {
        const button = document.createElement('button');
        button.className = 'primary rex-action';
        button.textContent = 'Confirm: ' + action.summary;
        button.addEventListener('click', async () => {
          button.disabled = true;
          try {
            const outcome = await call('/api/rex/actions/' + encodeURIComponent(action.id) + '/confirm');
            card('Action ' + outcome.status.toLowerCase(), outcome.detail);
          } catch (e) {
            card('The action failed', e.message);
            button.disabled = false;
          }
        });
        div.append(button);
      }
      document.getElementById('message').value = '';
      status.textContent = '';
    } catch (e) {
      status.textContent = 'REX could not answer: ' + e.message;
    }
  });
})();
