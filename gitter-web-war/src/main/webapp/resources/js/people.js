'use strict';
// The chat page's side parts: the people list kept live (members joining and leaving, who is in
// the room, who went offline), profile cards, adding people to a private room, search in the
// room, the dialogs (shortcuts, markdown help) and the keyboard shortcuts. Starts the page's
// Bayeux client once every script has subscribed.
window.GitterPeople = (function () {
  var chat = window.GitterChat;
  if (!chat || !chat.token) return null;
  var call = chat.call;
  var say = chat.say;
  var roomId = chat.roomId;
  var people = document.getElementById('people');
  var count = document.getElementById('people-count');

  function person(id) {
    return people.querySelector('li[data-user-id="' + id + '"]');
  }
  function presenceText(item) {
    var text = item.classList.contains('in-room') ? 'in the room' : item.classList.contains('online') ? 'online' : 'offline';
    item.querySelector('.presence .visually-hidden').textContent = text;
  }
  function entry(user) {
    var item = document.createElement('li');
    item.dataset.userId = user.id;
    item.className = 'person ' + (user.online ? 'online' : 'offline');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sender person-button';
    button.dataset.username = user.username;
    button.title = user.displayName + ' (@' + user.username + ')';
    var avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.dataset.seed = user.id;
    avatar.textContent = (user.displayName || user.username).charAt(0).toUpperCase();
    window.GitterUi.paint(avatar);
    var name = document.createElement('span');
    name.className = 'person-name';
    name.textContent = user.displayName || user.username;
    var presence = document.createElement('span');
    presence.className = 'presence';
    presence.innerHTML = '<span class="visually-hidden"></span>';
    button.append(avatar, name, presence);
    item.appendChild(button);
    presenceText(item);
    return item;
  }
  function setCount(delta) {
    count.textContent = String(Math.max(0, Number(count.textContent) + delta));
  }

  // Who is online: after someone leaves the room's view, ask the server (they may have gone).
  var refreshTimer = null;
  function refreshOnline() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      call('GET', '/rooms/' + roomId + '/users?limit=30').then(function (users) {
        users.forEach(function (user) {
          var item = person(user.id);
          if (!item) return;
          item.classList.toggle('online', Boolean(user.online));
          item.classList.toggle('offline', !user.online);
          if (!user.online) item.classList.remove('in-room');
          presenceText(item);
        });
      }).catch(function () {});
    }, 1500);
  }
  function presence(event) {
    var item = person(event.userId);
    if (!item) return;
    item.classList.toggle('in-room', event.status === 'in');
    if (event.status === 'in') {
      item.classList.add('online');
      item.classList.remove('offline');
    } else {
      refreshOnline();
    }
    presenceText(item);
  }
  chat.client.subscribe('/api/v1/rooms/' + roomId + '/users', function (event) {
    var user = event.model;
    if (!user || !user.id) return;
    if (event.operation === 'create' && !person(user.id)) {
      people.appendChild(entry(user));
      setCount(1);
      chat.happened((user.displayName || user.username) + ' joined');
    } else if (event.operation === 'remove' && person(user.id)) {
      var name = person(user.id).querySelector('.person-name');
      chat.happened((name ? name.textContent : 'Someone') + ' left');
      person(user.id).remove();
      setCount(-1);
    }
  });

  // Adding someone to a private room.
  var addForm = document.getElementById('add-person');
  if (addForm) {
    addForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var field = document.getElementById('add-person-name');
      var name = field.value.trim().replace(/^@/, '');
      if (!name) return;
      call('POST', '/rooms/' + roomId + '/users', { username: name })
        .then(function () {
          field.value = '';
          say(name + ' was added to the room');
        })
        .catch(function (error) { say(error.message, true); });
    });
  }

  // Profile cards: a sender's name, or a person in the list, opens theirs.
  var card = document.getElementById('profile-card');
  var cardUser = null;
  document.addEventListener('click', function (event) {
    var sender = event.target.closest('.sender[data-username]');
    if (!sender || !sender.dataset.username) return;
    call('GET', '/users/' + encodeURIComponent(sender.dataset.username)).then(function (user) {
      cardUser = user;
      var avatar = document.getElementById('profile-avatar');
      avatar.textContent = (user.displayName || user.username).charAt(0).toUpperCase();
      avatar.dataset.seed = user.id;
      window.GitterUi.paint(avatar);
      document.getElementById('profile-name').textContent = user.displayName;
      document.getElementById('profile-username').textContent = '@' + user.username;
      document.getElementById('profile-chat').hidden = user.id === chat.me;
      card.showModal();
      document.getElementById('profile-close').focus();
    }).catch(function (error) { say(error.message, true); });
  });
  document.getElementById('profile-close').addEventListener('click', function () { card.close(); });
  document.getElementById('profile-chat').addEventListener('click', function () {
    call('POST', '/rooms', { uri: cardUser.username }).then(function (room) {
      location.assign(chat.base + room.url);
    }).catch(function (error) {
      card.close();
      say(error.message, true);
    });
  });

  // Search in the room: results link to the conversation around each message.
  var searchForm = document.getElementById('room-search');
  var results = document.getElementById('search-results');
  searchForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = document.getElementById('room-search-text').value.trim();
    if (!query) {
      results.hidden = true;
      return;
    }
    call('GET', '/rooms/' + roomId + '/chatMessages?limit=30&q=' + encodeURIComponent(query))
      .then(function (found) {
        results.textContent = '';
        found.forEach(function (message) {
          var item = chat.render(message);
          var link = document.createElement('a');
          link.href = chat.base + chat.roomUrl + '?at=' + message.id;
          link.textContent = 'Show in conversation';
          item.appendChild(link);
          results.appendChild(item);
        });
        if (!found.length) {
          var none = document.createElement('li');
          none.className = 'empty-state';
          none.textContent = 'Nothing found for "' + query + '"';
          results.appendChild(none);
        }
        results.hidden = false;
      })
      .catch(function (error) { say(error.message, true); });
  });

  // Panels and dialogs.
  var toolbar = document.getElementById('toolbar');
  var toolbarToggle = document.getElementById('toolbar-toggle');
  toolbarToggle.addEventListener('click', function () {
    var open = !toolbar.classList.contains('open');
    toolbar.classList.toggle('open', open);
    toolbarToggle.setAttribute('aria-expanded', String(open));
  });
  var shortcuts = document.getElementById('shortcuts');
  var markdown = document.getElementById('markdown-dialog');
  document.getElementById('shortcuts-close').addEventListener('click', function () { shortcuts.close(); });
  document.getElementById('markdown-close').addEventListener('click', function () { markdown.close(); });
  document.getElementById('markdown-help').addEventListener('click', function () { markdown.showModal(); });

  function typing(target) {
    return target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT');
  }
  document.addEventListener('keydown', function (event) {
    var ctrl = event.ctrlKey || event.metaKey;
    if (event.key === '?' && !typing(event.target) && !document.querySelector('dialog[open]')) {
      shortcuts.showModal();
      document.getElementById('shortcuts-close').focus();
    } else if (event.key === 'Escape' && !document.querySelector('dialog[open]') && chat.openThread()) {
      chat.closeThread();
    } else if (ctrl && !event.shiftKey && (event.key === 's' || event.key === 'S')) {
      if (!toolbar.classList.contains('open') && getComputedStyle(toolbar).display === 'none') toolbarToggle.click();
      document.getElementById('room-search-text').focus();
    } else if (ctrl && event.shiftKey && event.code === 'KeyC' && window.GitterComposer) {
      window.GitterComposer.focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  people.querySelectorAll('li.person').forEach(presenceText);
  chat.client.begin();
  return { presence: presence };
})();
