'use strict';
// The live part of the chat page: new, edited and deleted messages arrive through Bayeux, the
// composer posts through the REST API, and a dropped connection is filled from history.
(function () {
  var meta = window.GitterBayeux.meta;
  var token = meta('gitter-token');
  var roomId = meta('gitter-room');
  var base = meta('gitter-base');
  var api = base.replace(/\/$/, '') + '/api/v1';
  var list = document.getElementById('chat-messages');
  var banner = document.getElementById('connection');
  if (!token || !roomId || !list) return;

  function call(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.error || response.statusText);
        return json;
      });
    });
  }

  function localTime(element) {
    var when = new Date(element.getAttribute('datetime'));
    if (!isNaN(when)) element.textContent = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function render(message) {
    var item = document.createElement('li');
    item.className = 'message' + (message.status ? ' status' : '');
    item.dataset.id = message.id;
    var sender = document.createElement('span');
    sender.className = 'sender';
    sender.textContent = message.fromUser ? message.fromUser.displayName : '';
    sender.title = message.fromUser ? '@' + message.fromUser.username : '';
    var time = document.createElement('time');
    time.setAttribute('datetime', message.sent);
    localTime(time);
    var body = document.createElement('div');
    body.className = 'body';
    body.innerHTML = message.html; // sanitised by the server's allow-list when stored
    item.append(sender, time, body);
    return item;
  }

  function find(id) {
    return list.querySelector('li[data-id="' + id + '"]');
  }

  function add(message) {
    if (find(message.id) || message.parentId) return;
    list.appendChild(render(message));
    list.lastChild.scrollIntoView({ block: 'end' });
    markRead([message.id]);
  }

  function update(message) {
    var item = find(message.id);
    if (!item) return;
    item.querySelector('.body').innerHTML = message.html;
    item.classList.add('edited');
  }

  function remove(message) {
    var item = find(message.id);
    if (item) item.remove();
  }

  var unreadIds = [];
  var markTimer = null;
  function markRead(ids) {
    unreadIds = unreadIds.concat(ids);
    if (markTimer || document.hidden) return;
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

  var wasDown = false;
  var client = window.GitterBayeux.forPage(
    function (state) {
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
    if (event.operation === 'remove') remove(event.model);
  });
  client.start();

  list.querySelectorAll('time').forEach(localTime);
  var shown = Array.prototype.map.call(list.children, function (li) { return li.dataset.id; });
  if (shown.length) markRead(shown);
  if (list.lastElementChild) list.lastElementChild.scrollIntoView({ block: 'end' });

  var composer = document.getElementById('composer');
  var text = document.getElementById('composer-text');
  var problem = document.getElementById('composer-error');
  if (document.querySelector('[data-member="true"]')) composer.hidden = false;
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) return;
    var status = value.indexOf('/me ') === 0;
    call('POST', '/rooms/' + roomId + '/chatMessages', { text: status ? value.slice(4) : value, status: status })
      .then(function (message) {
        text.value = '';
        problem.hidden = true;
        add(message);
      })
      .catch(function (error) {
        problem.textContent = error.message;
        problem.hidden = false;
      });
  });
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
})();
