/* Briefing: small enhancements. Every page works without this file.
   - the error summary gets focus (autofocus does it too; this covers older browsers);
   - chapters become buttons that seek the player;
   - while audio is being made, the status region is updated politely, and never reloads the page. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }

  function enhanceChapters() {
    var list = document.querySelector("[data-chapters]");
    var player = list && document.getElementById(list.getAttribute("data-player"));
    if (!list || !player) {
      return;
    }
    var hint = document.querySelector("[data-chapters-hint]");
    if (hint) {
      hint.textContent = "Choose a chapter to play the briefing from there.";
    }
    Array.prototype.forEach.call(list.querySelectorAll("li[data-start]"), function (item) {
      var start = parseFloat(item.getAttribute("data-start"));
      if (!isFinite(start)) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chapter-button";
      while (item.firstChild) {
        button.appendChild(item.firstChild);
      }
      item.appendChild(button);
      button.addEventListener("click", function () {
        player.currentTime = start;
        var playing = player.play();
        if (playing && typeof playing.catch === "function") {
          playing.catch(function () { /* the reader can press play themselves */ });
        }
      });
    });
  }

  var MESSAGES = {
    queued: "The audio is waiting to be made. You can read the key points while you wait.",
    running: "The audio is being made now. You can read the key points while you wait.",
    done: "The audio is ready.",
    failed: "The audio could not be made."
  };

  function watchStatus() {
    var region = document.querySelector("[data-poll-url]");
    if (!region || !window.fetch) {
      return;
    }
    var url = region.getAttribute("data-poll-url");
    var seconds = Math.max(2, parseInt(region.getAttribute("data-poll-seconds"), 10) || 5);
    var status = region.getAttribute("data-status");
    if (status === "done" || status === "failed") {
      return;
    }
    var message = region.querySelector(".status-message");
    var action = region.querySelector(".status-action");
    if (action) {
      action.textContent = "This message will change when the audio is ready. The page will not reload by itself.";
    }

    function finish(newStatus) {
      region.className = "status status-" + newStatus;
      // Replace the text in place: a polite live region reads the change once.
      message.textContent = MESSAGES[newStatus];
      var next = document.createElement("p");
      var link = document.createElement("a");
      link.href = window.location.pathname + "#listen";
      link.textContent = newStatus === "done" ? "Show the player and the transcript" : "Show what went wrong";
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.location.reload();
      });
      next.appendChild(link);
      if (action) {
        action.replaceWith(next);
      } else {
        region.appendChild(next);
      }
    }

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && data.status && data.status !== status) {
            status = data.status;
            if (status === "done" || status === "failed") {
              finish(status);
              return;
            }
            message.textContent = MESSAGES[status] || message.textContent;
            region.className = "status status-" + status;
          }
          window.setTimeout(poll, seconds * 1000);
        })
        .catch(function () {
          window.setTimeout(poll, seconds * 2000);
        });
    }
    window.setTimeout(poll, seconds * 1000);
  }

  function start() {
    focusErrorSummary();
    enhanceChapters();
    watchStatus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
