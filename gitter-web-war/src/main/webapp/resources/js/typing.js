'use strict';
// "Ann is typing…": while the composer has text, a notice goes out at most every three seconds,
// and a "stopped" one when it is sent or emptied; others' notices show above the composer and
// fade six seconds after the last one (a closed tab sends no "stopped").
(function () {
  var chat = window.GitterChat;
  var text = document.getElementById('composer-text');
  var shown = document.getElementById('typing');
  if (!chat || !chat.client || !text || !shown) return;
  var channel = '/api/v1/rooms/' + chat.roomId + '/typing';
  var RESEND_MILLIS = 3000;
  var FADE_MILLIS = 6000;

  var lastSent = 0;
  var saidTyping = false;
  function notice(isTyping) {
    chat.client.publish(channel, { typing: isTyping });
    saidTyping = isTyping;
    lastSent = isTyping ? Date.now() : 0;
  }
  text.addEventListener('input', function () {
    if (!text.value.trim()) {
      if (saidTyping) notice(false);
    } else if (Date.now() - lastSent > RESEND_MILLIS) {
      notice(true);
    }
  });
  document.getElementById('composer').addEventListener('submit', function () {
    if (saidTyping) notice(false);
  }, true);

  var typists = {}; // user id → { name, timer }
  function draw() {
    var names = Object.keys(typists).map(function (id) { return typists[id].name; });
    if (!names.length) shown.textContent = '';
    else if (names.length === 1) shown.textContent = names[0] + ' is typing…';
    else if (names.length === 2) shown.textContent = names[0] + ' and ' + names[1] + ' are typing…';
    else shown.textContent = 'Several people are typing…';
  }
  function gone(id) {
    if (!typists[id]) return;
    clearTimeout(typists[id].timer);
    delete typists[id];
    draw();
  }
  chat.client.subscribe(channel, function (event) {
    var user = event && event.user;
    if (!user || user.id === chat.me) return;
    if (!event.typing) {
      gone(user.id);
      return;
    }
    if (typists[user.id]) clearTimeout(typists[user.id].timer);
    typists[user.id] = {
      name: user.displayName || user.username,
      timer: setTimeout(function () { gone(user.id); }, FADE_MILLIS),
    };
    draw();
  });
  // their message arriving means they stopped (chat.js tells)
  window.GitterTyping = { stopped: gone };
})();
