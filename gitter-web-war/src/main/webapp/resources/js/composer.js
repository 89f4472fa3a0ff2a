'use strict';
// The composer: sends through the REST API, runs Gitter's slash commands (an unknown one is
// refused, not posted; "//" sends a leading slash), edits (↑ or the message's action), quotes,
// @-suggestions, compose mode, emoji; the thread's composer shares the Enter handling.
window.GitterComposer = (function () {
  var chat = window.GitterChat;
  if (!chat || !chat.token) return null;
  var call = chat.call;
  var say = chat.say;
  var roomId = chat.roomId;
  var composer = document.getElementById('composer');
  var text = document.getElementById('composer-text');
  var threadText = document.getElementById('thread-text');
  var modeSelect = document.getElementById('notify-mode');
  var MODE_LABELS = { all: 'All messages', announcement: 'Mentions and announcements', mute: 'Mute (mentions only)' };
  if (document.querySelector('[data-member="true"]')) composer.hidden = false;

  function username(argument) {
    return (argument || '').trim().replace(/^@/, '');
  }
  function showMode(mode) {
    if (modeSelect) modeSelect.value = mode;
  }
  function changeMode(mode) {
    return call('PUT', '/user/me/rooms/' + roomId + '/settings/notifications', { mode: mode }).then(function () {
      showMode(mode);
      say('Notifications: ' + MODE_LABELS[mode]);
    });
  }
  function showTopic(topic) {
    document.getElementById('room-topic').textContent = topic;
    document.getElementById('room-topic').title = topic;
    document.getElementById('room-info-topic').textContent = topic || 'No topic yet.';
  }
  function goTo(room) {
    location.assign(chat.base + room.url);
  }

  var commands = {
    me: function (rest) {
      return call('POST', '/rooms/' + roomId + '/chatMessages', { text: rest, status: true }).then(function (m) { chat.add(m, 'mine'); });
    },
    topic: function (rest) {
      return call('PUT', '/rooms/' + roomId, { topic: rest }).then(function (room) {
        showTopic(room.topic);
        say('Topic changed');
      });
    },
    leave: function () {
      return call('DELETE', '/rooms/' + roomId + '/users/' + chat.me).then(function () {
        location.assign(chat.base + '/rooms.xhtml');
      });
    },
    query: function (rest) {
      return call('POST', '/rooms', { uri: username(rest) }).then(goTo);
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
    'notify-all': function () { return changeMode('all'); },
    'notify-announcements': function () { return changeMode('announcement'); },
    'notify-mute': function () { return changeMode('mute'); },
  };

  // editing: the id of the message being edited, or nothing for a new message
  function send(value, editing) {
    if (editing) {
      return call('PUT', '/rooms/' + roomId + '/chatMessages/' + editing, { text: value }).then(chat.update);
    }
    if (value.indexOf('//') === 0) value = value.slice(1);
    else {
      var command = /^\/([\w-]+)(?:\s+([\s\S]*))?$/.exec(value);
      if (command) {
        if (!commands[command[1]]) {
          return Promise.reject(new Error('Unknown command /' + command[1] + '. Commands: /' +
            Object.keys(commands).join(', /') + '. Start with // to send a slash.'));
        }
        return commands[command[1]](command[2] || '');
      }
    }
    return call('POST', '/rooms/' + roomId + '/chatMessages', { text: value }).then(function (m) { chat.add(m, 'mine'); });
  }

  // The composer empties as the message goes (an edit ends there too), so the next one can be
  // typed at once; what failed comes back, as it was, unless something new was typed meanwhile
  // (emptying only on success wiped that, or sent it as the edit).
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var typed = text.value;
    var value = typed.trim();
    if (!value) return;
    var editing = composer.dataset.editing;
    stopEditing();
    text.value = '';
    grow(text);
    send(value, editing)
      .then(function () {
        if (document.getElementById('composer-error').classList.contains('error')) say('');
      })
      .catch(function (error) {
        if (!text.value && !composer.dataset.editing) {
          text.value = typed;
          if (editing) startEditing(editing);
          grow(text);
        }
        say(error.message, true);
      });
  });

  // ↑ in an empty composer, or a message's Edit: the server keeps the 10-minute window.
  function edit(id) {
    call('GET', '/rooms/' + roomId + '/chatMessages/' + id).then(function (message) {
      text.value = message.text;
      startEditing(message.id);
      say('Editing your message. Esc stops.');
      grow(text);
      text.focus();
    }).catch(function (error) { say(error.message, true); });
  }
  function startEditing(id) {
    composer.dataset.editing = id;
    composer.classList.add('editing');
  }
  function stopEditing() {
    delete composer.dataset.editing;
    composer.classList.remove('editing');
  }
  function quote(body) {
    var quoted = body.trim().split('\n').map(function (line) { return '> ' + line; }).join('\n');
    text.value = quoted + '\n\n' + text.value;
    grow(text);
    text.focus();
  }
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && composer.dataset.editing) {
      text.value = '';
      stopEditing();
      say('');
      return;
    }
    if (event.key !== 'ArrowUp' || text.value) return;
    var mine = chat.mine();
    var last = mine[mine.length - 1];
    if (!last) return;
    event.preventDefault();
    edit(last.dataset.id);
  });

  // The textarea grows with its text, up to a limit (then it scrolls).
  function grow(area) {
    area.style.height = 'auto';
    area.style.height = Math.min(area.scrollHeight + 2, window.innerHeight * 0.4) + 'px';
  }
  [text, threadText].forEach(function (area) {
    area.addEventListener('input', function () { grow(area); });
  });

  // @ typeahead: people of the room whose name starts with what follows the @.
  var suggestions = document.getElementById('mention-suggestions');
  var typeaheadTimer = null;
  function mentionPrefix() {
    var before = text.value.slice(0, text.selectionStart);
    var match = /(^|\s)@([\w.-]*)$/.exec(before);
    return match ? match[2] : null;
  }
  function chooseMention(name) {
    var caret = text.selectionStart;
    var before = text.value.slice(0, caret).replace(/@[\w.-]*$/, '@' + name + ' ');
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
        people.forEach(function (person, index) {
          var option = document.createElement('li');
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', String(index === 0));
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
    } else if (event.key === 'Escape') {
      suggestions.hidden = true;
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

  // The thread's composer.
  document.getElementById('thread-composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var typed = threadText.value;
    var parent = chat.openThread();
    if (!typed.trim() || !parent) return;
    threadText.value = '';
    grow(threadText);
    call('POST', '/rooms/' + roomId + '/chatMessages', { text: typed.trim(), parentId: parent })
      .then(function (reply) { chat.add(reply, 'mine'); })
      .catch(function (error) {
        // back only into the thread it was meant for
        if (!threadText.value && chat.openThread() === parent) {
          threadText.value = typed;
          grow(threadText);
        }
        say(error.message, true);
      });
  });

  // Emoji: a small picker inserting :shortcodes:, which the server renders for every client.
  var EMOJI = { smile: '😄', laughing: '😆', wink: '😉', heart: '❤️', thumbsup: '👍', thumbsdown: '👎',
    clap: '👏', tada: '🎉', rocket: '🚀', fire: '🔥', eyes: '👀', thinking: '🤔', pray: '🙏',
    ok_hand: '👌', wave: '👋', sweat_smile: '😅', joy: '😂', cry: '😢', white_check_mark: '✅', x: '❌',
    warning: '⚠️', bug: '🐛', sparkles: '✨', coffee: '☕' };
  var picker = document.getElementById('emoji-picker');
  var emojiButton = document.getElementById('emoji-button');
  Object.keys(EMOJI).forEach(function (code) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = EMOJI[code];
    button.title = ':' + code + ':';
    button.setAttribute('aria-label', code.replace(/_/g, ' '));
    button.dataset.code = code;
    picker.appendChild(button);
  });
  emojiButton.addEventListener('click', function () {
    picker.hidden = !picker.hidden;
    emojiButton.setAttribute('aria-expanded', String(!picker.hidden));
    if (!picker.hidden) picker.querySelector('button').focus();
  });
  picker.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-code]');
    if (!button) return;
    var caret = text.selectionStart || text.value.length;
    var insert = ':' + button.dataset.code + ': ';
    text.value = text.value.slice(0, caret) + insert + text.value.slice(caret);
    picker.hidden = true;
    emojiButton.setAttribute('aria-expanded', 'false');
    text.focus();
    text.setSelectionRange(caret + insert.length, caret + insert.length);
  });

  // The header's actions.
  if (modeSelect) {
    showMode(modeSelect.dataset.mode);
    modeSelect.addEventListener('change', function () {
      changeMode(modeSelect.value).catch(function (error) { say(error.message, true); });
    });
  }
  var markAll = document.getElementById('mark-all-read');
  if (markAll) {
    markAll.addEventListener('click', function () {
      call('DELETE', '/user/me/rooms/' + roomId + '/unreadItems/all')
        .then(function () {
          var marker = document.querySelector('#chat-messages .first-unread');
          if (marker) marker.classList.remove('first-unread');
          say('All messages marked as read');
        })
        .catch(function (error) { say(error.message, true); });
    });
  }
  var share = document.getElementById('share-room');
  if (share) {
    share.addEventListener('click', function () {
      chat.copyText(location.origin + chat.base + chat.roomUrl, 'Link to this room copied');
      share.closest('details').open = false;
    });
  }

  // The room channel: topic changes made anywhere (the activity lists each once, ours too).
  var knownTopic = document.getElementById('room-topic').textContent;
  chat.client.subscribe('/api/v1/rooms/' + roomId, function (event) {
    if (event.operation === 'patch' && event.model && typeof event.model.topic === 'string') {
      if (event.model.topic !== knownTopic) {
        chat.happened(event.model.topic ? 'Topic set to “' + event.model.topic + '”' : 'Topic cleared');
        knownTopic = event.model.topic;
      }
      showTopic(event.model.topic);
    }
    if (window.GitterPeople && event.notification === 'presence') window.GitterPeople.presence(event);
  });

  return { edit: edit, quote: quote, focus: function () { text.focus(); } };
})();
