'use strict';
// The live part of the chat page: new, edited and deleted messages and thread replies arrive
// through Bayeux; the composer posts through the REST API (with Gitter's slash commands); a dropped
// connection or a gap in the sequence is filled from history.
(function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var roomId = meta('gitter-room');
  var api = meta('gitter-base').replace(/\/$/, '') + '/api/v1';
  var list = document.getElementById('chat-messages');
  var banner = document.getElementById('connection');
  var notice = document.getElementById('composer-error');
  if (!roomId || !list) return;
  if (!token) {
    // signed out: a public room is readable, not live
    document.getElementById('load-older').hidden = true;
    list.querySelectorAll('.body').forEach(highlight);
    list.querySelectorAll('time').forEach(function (time) {
      var when = new Date(time.getAttribute('datetime'));
      if (!isNaN(when)) time.textContent = when.toLocaleString();
    });
    return;
  }

  function call(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = text ? JSON.parse(text) : {};
        if (!response.ok) throw new Error(json.error || response.statusText);
        return json;
      });
    });
  }

  function say(text, isError) {
    notice.textContent = text;
    notice.className = isError ? 'error' : 'info';
    notice.hidden = !text;
  }

  function localTime(element) {
    var when = new Date(element.getAttribute('datetime'));
    if (!isNaN(when)) element.textContent = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function threadButton(id, count) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'thread-open';
    button.dataset.id = id;
    button.textContent = count ? count + (count === 1 ? ' reply' : ' replies') : 'Reply in thread';
    return button;
  }

  function render(message, inThread) {
    var item = document.createElement('li');
    item.className = 'message' + (message.status ? ' status' : '') + (message.editedAt ? ' edited' : '');
    item.dataset.id = message.id;
    if (message.fromUser) item.dataset.senderId = message.fromUser.id;
    var sender = document.createElement('button');
    sender.type = 'button';
    sender.className = 'sender';
    sender.textContent = message.fromUser ? message.fromUser.displayName : '';
    sender.title = message.fromUser ? '@' + message.fromUser.username : '';
    sender.dataset.username = message.fromUser ? message.fromUser.username : '';
    var time = document.createElement('time');
    time.setAttribute('datetime', message.sent);
    localTime(time);
    var body = document.createElement('div');
    body.className = 'body';
    body.innerHTML = message.html; // sanitised by the server's allow-list when stored
    highlight(body);
    var readers = document.createElement('span');
    readers.className = 'read-by';
    readers.textContent = message.readBy ? 'read by ' + message.readBy : '';
    item.append(sender, time, body);
    // the count goes after the button: arriving live it must not move the button under a click
    if (!inThread) item.appendChild(threadButton(message.id, message.threadMessageCount));
    item.appendChild(readers);
    return item;
  }

  // Code blocks are coloured by highlight.js (served with the page), language from the fence or
  // guessed.
  function highlight(element) {
    if (!window.hljs) return;
    element.querySelectorAll('pre code').forEach(function (code) { window.hljs.highlightElement(code); });
  }

  // Messages from the same sender within five minutes form one group: only the first shows a name.
  var GROUP_MILLIS = 5 * 60 * 1000;
  function group(item) {
    if (!item || !item.dataset) return;
    var previous = item.previousElementSibling;
    var sent = new Date(item.querySelector('time').getAttribute('datetime'));
    var same = previous && previous.dataset.senderId && previous.dataset.senderId === item.dataset.senderId &&
      sent - new Date(previous.querySelector('time').getAttribute('datetime')) < GROUP_MILLIS;
    item.classList.toggle('continuation', Boolean(same));
  }

  function find(container, id) {
    return container.querySelector('li[data-id="' + id + '"]');
  }

  // --- the main list
  function add(message) {
    if (message.parentId) {
      addToThread(message);
      return;
    }
    if (find(list, message.id)) return;
    list.appendChild(render(message, false));
    group(list.lastChild);
    list.lastChild.scrollIntoView({ block: 'end' });
    watchRead(list.lastChild);
  }

  function update(message) {
    [list, threadList].forEach(function (container) {
      var item = find(container, message.id);
      if (!item) return;
      item.querySelector('.body').innerHTML = message.html;
      highlight(item.querySelector('.body'));
      item.classList.add('edited');
    });
  }

  function patch(model) {
    var item = find(list, model.id);
    if (item && model.threadMessageCount !== undefined) {
      item.querySelector('.thread-open').replaceWith(threadButton(model.id, model.threadMessageCount));
    }
    if (item && model.readBy !== undefined) {
      item.querySelector('.read-by').textContent = model.readBy ? 'read by ' + model.readBy : '';
    }
  }

  function remove(message) {
    [list, threadList].forEach(function (container) {
      var item = find(container, message.id);
      if (!item) return;
      var next = item.nextElementSibling;
      item.remove();
      group(next);
    });
  }

  // --- read state: a message counts as read once half of it has been on screen; the ids go to the
  // server at most once a second, and not while the tab is hidden.
  var unreadIds = [];
  var markTimer = null;
  var onScreen = window.IntersectionObserver
    ? new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) {
        onScreen.unobserve(e.target);
        return e.target.dataset.id;
      });
      if (seen.length) markRead(seen);
    }, { root: list, threshold: 0.5 })
    : null;
  function watchRead(item) {
    if (onScreen) onScreen.observe(item);
    else markRead([item.dataset.id]);
  }
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && unreadIds.length) markRead([]);
  });
  function markRead(ids) {
    unreadIds = unreadIds.concat(ids);
    if (markTimer || document.hidden || !unreadIds.length) return;
    markTimer = setTimeout(function () {
      var chat = unreadIds;
      unreadIds = [];
      markTimer = null;
      call('POST', '/user/me/rooms/' + roomId + '/unreadItems', { chat: chat }).catch(function () {});
    }, 1000);
  }

  // After a reconnect or a sequence gap: fetch what came after the last message shown.
  function catchUp() {
    var last = list.lastElementChild;
    var path = '/rooms/' + roomId + '/chatMessages?limit=100' + (last ? '&afterId=' + last.dataset.id : '');
    call('GET', path).then(function (messages) { messages.forEach(add); }).catch(function () {});
  }

  // --- older pages: scrolling to the top (or the button) loads the 50 before the first shown
  var older = document.getElementById('load-older');
  var loadingOlder = false;
  function loadOlder() {
    var first = list.firstElementChild;
    if (loadingOlder || !first || older.hidden) return;
    loadingOlder = true;
    var height = list.scrollHeight;
    call('GET', '/rooms/' + roomId + '/chatMessages?limit=50&beforeId=' + first.dataset.id)
      .then(function (messages) {
        if (messages.length < 50) older.hidden = true;
        messages.reverse().forEach(function (message) {
          if (message.parentId || find(list, message.id)) return;
          list.prepend(render(message, false));
        });
        Array.prototype.forEach.call(list.children, group);
        list.scrollTop += list.scrollHeight - height;
      })
      .catch(function (error) { say(error.message, true); })
      .then(function () { loadingOlder = false; });
  }
  older.addEventListener('click', loadOlder);
  list.addEventListener('scroll', function () {
    if (list.scrollTop < 40) loadOlder();
  });
  if (list.children.length < 50) older.hidden = true;

  // --- the thread panel
  var thread = document.getElementById('thread');
  var threadList = document.getElementById('thread-messages');
  var threadComposer = document.getElementById('thread-composer');
  var threadText = document.getElementById('thread-text');
  var openThread = null;

  function addToThread(message) {
    if (message.parentId !== openThread || find(threadList, message.id)) return;
    threadList.appendChild(render(message, true));
  }

  function showThread(parentId) {
    openThread = parentId;
    threadList.textContent = '';
    var parent = find(list, parentId);
    document.getElementById('thread-parent').textContent = parent ? parent.querySelector('.body').textContent : '';
    thread.hidden = false;
    call('GET', '/rooms/' + roomId + '/chatMessages/' + parentId + '/thread')
      .then(function (replies) { replies.forEach(addToThread); })
      .catch(function (error) { say(error.message, true); });
    threadText.focus();
  }

  list.addEventListener('click', function (event) {
    var button = event.target.closest('.thread-open');
    if (button) showThread(button.dataset.id);
  });
  document.getElementById('thread-close').addEventListener('click', function () {
    thread.hidden = true;
    openThread = null;
  });
  threadComposer.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = threadText.value.trim();
    if (!value || !openThread) return;
    call('POST', '/rooms/' + roomId + '/chatMessages', { text: value, parentId: openThread })
      .then(function (reply) {
        threadText.value = '';
        addToThread(reply);
      })
      .catch(function (error) { say(error.message, true); });
  });

  // --- the composer and Gitter's slash commands
  var me = meta('gitter-user');
  function username(argument) {
    return (argument || '').trim().replace(/^@/, '');
  }
  var commands = {
    me: function (rest) {
      return call('POST', '/rooms/' + roomId + '/chatMessages', { text: rest, status: true }).then(add);
    },
    topic: function (rest) {
      return call('PUT', '/rooms/' + roomId, { topic: rest }).then(function (room) {
        document.getElementById('room-topic').textContent = room.topic;
        say('Topic changed');
      });
    },
    leave: function () {
      return call('DELETE', '/rooms/' + roomId + '/users/' + me).then(function () {
        location.assign(meta('gitter-base') + '/rooms.xhtml');
      });
    },
    query: function (rest) {
      return call('POST', '/rooms', { uri: username(rest) }).then(function (room) {
        location.assign(meta('gitter-base') + '/room.xhtml?id=' + room.id);
      });
    },
    ban: function (rest) {
      return call('POST', '/rooms/' + roomId + '/bans', { username: username(rest) }).then(function () {
        say(username(rest) + ' is banned');
      });
    },
    unban: function (rest) {
      return call('DELETE', '/rooms/' + roomId + '/bans/' + username(rest)).then(function () {
        say(username(rest) + ' is no longer banned');
      });
    },
  };
  ['all', 'announcements', 'mute'].forEach(function (mode) {
    commands['notify-' + mode] = function () {
      var value = mode === 'announcements' ? 'announcement' : mode;
      return call('PUT', '/user/me/rooms/' + roomId + '/settings/notifications', { mode: value }).then(function () {
        say('Notifications: ' + value);
      });
    };
  });

  function send(value) {
    var editing = composer.dataset.editing;
    if (editing) {
      return call('PUT', '/rooms/' + roomId + '/chatMessages/' + editing, { text: value }).then(function (edited) {
        update(edited);
        stopEditing();
      });
    }
    var command = /^\/([\w-]+)\s*([\s\S]*)$/.exec(value);
    if (command && commands[command[1]]) return commands[command[1]](command[2]);
    return call('POST', '/rooms/' + roomId + '/chatMessages', { text: value }).then(add);
  }

  var composer = document.getElementById('composer');
  var text = document.getElementById('composer-text');
  if (document.querySelector('[data-member="true"]')) composer.hidden = false;
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) return;
    send(value)
      .then(function () {
        text.value = '';
        if (notice.className === 'error') say('');
      })
      .catch(function (error) { say(error.message, true); });
  });
  // ↑ in an empty composer edits your last message (the server enforces the 10-minute window).
  function stopEditing() {
    delete composer.dataset.editing;
    composer.classList.remove('editing');
  }
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && composer.dataset.editing) {
      text.value = '';
      stopEditing();
      return;
    }
    if (event.key !== 'ArrowUp' || text.value) return;
    var mine = list.querySelectorAll('li[data-sender-id="' + me + '"]');
    var last = mine[mine.length - 1];
    if (!last) return;
    event.preventDefault();
    call('GET', '/rooms/' + roomId + '/chatMessages/' + last.dataset.id).then(function (message) {
      text.value = message.text;
      composer.dataset.editing = message.id;
      composer.classList.add('editing');
    });
  });

  // @ typeahead: people of the room whose name starts with what follows the @.
  var suggestions = document.getElementById('mention-suggestions');
  var typeaheadTimer = null;
  function mentionPrefix() {
    var before = text.value.slice(0, text.selectionStart);
    var match = /(^|\s)@([\w.-]*)$/.exec(before);
    return match ? match[2] : null;
  }
  function chooseMention(username) {
    var caret = text.selectionStart;
    var before = text.value.slice(0, caret).replace(/@[\w.-]*$/, '@' + username + ' ');
    text.value = before + text.value.slice(caret);
    text.setSelectionRange(before.length, before.length);
    suggestions.hidden = true;
    text.focus();
  }
  text.addEventListener('input', function () {
    clearTimeout(typeaheadTimer);
    var prefix = mentionPrefix();
    if (!prefix) {
      suggestions.hidden = true;
      return;
    }
    typeaheadTimer = setTimeout(function () {
      call('GET', '/rooms/' + roomId + '/users?limit=5&q=' + encodeURIComponent(prefix)).then(function (people) {
        suggestions.textContent = '';
        people.forEach(function (person) {
          var option = document.createElement('li');
          option.setAttribute('role', 'option');
          option.dataset.username = person.username;
          option.textContent = person.displayName + ' @' + person.username;
          suggestions.appendChild(option);
        });
        suggestions.hidden = people.length === 0;
      }).catch(function () { suggestions.hidden = true; });
    }, 200);
  });
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && !suggestions.hidden && suggestions.firstElementChild) {
      event.preventDefault();
      chooseMention(suggestions.firstElementChild.dataset.username);
    }
  });
  suggestions.addEventListener('click', function (event) {
    var option = event.target.closest('li[data-username]');
    if (option) chooseMention(option.dataset.username);
  });

  // Chat mode: Enter sends, Shift+Enter adds a line. Compose mode (Ctrl+/, or ``` then Enter):
  // Enter adds a line, Ctrl+Enter sends. The choice is remembered in this browser.
  var modeButton = document.getElementById('compose-mode');
  var composeMode = false;
  function setComposeMode(on) {
    composeMode = on;
    modeButton.setAttribute('aria-pressed', String(on));
    modeButton.textContent = 'Compose mode: ' + (on ? 'on' : 'off');
    composer.classList.toggle('compose', on);
    try { localStorage.setItem('gitter.composeMode', on ? '1' : '0'); } catch (ignored) { /* private mode */ }
  }
  try { setComposeMode(localStorage.getItem('gitter.composeMode') === '1'); } catch (ignored) { setComposeMode(false); }
  modeButton.addEventListener('click', function () {
    setComposeMode(!composeMode);
    text.focus();
  });
  [text, threadText].forEach(function (area) {
    area.addEventListener('keydown', function (event) {
      if (event.key === '/' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        setComposeMode(!composeMode);
        return;
      }
      if (event.key !== 'Enter') return;
      if (!composeMode && !event.shiftKey && /^```\w*$/.test(area.value.trim())) {
        setComposeMode(true);
        return;
      }
      var sends = composeMode ? event.ctrlKey || event.metaKey : !event.shiftKey;
      if (sends) {
        event.preventDefault();
        area.form.requestSubmit();
      }
    });
  });

  // --- keyboard shortcuts (Gitter's §4.11 where they make sense in a browser)
  var shortcuts = document.getElementById('shortcuts');
  function typing(target) {
    return target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT');
  }
  document.addEventListener('keydown', function (event) {
    var ctrl = event.ctrlKey || event.metaKey;
    if (event.key === '?' && !typing(event.target)) {
      shortcuts.hidden = false;
      document.getElementById('shortcuts-close').focus();
    } else if (event.key === 'Escape') {
      if (!shortcuts.hidden) shortcuts.hidden = true;
      else if (!card.hidden) card.hidden = true;
      else if (!thread.hidden) document.getElementById('thread-close').click();
      else return;
    } else if (ctrl && !event.shiftKey && (event.key === 's' || event.key === 'S')) {
      document.getElementById('room-search-text').focus();
    } else if (ctrl && event.shiftKey && event.code === 'KeyC' && !composer.hidden) {
      text.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  document.getElementById('shortcuts-close').addEventListener('click', function () {
    shortcuts.hidden = true;
  });

  var markAll = document.getElementById('mark-all-read');
  if (markAll) {
    markAll.addEventListener('click', function () {
      call('DELETE', '/user/me/rooms/' + roomId + '/unreadItems/all')
        .then(function () {
          var marker = list.querySelector('.first-unread');
          if (marker) marker.classList.remove('first-unread');
          say('All read');
        })
        .catch(function (error) { say(error.message, true); });
    });
  }

  // --- search in the room: results link to the conversation around each message
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
          var item = render(message, true);
          var link = document.createElement('a');
          link.href = meta('gitter-base') + '/room.xhtml?id=' + roomId + '&at=' + message.id;
          link.textContent = 'show in conversation';
          item.appendChild(link);
          results.appendChild(item);
        });
        if (!found.length) {
          var none = document.createElement('li');
          none.textContent = 'Nothing found';
          results.appendChild(none);
        }
        results.hidden = false;
      })
      .catch(function (error) { say(error.message, true); });
  });

  // --- profile cards: a sender's name opens theirs, with a one-to-one chat
  var card = document.getElementById('profile-card');
  var cardUser = null;
  document.addEventListener('click', function (event) {
    var sender = event.target.closest('.sender[data-username]');
    if (!sender || !sender.dataset.username) return;
    call('GET', '/users/' + encodeURIComponent(sender.dataset.username)).then(function (user) {
      cardUser = user;
      document.getElementById('profile-avatar').src = user.avatarUrlMedium || user.avatarUrl;
      document.getElementById('profile-name').textContent = user.displayName;
      document.getElementById('profile-username').textContent = '@' + user.username;
      document.getElementById('profile-chat').hidden = user.id === me;
      card.hidden = false;
      document.getElementById('profile-close').focus();
    });
  });
  document.getElementById('profile-close').addEventListener('click', function () { card.hidden = true; });
  document.getElementById('profile-chat').addEventListener('click', function () {
    call('POST', '/rooms', { uri: cardUser.username }).then(function (room) {
      location.assign(meta('gitter-base') + '/room.xhtml?id=' + room.id);
    }).catch(function (error) { say(error.message, true); });
  });

  // --- live
  var wasDown = false;
  var client = window.GitterBayeux.forPage(function (state) {
    if (state === 'down' || state === 'refused') {
      banner.hidden = false;
      wasDown = true;
    } else if (state === 'up') {
      banner.hidden = true;
      if (wasDown) catchUp();
      document.body.dataset.live = 'true';
    } else if (state === 'gap') {
      catchUp();
    }
  });
  client.subscribe('/api/v1/rooms/' + roomId + '/chatMessages', function (event) {
    if (event.operation === 'create') add(event.model);
    if (event.operation === 'update') update(event.model);
    if (event.operation === 'patch') patch(event.model);
    if (event.operation === 'remove') remove(event.model);
  });
  // Presence: who is looking at this room right now.
  var people = document.getElementById('people');
  client.subscribe('/api/v1/rooms/' + roomId, function (event) {
    if (event.notification !== 'presence' || !people) return;
    var person = people.querySelector('li[data-user-id="' + event.userId + '"]');
    if (!person) return;
    person.classList.toggle('in-room', event.status === 'in');
    if (event.status === 'in') person.classList.replace('offline', 'online');
  });
  client.begin();

  list.querySelectorAll('time').forEach(localTime);
  Array.prototype.forEach.call(list.children, group);
  list.querySelectorAll('.body').forEach(highlight);
  Array.prototype.forEach.call(list.children, watchRead);
  var firstUnread = list.querySelector('.permalink') || list.querySelector('.first-unread');
  var anchor = firstUnread || list.lastElementChild;
  if (anchor) anchor.scrollIntoView({ block: firstUnread ? 'center' : 'end' });
})();
