'use strict';
// Emoji reactions under a message: one chip per emoji with its count, pressed when one of them is
// mine; a click adds or takes back mine. "React" in the message actions opens a small palette.
// Loaded before chat.js, which calls show() wherever it draws or patches a message and bind()
// once its API helpers exist.
window.GitterReactions = (function () {
  var QUICK = [['+1', '👍'], ['heart', '❤️'], ['smile', '😄'], ['tada', '🎉'], ['eyes', '👀'],
    ['rocket', '🚀'], ['pray', '🙏'], ['-1', '👎']];
  var chat = null;

  function show(item, reactions) {
    var row = item.querySelector(':scope > .reactions');
    if (!reactions || !reactions.length) {
      if (row) row.remove();
      return;
    }
    if (!row) {
      row = document.createElement('div');
      row.className = 'reactions';
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', 'Reactions');
      item.querySelector(':scope > .body').after(row);
    }
    row.textContent = '';
    var me = chat ? chat.me : document.querySelector('meta[name="gitter-user"]').content;
    reactions.forEach(function (reaction) {
      var mine = reaction.userIds.indexOf(me) >= 0;
      var chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'reaction';
      chip.dataset.name = reaction.name;
      chip.setAttribute('aria-pressed', String(mine));
      chip.title = (mine ? (reaction.count === 1 ? 'You' : 'You and ' + (reaction.count - 1) + ' more')
        : reaction.count + (reaction.count === 1 ? ' person' : ' people')) + ' reacted with :' + reaction.name + ':';
      var emoji = document.createElement('span');
      emoji.className = 'reaction-emoji';
      emoji.textContent = reaction.emoji;
      var count = document.createElement('span');
      count.className = 'reaction-count';
      count.textContent = reaction.count;
      chip.append(emoji, count);
      row.appendChild(chip);
    });
  }

  function everywhere(id, reactions) {
    document.querySelectorAll('li.message[data-id="' + id + '"]').forEach(function (item) {
      show(item, reactions);
    });
  }

  function change(id, name, add) {
    var path = '/rooms/' + chat.roomId + '/chatMessages/' + id + '/reactions/' + encodeURIComponent(name);
    chat.call(add ? 'PUT' : 'DELETE', path)
      .then(function (reactions) { everywhere(id, reactions); })
      .catch(function (error) { chat.say(error.message, true); });
  }

  // the palette: one element, moved to the message it is opened on
  var palette = document.createElement('div');
  palette.className = 'reaction-picker';
  palette.setAttribute('role', 'group');
  palette.setAttribute('aria-label', 'Add a reaction');
  palette.hidden = true;
  QUICK.forEach(function (pair) {
    var button = document.createElement('button');
    button.type = 'button';
    button.dataset.name = pair[0];
    button.textContent = pair[1];
    button.title = ':' + pair[0] + ':';
    button.setAttribute('aria-label', 'React with ' + pair[0]);
    palette.appendChild(button);
  });

  function pick(item) {
    item.appendChild(palette);
    palette.hidden = false;
    palette.querySelector('button').focus();
  }
  function closePalette() {
    palette.hidden = true;
  }

  function bind(chatApi) {
    chat = chatApi;
    if (!chat.token) {
      document.querySelectorAll('.reaction').forEach(function (chip) { chip.disabled = true; });
      return;
    }
    document.addEventListener('click', function (event) {
      var chip = event.target.closest('.reaction');
      var choice = event.target.closest('.reaction-picker button');
      var item = event.target.closest('li.message');
      if (chip && item) {
        change(item.dataset.id, chip.dataset.name, chip.getAttribute('aria-pressed') !== 'true');
      } else if (choice && item) {
        closePalette();
        change(item.dataset.id, choice.dataset.name, true);
      } else if (!event.target.closest('[data-action="react"]')) {
        closePalette();
      }
    });
    palette.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') closePalette();
    });
  }

  return { show: show, pick: pick, bind: bind };
})();
