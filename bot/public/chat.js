// The web tchat. Message text is only ever inserted with textContent, never as HTML. The
// conversation id is issued by the server (POST /api/conversations) and kept for this tab only.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("question");
  var send = document.getElementById("send");
  var status = document.getElementById("status");
  var socket = null;
  var conversationId = sessionStorage.getItem("ctg-conversation");
  var retryDelay = 500;
  var queue = [];

  function addMessage(text, who) {
    var item = document.createElement("div");
    item.className = "msg " + who;
    var label = document.createElement("span");
    label.className = "who";
    label.textContent = who === "me" ? "Vous" : "Assistant";
    var body = document.createElement("span");
    body.textContent = text;
    item.appendChild(label);
    item.appendChild(body);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(text) { status.textContent = text; }
  function setConnected(connected) { send.disabled = !connected; }

  function openConversation() {
    return fetch("api/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ resume: conversationId })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (body) {
      conversationId = body.id;
      sessionStorage.setItem("ctg-conversation", conversationId);
    });
  }

  function connect() {
    setConnected(false);
    openConversation().then(function () {
      var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + location.pathname.replace(/[^/]*$/, "");
      socket = new WebSocket(url);
      socket.onopen = function () {
        retryDelay = 500;
        setConnected(true);
        setStatus("");
        while (queue.length) socket.send(queue.shift());
      };
      socket.onmessage = function (event) {
        var message;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if (message.type !== "message" || typeof message.text !== "string") return;
        if (message.event === "session_expired") {
          sessionStorage.removeItem("ctg-conversation");
          conversationId = null;
        }
        setStatus("");
        addMessage(message.text, "bot");
      };
      socket.onclose = function () { reconnect(); };
      socket.onerror = function () { /* onclose follows */ };
    }).catch(function () { reconnect(); });
  }

  function reconnect() {
    setConnected(false);
    setStatus("Connexion perdue avec l'assistant, nouvelle tentative…");
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { input.focus(); return; }
    addMessage(text, "me");
    input.value = "";
    setStatus("L'assistant écrit…");
    var payload = JSON.stringify({ type: "message", text: text, user: conversationId, channel: "websocket" });
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(payload); else queue.push(payload);
    input.focus();
  });

  addMessage("Bonjour ! Posez-moi une question sur les services aux familles de l'agglomération, par exemple « Où trouver une crèche à Béthune ? »", "bot");
  connect();
})();
