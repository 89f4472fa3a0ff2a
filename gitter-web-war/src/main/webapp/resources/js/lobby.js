'use strict';
// The room list stays current: unread and mention counts patched live from the person's
// /api/v1/user/:id/rooms channel.
(function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var userId = meta('gitter-user');
  var list = document.getElementById('room-list');
  if (!token || !userId || !list) return;

  function badge(item, kind, value, text) {
    var element = item.querySelector('.badge.' + kind);
    if (!value) {
      if (element) element.remove();
      return;
    }
    if (!element) {
      element = document.createElement('span');
      element.className = 'badge ' + kind;
      item.appendChild(element);
    }
    element.textContent = text;
  }

  var client = window.GitterBayeux.forPage(function (state) {
    if (state === 'up') document.body.dataset.live = 'true';
  });
  client.subscribe('/api/v1/user/' + userId + '/rooms', function (event) {
    if (event.operation !== 'patch' || !event.model || event.model.unreadItems === undefined) return;
    var item = list.querySelector('li[data-room-id="' + event.model.id + '"]');
    if (!item) return;
    badge(item, 'unread', event.model.unreadItems, String(event.model.unreadItems));
    badge(item, 'mention', event.model.mentions, '@' + event.model.mentions);
  });
  client.start();
})();
