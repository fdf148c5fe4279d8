// The console's only page script. Pages work without it; with it, times show in the reader's time
// zone, secrets can be copied, destructive forms ask first, and live regions refresh themselves
// over server-sent events when the workspace's activity log grows.
(function () {
  "use strict";

  var when = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
  });

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var at = new Date(el.getAttribute("datetime"));
      if (!isNaN(at) && !el.dataset.local) {
        el.title = el.textContent;
        el.textContent = when.format(at);
        el.dataset.local = "1";
      }
    });
  }

  function wireForms(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      if (form.dataset.wired) return;
      form.dataset.wired = "1";
      form.addEventListener("submit", function (e) {
        if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
      });
    });
    root.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        if (e.defaultPrevented) return;
        form.querySelectorAll("button[type=submit]").forEach(function (b) {
          window.setTimeout(function () { b.disabled = true; }, 0); // after the form has read it
        });
      });
    });
  }

  document.addEventListener("click", function (e) {
    var copy = e.target.closest("[data-copy]");
    if (copy) {
      var source = document.getElementById(copy.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          copy.textContent = "Copied";
        });
      }
    }
    var back = e.target.closest("[data-back]");
    if (back && window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });

  // A live region: an element with an id and data-live. When an event matches it (data-live-job,
  // data-live-submission, or data-live-any), the page is fetched again and the region swapped for
  // its new version. Requests are spaced so a burst of events costs one fetch.
  var pending = null;

  function matches(el, event) {
    if (el.hasAttribute("data-live-any")) return true;
    var job = el.getAttribute("data-live-job");
    var submission = el.getAttribute("data-live-submission");
    return (job && job === event.jobId) || (submission && submission === event.submissionId);
  }

  function refresh(ids) {
    fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next && now.innerHTML !== next.innerHTML) {
            var open = Array.prototype.map.call(now.querySelectorAll("details[open][id]"), function (d) { return d.id; });
            now.replaceWith(next);
            open.forEach(function (d) { var el = document.getElementById(d); if (el) el.open = true; });
            localTimes(next);
            wireForms(next);
          }
        });
        document.querySelectorAll("[data-live-note]").forEach(function (note) {
          note.textContent = "Updated " + when.format(new Date()) + ".";
          note.classList.add("updated");
        });
      })
      .catch(function () { /* the next event tries again */ });
  }

  function onActivity(event) {
    var ids = [];
    document.querySelectorAll("[data-live][id]").forEach(function (el) {
      if (matches(el, event)) ids.push(el.id);
    });
    if (!ids.length) return;
    if (pending) {
      ids.forEach(function (id) { if (pending.indexOf(id) < 0) pending.push(id); });
      return;
    }
    pending = ids;
    window.setTimeout(function () {
      var now = pending;
      pending = null;
      refresh(now);
      // Once more a little later: a running workflow reports a change a moment after the
      // database has it, and the status on the page comes from the workflow.
      window.setTimeout(function () { refresh(now); }, 1500);
    }, 300);
  }

  function listen() {
    if (!window.EventSource || !document.querySelector("[data-live]")) return;
    var source = new EventSource("/console/events");
    source.addEventListener("activity", function (e) {
      try { onActivity(JSON.parse(e.data)); } catch (ignored) { /* not ours */ }
    });
    document.documentElement.dataset.liveConnected = "connecting";
    source.onopen = function () {
      // What changed between the page's rendering and this (re)connection was told to nobody:
      // catch up once, then follow the events.
      var ids = Array.prototype.map.call(document.querySelectorAll("[data-live][id]"), function (el) {
        return el.id;
      });
      refresh(ids);
      document.documentElement.dataset.liveConnected = "open";
    };
  }

  localTimes(document);
  wireForms(document);
  listen();
})();
