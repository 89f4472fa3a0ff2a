'use strict';
// The left menu stays current: unread and mention badges and activity dots are patched live from
// the person's /api/v1/user/:id/rooms channel; a room with something new moves up to "Unread".
// Keyboard: arrows move between rooms, Ctrl+Shift+1…9 opens the n-th room of the menu.
(function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var userId = meta('gitter-user');
  var menu = document.getElementById('room-menu');
  if (!menu) return;

  function links() {
    return Array.prototype.slice.call(menu.querySelectorAll('.menu-section:not(.empty) li a'));
  }

  menu.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    var next = all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length];
    next.focus();
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
    link.href = meta('gitter-base') + '/room.xhtml?id=' + room.id;
    link.textContent = room.name;
    item.appendChild(link);
    place(item, room.favourite ? 'favourites' : 'recent');
    return item;
  }

  var client = window.GitterBayeux.forPage(function (state) {
    if (state === 'up') document.body.dataset.live = 'true';
  });
  client.subscribe('/api/v1/user/' + userId + '/rooms', function (event) {
    var room = event.model;
    if (!room || !room.id) return;
    var item = menu.querySelector('li[data-room-id="' + room.id + '"]');
    if (event.operation === 'remove') {
      if (item) item.remove();
      return;
    }
    if (!item) {
      if (event.operation !== 'create' || !room.name) return;
      item = newItem(room);
    }
    if (room.unreadItems !== undefined) {
      marker(item, 'badge unread', room.unreadItems ? String(room.unreadItems) : '');
      marker(item, 'badge mention', room.mentions ? '@' + room.mentions : '');
      var inRecent = item.closest('#menu-recent');
      if (inRecent && (room.unreadItems || room.mentions) && !item.classList.contains('current')) {
        place(item, 'unread');
      }
    }
    if (room.activity !== undefined) marker(item, 'activity', room.activity ? '●' : '');
  });
  client.begin();
})();
