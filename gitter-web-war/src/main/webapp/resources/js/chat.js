'use strict';
// The message list of the chat page: new, edited and deleted messages and thread replies arrive
// through Bayeux; after a reconnect or an ext.c gap the list pages forward from the last message
// the server sent before the drop (never from one of our own sends, which may be newer than what
// others said meanwhile). Reading older history is never interrupted: new messages raise the
// "new messages ↓" count instead. composer.js and people.js use what this file exposes.
window.GitterChat = (function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var roomId = meta('gitter-room');
  var base = meta('gitter-base').replace(/\/$/, '');
  var roomUrl = meta('gitter-room-url');
  var api = base + '/api/v1';
  var me = meta('gitter-user');
  var isAdmin = meta('gitter-admin') === 'true';
  var list = document.getElementById('chat-messages');
  if (!roomId || !list) return null;
  var notice = document.getElementById('composer-error');
  var threadList = document.getElementById('thread-messages');

  // --- talking to the API; failures become sentences a person can act on
  function call(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(function () {
      throw new Error('The server cannot be reached. Check your connection and try again.');
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = {};
        try { json = text ? JSON.parse(text) : {}; } catch (notJson) { json = {}; }
        if (response.ok) return json;
        if (response.status === 429) {
          var seconds = Number(response.headers.get('Retry-After')) || 10;
          throw new Error('You are sending too fast. Try again in ' + seconds + ' second' + (seconds === 1 ? '' : 's') + '.');
        }
        throw new Error(typeof json.error === 'string' ? json.error : 'Something went wrong (' + response.status + '). Try again.');
      });
    });
  }

  var noticeTimer = null;
  function say(text, isError) {
    clearTimeout(noticeTimer);
    notice.textContent = text;
    notice.className = 'composer-notice ' + (isError ? 'error' : 'info');
    notice.setAttribute('role', isError ? 'alert' : 'status');
    notice.hidden = !text;
    if (text && !isError) noticeTimer = setTimeout(function () { notice.hidden = true; }, 4000);
  }

  // --- rendering
  function localTime(time) {
    var when = new Date(time.getAttribute('datetime'));
    if (isNaN(when)) return;
    time.textContent = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    time.title = when.toLocaleString();
  }

  function avatar(user) {
    var span = document.createElement('span');
    span.className = 'avatar';
    span.setAttribute('aria-hidden', 'true');
    span.dataset.seed = user ? user.id : '';
    span.textContent = user && user.displayName ? user.displayName.charAt(0).toUpperCase() : '?';
    if (window.GitterUi) window.GitterUi.paint(span);
    return span;
  }

  function render(message) {
    var user = message.fromUser || {};
    var item = document.createElement('li');
    item.className = 'message' + (message.status ? ' status' : '') + (message.editedAt ? ' edited' : '') +
      (mentionsMe(message) ? ' mentions-me' : '') + (user.id && user.id === me ? ' mine' : '');
    item.dataset.id = message.id;
    item.dataset.senderId = user.id || '';
    var head = document.createElement('div');
    head.className = 'message-head';
    var sender = document.createElement('button');
    sender.type = 'button';
    sender.className = 'sender';
    sender.textContent = user.displayName || '';
    sender.title = '@' + (user.username || '');
    sender.dataset.username = user.removed ? '' : user.username || ''; // a removed account has no profile
    var link = document.createElement('a');
    link.className = 'time-link';
    link.href = base + roomUrl + '?at=' + message.id;
    var time = document.createElement('time');
    time.setAttribute('datetime', message.sent);
    localTime(time);
    link.appendChild(time);
    head.append(sender, link);
    var body = document.createElement('div');
    body.className = 'body';
    body.innerHTML = message.html; // sanitised by the server's allow-list when stored
    highlight(body);
    item.append(avatar(user), head, body);
    threadSummary(item, message.threadMessageCount);
    window.GitterReactions.show(item, message.reactions);
    readBy(item, message.readBy);
    return item;
  }

  function mentionsMe(message) {
    return (message.mentions || []).some(function (m) {
      return m.userId === me || (m.userIds || []).indexOf(me) >= 0 || m.group;
    });
  }

  function threadSummary(item, count) {
    var button = item.querySelector('.thread-open');
    if (!count) {
      if (button) button.remove();
      return;
    }
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'thread-open';
      item.querySelector('.body').after(button);
    }
    button.dataset.id = item.dataset.id;
    button.textContent = count + (count === 1 ? ' reply' : ' replies');
  }

  function readBy(item, count) {
    var span = item.querySelector('.read-by');
    if (!span) {
      span = document.createElement('span');
      span.className = 'read-by';
      item.appendChild(span);
    }
    span.textContent = count ? 'Read by ' + count : '';
  }

  // Code blocks are coloured by highlight.js (served with the page).
  function highlight(element) {
    if (!window.hljs) return;
    element.querySelectorAll('pre code').forEach(function (code) { window.hljs.highlightElement(code); });
  }

  function messages(container) {
    return Array.prototype.slice.call((container || list).querySelectorAll(':scope > li.message'));
  }

  function find(container, id) {
    return container.querySelector('li.message[data-id="' + id + '"]');
  }

  function sentAt(item) {
    return new Date(item.querySelector('time').getAttribute('datetime'));
  }

  // Day separators, and groups: messages from one sender within five minutes show one name. A
  // status (/me) message, the first unread one and the first of a day always show the name.
  var GROUP_MILLIS = 5 * 60 * 1000;
  function relayout(container) {
    container = container || list;
    container.querySelectorAll(':scope > li.day').forEach(function (day) { day.remove(); });
    var previous = null;
    messages(container).forEach(function (item) {
      var sent = sentAt(item);
      var newDay = !previous || sent.toDateString() !== sentAt(previous).toDateString();
      if (newDay && container === list && !isNaN(sent)) {
        var day = document.createElement('li');
        day.className = 'day';
        day.textContent = sent.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
        item.before(day);
      }
      var same = !newDay && previous && previous.dataset.senderId && previous.dataset.senderId === item.dataset.senderId &&
        sent - sentAt(previous) < GROUP_MILLIS && !item.classList.contains('status') &&
        !previous.classList.contains('status') && !item.classList.contains('first-unread');
      item.classList.toggle('continuation', Boolean(same));
      previous = item;
    });
  }

  // --- where the reader is
  var atEnd = list.dataset.atEnd !== 'false';
  var newButton = document.getElementById('new-messages');
  var unseen = 0;
  function nearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }
  function toBottom() {
    list.scrollTop = list.scrollHeight;
    unseen = 0;
    newButton.hidden = true;
  }
  function countUnseen() {
    unseen++;
    newButton.textContent = unseen + (unseen === 1 ? ' new message' : ' new messages') + ' ↓';
    newButton.hidden = false;
  }
  newButton.addEventListener('click', function () {
    if (atEnd) {
      toBottom();
      return;
    }
    loadNewer(true);
  });
  list.addEventListener('scroll', function () {
    if (list.scrollTop < 40) loadOlder();
    if (nearBottom()) {
      if (!atEnd) loadNewer(false);
      else if (unseen) toBottom();
    }
  });

  // --- what the server has sent: the newest message id received from it (history or live)
  var syncedUpTo = atEnd && messages().length ? messages().pop().dataset.id : null;
  function received(id) {
    if (!syncedUpTo || id > syncedUpTo) syncedUpTo = id; // ObjectIds sort by time
  }

  /** Adds a main-list message; source is 'live', 'history' or 'mine' (our own send). */
  function add(message, source) {
    if (message.parentId) {
      addToThread(message, source);
      return;
    }
    if (source !== 'mine') received(message.id);
    if (source === 'live' && message.fromUser && window.GitterTyping) window.GitterTyping.stopped(message.fromUser.id);
    if (find(list, message.id)) return;
    if (!atEnd) {
      if (source === 'live') countUnseen();
      return; // loaded in order when the reader gets there
    }
    var follow = source === 'mine' || nearBottom();
    var item = render(message);
    var later = messages().filter(function (other) { return other.dataset.id > message.id; })[0];
    if (later) later.before(item);
    else list.appendChild(item);
    relayout();
    document.getElementById('empty-room').hidden = true;
    if (follow) toBottom();
    else countUnseen();
    watchRead(item);
  }

  function update(message) {
    [list, threadList].forEach(function (container) {
      var item = find(container, message.id);
      if (!item) return;
      var body = item.querySelector('.body');
      body.innerHTML = message.html;
      highlight(body);
      item.classList.add('edited');
      window.GitterReactions.show(item, message.reactions);
    });
  }

  function patch(model) {
    if (model.reactions !== undefined) {
      [list, threadList].forEach(function (container) {
        var shown = find(container, model.id);
        if (shown) window.GitterReactions.show(shown, model.reactions);
      });
    }
    var item = find(list, model.id);
    if (!item) return;
    if (model.threadMessageCount !== undefined) threadSummary(item, model.threadMessageCount);
    if (model.readBy !== undefined) readBy(item, model.readBy);
  }

  function remove(message) {
    [list, threadList].forEach(function (container) {
      var item = find(container, message.id);
      if (!item) return;
      if (actions.parentElement === item) document.body.appendChild(actions);
      item.remove();
      relayout(container);
    });
  }

  // After a reconnect or a gap: page forward from a little before what the server last sent,
  // until nothing is missing; add() drops the ones already shown. A little before, because ids
  // made in the same second by two API instances do not sort in the order they were sent; what is
  // older than the first message shown stays out (it belongs to "load older").
  var CATCH_UP_MARGIN_SECONDS = 10;
  function secondsBefore(id, seconds) {
    var time = Math.max(0, parseInt(id.substring(0, 8), 16) - seconds);
    return ('00000000' + time.toString(16)).slice(-8) + '0000000000000000';
  }
  var catchingUp = false;
  function catchUp() {
    if (catchingUp || !atEnd) return;
    catchingUp = true;
    var from = syncedUpTo && secondsBefore(syncedUpTo, CATCH_UP_MARGIN_SECONDS);
    var shown = messages();
    var oldest = shown.length ? shown[0].dataset.id : '';
    (function page() {
      var path = '/rooms/' + roomId + '/chatMessages?limit=100' + (from ? '&afterId=' + from : '');
      call('GET', path).then(function (found) {
        found.forEach(function (message) {
          if (message.id > oldest) add(message, 'history');
        });
        if (found.length === 100 && from) {
          from = found[found.length - 1].id;
          page();
        } else {
          catchingUp = false;
        }
      }).catch(function () { catchingUp = false; });
    })();
  }

  // --- older and newer pages
  var older = document.getElementById('load-older');
  var loadingOlder = false;
  function loadOlder() {
    var first = messages()[0];
    if (loadingOlder || !first || older.hidden) return;
    loadingOlder = true;
    var height = list.scrollHeight;
    olderPage(first.dataset.id)
      .then(function (found) {
        if (found.length < 50) older.hidden = true;
        found.forEach(function (item) {
          if (find(list, item.dataset.id)) return;
          list.prepend(item);
          watchRead(item);
        });
        relayout();
        list.scrollTop += list.scrollHeight - height;
      })
      .catch(function (error) { say(error.message, true); })
      .then(function () { loadingOlder = false; });
  }
  // The 50 messages before one, newest first, as list items: from the API, or signed out (the API
  // needs a token) from the room's own page rendered with ?before=.
  function olderPage(beforeId) {
    if (token) {
      return call('GET', '/rooms/' + roomId + '/chatMessages?limit=50&beforeId=' + beforeId)
        .then(function (found) {
          return found.reverse().filter(function (m) { return !m.parentId; }).map(render);
        });
    }
    return fetch(base + roomUrl + '?before=' + encodeURIComponent(beforeId))
      .then(function (response) {
        if (!response.ok) throw new Error('Older messages could not be loaded. Try again.');
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        return Array.prototype.slice.call(page.querySelectorAll('#chat-messages > li.message'))
          .reverse()
          .map(function (item) {
            var copy = document.importNode(item, true);
            copy.querySelectorAll('time').forEach(localTime);
            highlight(copy);
            if (Number(copy.dataset.thread)) threadSummary(copy, Number(copy.dataset.thread));
            window.GitterReactions.show(copy, JSON.parse(copy.dataset.reactions || '[]'));
            if (window.GitterUi) window.GitterUi.paintAll(copy);
            return copy;
          });
      });
  }
  older.addEventListener('click', loadOlder);
  if (messages().length < 50) older.hidden = true;

  var loadingNewer = false;
  function loadNewer(thenToBottom) {
    var last = messages().pop();
    if (loadingNewer || !last) return;
    loadingNewer = true;
    call('GET', '/rooms/' + roomId + '/chatMessages?limit=50&afterId=' + last.dataset.id)
      .then(function (found) {
        found.forEach(function (message) {
          received(message.id);
          if (message.parentId || find(list, message.id)) return;
          var item = render(message);
          list.appendChild(item);
          watchRead(item);
        });
        relayout();
        if (found.length < 50) {
          atEnd = true;
          list.dataset.atEnd = 'true';
        }
        loadingNewer = false;
        if (thenToBottom) {
          if (atEnd) toBottom();
          else loadNewer(true);
        }
      })
      .catch(function (error) {
        loadingNewer = false;
        say(error.message, true);
      });
  }

  // --- read state: a message counts as read once half of it was on screen (a thread reply once
  // the thread shows it); ids go to the server at most once a second, not while the tab is hidden.
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
    if (!token) return;
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

  // --- the thread panel
  var thread = document.getElementById('thread');
  var openThread = null;
  function addToThread(message, source) {
    if (message.parentId !== openThread || find(threadList, message.id)) return;
    threadList.appendChild(render(message));
    relayout(threadList);
    threadList.scrollTop = threadList.scrollHeight;
    if (source !== 'mine') markRead([message.id]);
  }
  function showThread(parentId) {
    openThread = parentId;
    threadList.textContent = '';
    var parent = find(list, parentId);
    var holder = document.getElementById('thread-parent');
    holder.textContent = '';
    if (parent) {
      var copy = parent.cloneNode(true);
      copy.classList.remove('continuation', 'first-unread', 'permalink');
      copy.querySelectorAll('.thread-open, .message-actions, .reaction-picker').forEach(function (e) { e.remove(); });
      holder.appendChild(copy);
    }
    thread.hidden = false;
    call('GET', '/rooms/' + roomId + '/chatMessages/' + parentId + '/thread')
      .then(function (replies) {
        replies.forEach(function (reply) { addToThread(reply, 'history'); });
      })
      .catch(function (error) { say(error.message, true); });
    document.getElementById('thread-text').focus();
  }
  function closeThread() {
    thread.hidden = true;
    openThread = null;
  }
  list.addEventListener('click', function (event) {
    var button = event.target.closest('.thread-open');
    if (button) showThread(button.dataset.id);
  });
  document.getElementById('thread-close').addEventListener('click', closeThread);

  // --- one actions toolbar, moved to the message under the pointer or focus; absolutely placed,
  // so showing it never moves anything under a click
  var actions = document.getElementById('message-actions');
  function showActions(item) {
    if (!token || !item || item.parentElement !== list) return;
    var mine = item.dataset.senderId === me;
    actions.querySelector('[data-action="edit"]').hidden = !mine;
    actions.querySelector('[data-action="delete"]').hidden = !(mine || isAdmin);
    actions.querySelector('[data-action="report"]').hidden = mine;
    actions.querySelector('[data-action="thread"]').hidden = !document.querySelector('[data-member="true"]');
    actions.querySelector('[data-action="quote"]').hidden = !document.querySelector('[data-member="true"]');
    actions.querySelector('[data-action="react"]').hidden = !document.querySelector('[data-member="true"]');
    if (actions.parentElement !== item) item.appendChild(actions);
    actions.hidden = false;
  }
  list.addEventListener('mousemove', function (event) {
    var item = event.target.closest('li.message');
    if (item && (actions.parentElement !== item || actions.hidden)) showActions(item);
  });
  list.addEventListener('focusin', function (event) {
    showActions(event.target.closest('li.message'));
  });
  list.addEventListener('mouseleave', function () {
    if (!actions.contains(document.activeElement)) actions.hidden = true;
  });
  actions.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    var item = actions.parentElement;
    if (!button || !item || !item.dataset.id) return;
    var id = item.dataset.id;
    switch (button.dataset.action) {
      case 'thread': showThread(id); break;
      case 'react': window.GitterReactions.pick(item); break;
      case 'quote': window.GitterComposer.quote(item.querySelector('.body').innerText); break;
      case 'link': copyText(location.origin + base + roomUrl + '?at=' + id, 'Link copied'); break;
      case 'edit': window.GitterComposer.edit(id); break;
      case 'delete':
        window.GitterUi.confirm('Delete this message? This cannot be undone.', 'Delete message', function () {
          call('DELETE', '/rooms/' + roomId + '/chatMessages/' + id)
            .then(function () { remove({ id: id }); })
            .catch(function (error) { say(error.message, true); });
        });
        break;
      case 'report':
        window.GitterUi.confirm('Report this message to the room\'s admins?', 'Report message', function () {
          call('POST', '/rooms/' + roomId + '/chatMessages/' + id + '/report')
            .then(function () { say('Reported. The room\'s admins will look at it.'); })
            .catch(function (error) { say(error.message, true); });
        });
        break;
      default:
    }
  });

  // The right column's activity: what happened in the room since the page opened, newest first.
  var activity = document.getElementById('activity');
  function happened(text) {
    if (!activity) return;
    var empty = activity.querySelector('.empty');
    if (empty) empty.remove();
    var item = document.createElement('li');
    var time = document.createElement('time');
    var now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    item.append(document.createTextNode(text + ' '), time);
    activity.prepend(item);
    while (activity.children.length > 20) activity.lastElementChild.remove();
  }

  function copyText(value, done) {
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = value;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
      say(done);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () { say(done); }, fallback);
    } else {
      fallback();
    }
  }

  // --- first paint: local times, days and groups, colours; open at the permalink, the first
  // unread message, or the end
  list.querySelectorAll('time').forEach(localTime);
  list.querySelectorAll('.body').forEach(highlight);
  messages().forEach(function (item) {
    var count = Number(item.dataset.thread);
    if (count) threadSummary(item, count);
    window.GitterReactions.show(item, JSON.parse(item.dataset.reactions || '[]'));
    readBy(item, Number(item.dataset.readBy));
  });
  relayout();
  messages().forEach(watchRead);
  var anchor = list.querySelector('.permalink') || list.querySelector('.first-unread');
  if (anchor) anchor.scrollIntoView({ block: 'center' });
  else list.scrollTop = list.scrollHeight;
  window.scrollTo(0, 0);

  var chat = {
    call: call, say: say, add: add, update: update, patch: patch, remove: remove, catchUp: catchUp,
    showThread: showThread, closeThread: closeThread, copyText: copyText, render: render,
    happened: happened,
    roomId: roomId, roomUrl: roomUrl, base: base, me: me, token: token,
    openThread: function () { return openThread; },
    mine: function () { return list.querySelectorAll('li.message[data-sender-id="' + me + '"]'); },
  };
  if (!token) {
    window.GitterReactions.bind(chat);
    return chat;
  }

  // --- live
  var banner = document.getElementById('connection');
  var client = window.GitterBayeux.forPage(function (state) {
    if (state === 'down' || state === 'refused') banner.hidden = false;
    else if (state === 'up') banner.hidden = true;
    else if (state === 'gap') catchUp();
  });
  client.subscribe('/api/v1/rooms/' + roomId + '/chatMessages', function (event) {
    if (event.operation === 'create') add(event.model, 'live');
    if (event.operation === 'update') update(event.model);
    if (event.operation === 'patch') patch(event.model);
    if (event.operation === 'remove') remove(event.model);
  }, null, function () {
    // subscribed (again): fetch what was said since the page was rendered or the line dropped
    catchUp();
    document.body.dataset.live = 'true';
  });
  chat.client = client;
  window.GitterReactions.bind(chat);
  return chat;
})();
