// The portal's only page script. Pages work without it; with it, times show in the reader's own
// time zone and the activity feed updates live over server-sent events.
(function () {
  "use strict";

  var when = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
  });

  function localTime(el) {
    var at = new Date(el.getAttribute("datetime"));
    if (!isNaN(at)) {
      el.title = el.textContent; // the UTC wording stays at hand
      el.textContent = when.format(at);
    }
  }

  function timeElement(iso) {
    var t = document.createElement("time");
    t.setAttribute("datetime", iso);
    t.textContent = iso;
    localTime(t);
    return t;
  }

  function updateStatus(line) {
    if (!line.submissionId || !line.status) {
      return;
    }
    document.querySelectorAll("[data-status-of='" + CSS.escape(line.submissionId) + "']")
      .forEach(function (badge) {
        badge.textContent = line.statusLabel;
        badge.className = "status status-" + line.status.toLowerCase();
      });
  }

  function addLine(feed, line) {
    if (document.getElementById("activity-" + line.id)) {
      return; // already on the page: rendered with it, or sent again after a reconnect
    }
    var li = document.createElement("li");
    li.id = "activity-" + line.id;
    li.className = "new";
    var what = document.createElement("span");
    what.className = "what";
    what.textContent = line.detail || "";
    var at = document.createElement("span");
    at.className = "when small muted";
    at.appendChild(timeElement(line.at));
    li.appendChild(what);
    li.appendChild(at);
    feed.insertBefore(li, feed.firstChild);
  }

  function watch(box) {
    if (!window.EventSource) {
      return;
    }
    var url = box.getAttribute("data-events");
    var after = box.getAttribute("data-after");
    var only = box.getAttribute("data-submission");
    var feed = box.querySelector("ol.feed");
    var live = box.querySelector("[data-live]");
    var source = new EventSource(after ? url + "?after=" + encodeURIComponent(after) : url);
    source.addEventListener("open", function () {
      live.hidden = false;
      live.textContent = "Live";
      live.classList.remove("off");
    });
    source.addEventListener("error", function () {
      live.hidden = false;
      live.textContent = "Reconnecting…";
      live.classList.add("off");
    });
    source.addEventListener("activity", function (event) {
      var line = JSON.parse(event.data);
      updateStatus(line);
      if (only && line.submissionId !== only) {
        return;
      }
      var empty = box.querySelector("[data-empty]");
      if (empty) {
        empty.remove();
      }
      addLine(feed, line);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("time[datetime]").forEach(localTime);
    document.querySelectorAll("[data-events]").forEach(watch);
  });
})();
