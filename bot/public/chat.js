// The web tchat. Message text is only ever inserted with textContent, never as HTML. The
// conversation id is issued by the server (POST /api/conversations) and kept for this tab only.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("question");
  var status = document.getElementById("status");
  var socket = null;
  var conversationId = sessionStorage.getItem("ctg-conversation");
  var retryDelay = 500;
  // Questions typed while the connection is down wait here (as text: the conversation id is only
  // added when they are sent, since reconnecting may bring a new one).
  var queue = [];
  // Questions sent and not answered yet, oldest first: the bot answers each message once, in order.
  var unanswered = [];
  var retried = false;

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

  function isOpen() { return socket && socket.readyState === WebSocket.OPEN; }

  function transmit(text) {
    unanswered.push(text);
    socket.send(JSON.stringify({ type: "message", text: text, user: conversationId, channel: "websocket" }));
  }

  function flush() {
    while (queue.length && isOpen()) transmit(queue.shift());
  }

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
    openConversation().then(function () {
      var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + location.pathname.replace(/[^/]*$/, "");
      socket = new WebSocket(url);
      socket.onopen = function () {
        retryDelay = 500;
        setStatus(queue.length ? "L'assistant écrit…" : "");
        flush();
      };
      socket.onmessage = function (event) {
        var message;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if (message.type !== "message" || typeof message.text !== "string") return;
        var question = unanswered.shift();
        if (message.event === "session_expired") {
          // The server no longer knows this conversation: forget its id and reconnect, which asks
          // for a new one, then send the refused question again (once).
          sessionStorage.removeItem("ctg-conversation");
          conversationId = null;
          if (question !== undefined && !retried) {
            retried = true;
            queue.unshift(question);
            socket.close();
            return;
          }
        } else {
          retried = false;
        }
        setStatus(unanswered.length || queue.length ? "L'assistant écrit…" : "");
        addMessage(message.text, "bot");
      };
      socket.onclose = function () {
        // Questions sent on this connection and never answered are asked again on the next one.
        queue = unanswered.concat(queue);
        unanswered = [];
        reconnect();
      };
      socket.onerror = function () { /* onclose follows */ };
    }).catch(function () { reconnect(); });
  }

  function reconnect() {
    socket = null;
    setStatus(queue.length
      ? "Connexion perdue avec l'assistant, nouvelle tentative… Votre question sera envoyée dès son retour."
      : "Connexion perdue avec l'assistant, nouvelle tentative…");
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { input.focus(); return; }
    addMessage(text, "me");
    input.value = "";
    queue.push(text);
    if (isOpen()) {
      setStatus("L'assistant écrit…");
      flush();
    } else {
      setStatus("Connexion à l'assistant en cours : votre question sera envoyée dès qu'elle sera établie.");
    }
    input.focus();
  });

  addMessage("Bonjour ! Posez-moi une question sur les services aux familles de l'agglomération, par exemple « Où trouver une crèche à Béthune ? »", "bot");
  connect();
})();
