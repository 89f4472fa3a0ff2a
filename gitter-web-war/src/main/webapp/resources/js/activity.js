'use strict';
// The right column's Activity panel, live: the room's integration events (webhooks: GitHub,
// CI, anything that posts to a hook) from the events channel's snapshot, then each new one as it
// is published. The HTML of an event is the server's, sanitized like a message's.
window.GitterActivity = (function () {
  var chat = window.GitterChat;
  var list = document.getElementById('activity');
  if (!chat || !chat.token || !chat.client || !list) return null;
  var MAX_SHOWN = 30;
  var ICONS = { github: 'GH', check: '✓', rocket: '🚀', warning: '⚠', error: '⚠', bug: '🐞', star: '★' };

  function item(event) {
    var meta = event.meta || {};
    var li = document.createElement('li');
    li.className = 'activity-event' + (meta.level === 'error' ? ' error-level' : '');
    li.dataset.id = event.id;
    li.dataset.service = meta.service || '';
    var icon = document.createElement('span');
    icon.className = 'activity-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[meta.service === 'github' ? 'github' : meta.icon] || (meta.level === 'error' ? '⚠' : '•');
    var body = document.createElement('div');
    body.className = 'activity-body';
    body.innerHTML = event.html || '';
    body.querySelectorAll('a').forEach(function (a) { a.target = '_blank'; a.rel = 'noopener noreferrer'; });
    var time = document.createElement('time');
    var sent = new Date(event.sent);
    time.dateTime = event.sent;
    time.textContent = sent.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    li.append(icon, body, time);
    return li;
  }

  function show(event) {
    if (!event || !event.id || list.querySelector('li[data-id="' + event.id + '"]')) return;
    var empty = list.querySelector('.empty');
    if (empty) empty.remove();
    list.prepend(item(event));
    while (list.children.length > MAX_SHOWN) list.lastElementChild.remove();
  }

  chat.client.subscribe('/api/v1/rooms/' + chat.roomId + '/events', function (message) {
    if (message.operation === 'create' || message.operation === 'update') show(message.model);
    if (message.operation === 'remove' && message.model) {
      var gone = list.querySelector('li[data-id="' + message.model.id + '"]');
      if (gone) gone.remove();
    }
  }, function (snapshot) {
    // newest first: shown oldest first, each on top
    if (Array.isArray(snapshot)) snapshot.slice().reverse().forEach(show);
  });
  return { show: show };
})();
