// The /try page: post what the visitor types, show the transcript, poll for replies that
// arrive later (a link worker's, for example). No inline script: the page's CSP forbids it.
"use strict";
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("send");
  const input = document.getElementById("text");
  const error = document.getElementById("error");
  let last = 0;

  function show(messages) {
    for (const m of messages) {
      if (m.id <= last) continue;
      last = m.id;
      const li = document.createElement("li");
      li.className = m.from;
      li.textContent = m.text;
      if (m.options && m.options.length) {
        const box = document.createElement("div");
        box.className = "options";
        m.options.forEach(function (o) {
          const b = document.createElement("button");
          b.type = "button";
          b.textContent = o.label;
          b.addEventListener("click", function () { send(o.value); });
          box.appendChild(b);
        });
        li.appendChild(box);
      }
      log.appendChild(li);
    }
    log.scrollTop = log.scrollHeight;
  }

  async function send(text) {
    error.textContent = "";
    try {
      const r = await fetch("/try/messages?after=" + last, {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({text: text}),
      });
      const body = await r.json();
      if (!r.ok) { error.textContent = body.error || "Something went wrong."; return; }
      show(body.messages);
    } catch (e) {
      error.textContent = "Could not reach Signpost. Check your connection.";
    }
  }

  async function poll() {
    try {
      const r = await fetch("/try/messages?after=" + last);
      if (r.ok) show((await r.json()).messages);
    } catch (e) { /* try again on the next tick */ }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  poll();
  setInterval(poll, 3000);
})();
