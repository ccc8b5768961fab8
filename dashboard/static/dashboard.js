// Signpost dashboard: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";

  // Live queue counts: poll /dashboard/counts and update every [data-count] element; on the
  // queue page, say when the queue has changed since it was loaded.
  var counters = document.querySelectorAll("[data-count]");
  var initial = null;
  function refreshCounts() {
    fetch("/dashboard/counts", { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (c) {
        counters.forEach(function (el) {
          var v = c[el.getAttribute("data-count")];
          if (v === undefined) { return; }
          if (el.classList.contains("badge")) { el.textContent = v > 0 ? String(v) : ""; } else { el.textContent = String(v); }
        });
        var key = [c.open, c.urgent, c.claimed].join("/");
        if (initial === null) { initial = key; }
        var changed = document.getElementById("queue-changed");
        if (changed && key !== initial) { changed.hidden = false; }
      })
      .catch(function () { /* offline or logged out: try again later */ });
  }
  if (counters.length > 0) {
    refreshCounts();
    setInterval(refreshCounts, 10000);
  }

  // The close form: show the service choice only for "connected".
  document.querySelectorAll(".close-form").forEach(function (form) {
    var cond = form.querySelector(".conditional");
    var select = form.querySelector("select[name=service]");
    function update() {
      var checked = form.querySelector("input[name=outcome]:checked");
      var on = checked && checked.value === "connected";
      cond.hidden = !on;
      select.required = !!on;
    }
    form.addEventListener("change", update);
    update();
  });

  // The transcript: append new messages as they arrive, without reloading the page.
  var transcript = document.getElementById("transcript");
  if (transcript) {
    transcript.scrollTop = transcript.scrollHeight;
    var person = transcript.getAttribute("data-person");
    var after = transcript.getAttribute("data-after") || "0";
    setInterval(function () {
      fetch("/dashboard/people/" + encodeURIComponent(person) + "/messages?after=" + after,
        { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          data.messages.forEach(function (m) {
            var li = document.createElement("li");
            li.className = "msg " + (m.in ? "msg-in" : (m.author === "Assistant" ? "msg-bot" : "msg-worker"));
            var meta = document.createElement("p");
            meta.className = "meta";
            meta.textContent = m.author + " · " + m.at;
            var body = document.createElement("p");
            body.className = "body";
            body.textContent = m.body;
            li.appendChild(meta);
            li.appendChild(body);
            var empty = transcript.querySelector(".empty");
            if (empty) { empty.remove(); }
            transcript.appendChild(li);
            after = String(m.id);
            transcript.scrollTop = transcript.scrollHeight;
          });
        })
        .catch(function () {});
    }, 5000);
  }
})();
