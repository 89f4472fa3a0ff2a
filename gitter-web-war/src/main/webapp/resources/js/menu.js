'use strict';
// The left bar stays current: unread and mention badges and activity dots are patched live from
// the person's /api/v1/user/:id/rooms channel, and set again from that channel's snapshot on every
// (re)subscribe, so a change that landed between the page's rendering and the subscription (or
// while disconnected) is not lost. A room with something new moves up to "Unread". The tab title
// and favicon carry the unread total; desktop notifications (if the person turned them on in
// settings) announce mentions and one-to-one messages while the tab is hidden.
// Keyboard: arrows move between rooms, Alt+arrows move a favourite, Ctrl+Shift+1…9 opens the n-th
// room of the menu.
(function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var userId = meta('gitter-user');
  var currentRoom = meta('gitter-room');
  var menu = document.getElementById('room-menu');
  if (!menu) return;

  function links() {
    return Array.prototype.slice.call(menu.querySelectorAll('.menu-section:not(.empty) li a'));
  }

  menu.addEventListener('keydown', function (event) {
    if (event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length].focus();
  });
  document.addEventListener('keydown', function (event) {
    var digit = /^Digit([0-9])$/.exec(event.code);
    if (!digit || !(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
    var target = links()[(Number(digit[1]) + 9) % 10];
    if (!target) return;
    event.preventDefault();
    location.assign(target.href);
  });

  if (!token || !userId) return;

  function section(name) {
    return document.getElementById('menu-' + name);
  }

  function place(item, name) {
    var target = section(name);
    var from = item.closest('.menu-section');
    target.querySelector('ul').prepend(item);
    target.classList.remove('empty');
    if (from && from !== target && !from.querySelector('li')) from.classList.add('empty');
    var empty = menu.querySelector('.menu-empty');
    if (empty) empty.hidden = true;
  }

  function marker(item, kind, text) {
    var element = item.querySelector('.' + kind.split(' ').join('.'));
    if (!text) {
      if (element) element.remove();
      return;
    }
    if (!element) {
      element = document.createElement('span');
      element.className = kind;
      item.appendChild(element);
    }
    element.textContent = text;
  }

  function newItem(room) {
    var item = document.createElement('li');
    item.dataset.roomId = room.id;
    var link = document.createElement('a');
    link.href = meta('gitter-base') + (room.url || '/room.xhtml?id=' + room.id);
    var avatar = document.createElement('span');
    avatar.className = 'avatar small';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.dataset.seed = room.id;
    avatar.textContent = room.name.split('/').pop().charAt(0).toUpperCase();
    if (window.GitterUi) window.GitterUi.paint(avatar);
    var name = document.createElement('span');
    name.className = 'room-name';
    name.textContent = room.name;
    link.append(avatar, name);
    item.appendChild(link);
    place(item, room.favourite ? 'favourites' : 'recent');
    return item;
  }

  // --- the unread total in the tab's title and a dot on the favicon
  var baseTitle = document.title.replace(/^\(\d+\+?\) /, '');
  var favicon = document.getElementById('favicon');
  var plainIcon = favicon ? favicon.href : null;
  function showTotal() {
    var total = 0;
    menu.querySelectorAll('.badge.unread').forEach(function (badge) { total += Number(badge.textContent) || 0; });
    document.title = (total ? '(' + total + ') ' : '') + baseTitle;
    document.body.dataset.unread = String(total);
    if (!favicon) return;
    favicon.href = total
      ? 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
        '<rect width="32" height="32" rx="7" fill="#c2185b"/><path d="M9 7v18M14 11v14M19 11v14" stroke="#fff" ' +
        'stroke-width="3" stroke-linecap="round"/><circle cx="25" cy="7" r="7" fill="#ffb300"/></svg>')
      : plainIcon;
  }

  // --- desktop notifications, only if turned on in settings and granted by the browser
  function notify(item, room, before) {
    if (!document.hidden || !window.Notification || Notification.permission !== 'granted') return;
    try { if (localStorage.getItem('gitter.notifications') !== 'on') return; } catch (ignored) { return; }
    var name = item.querySelector('.room-name').textContent;
    var mentioned = (room.mentions || 0) > before.mentions;
    var oneToOne = item.querySelector('a').getAttribute('href').split('/').length === 2 + (meta('gitter-base') ? 1 : 0);
    if (!mentioned && !(oneToOne && room.unreadItems > before.unread)) return;
    var note = new Notification(mentioned ? 'You were mentioned in ' + name : 'New message from ' + name, { tag: room.id });
    note.onclick = function () { window.focus(); location.assign(item.querySelector('a').href); };
  }

  function apply(room, created) {
    var item = menu.querySelector('li[data-room-id="' + room.id + '"]');
    if (!item) {
      if (!created || !room.name) return;
      item = newItem(room);
    }
    if (room.unreadItems !== undefined) {
      var badge = item.querySelector('.badge.unread');
      var mention = item.querySelector('.badge.mention');
      var before = {
        unread: badge ? Number(badge.textContent) : 0,
        mentions: mention ? Number(mention.textContent.replace('@', '')) : 0,
      };
      marker(item, 'badge unread', room.unreadItems ? String(room.unreadItems) : '');
      marker(item, 'badge mention', room.mentions ? '@' + room.mentions : '');
      var inRecent = item.closest('#menu-recent');
      if (inRecent && (room.unreadItems || room.mentions) && room.id !== currentRoom) place(item, 'unread');
      notify(item, room, before);
    }
    if (room.activity !== undefined) marker(item, 'activity', room.activity ? '●' : '');
    showTotal();
  }

  // --- favourites in the person's order: drag one, or Alt+↑/↓ on it; every favourite gets its
  // new place (1, 2, ...) through the API
  var favourites = section('favourites').querySelector('ul');
  function saveOrder() {
    Array.prototype.forEach.call(favourites.children, function (item, index) {
      fetch(meta('gitter-base') + '/api/v1/user/me/rooms/' + item.dataset.roomId, {
        method: 'PUT',
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ favourite: index + 1 }),
      });
    });
  }
  function draggable() {
    Array.prototype.forEach.call(favourites.children, function (item) { item.draggable = true; });
  }
  var dragged = null;
  favourites.addEventListener('dragstart', function (event) {
    dragged = event.target.closest('li');
    event.dataTransfer.effectAllowed = 'move';
  });
  favourites.addEventListener('dragover', function (event) {
    var over = event.target.closest('li');
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    var after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
    over[after ? 'after' : 'before'](dragged);
  });
  favourites.addEventListener('drop', function (event) {
    event.preventDefault();
    if (dragged) saveOrder();
    dragged = null;
  });
  favourites.addEventListener('keydown', function (event) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    var item = event.target.closest('li');
    var other = event.key === 'ArrowUp' ? item.previousElementSibling : item.nextElementSibling;
    event.preventDefault();
    event.stopPropagation();
    if (!other) return;
    other[event.key === 'ArrowUp' ? 'before' : 'after'](item);
    item.querySelector('a').focus();
    saveOrder();
  });
  draggable();

  var client = window.GitterBayeux.forPage(function (state) {
    // the chat page is live once its room is subscribed (chat.js)
    if (state === 'up' && !currentRoom) document.body.dataset.live = 'true';
  });
  client.subscribe('/api/v1/user/' + userId + '/rooms', function (event) {
    var room = event.model;
    if (!room || !room.id) return;
    if (event.operation === 'remove') {
      var item = menu.querySelector('li[data-room-id="' + room.id + '"]');
      if (item) item.remove();
      showTotal();
      return;
    }
    apply(room, event.operation === 'create');
  }, function (snapshot) {
    // the whole list as the server has it now: every badge set again, nothing missed
    (Array.isArray(snapshot) ? snapshot : []).forEach(function (room) {
      apply({ id: room.id, name: room.name, url: room.url, favourite: room.favourite,
        unreadItems: room.unreadItems || 0, mentions: room.mentions || 0, activity: room.activity }, true);
    });
    document.body.dataset.menuSynced = 'true';
  });
  showTotal();
  if (!document.getElementById('chat-messages')) client.begin();
})();
