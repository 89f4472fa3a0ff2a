'use strict';
// What every page shares: confirmation before destructive actions (an accessible modal <dialog>),
// the phone's room-list drawer, menus that close on Esc or a click elsewhere, and avatar colours.
window.GitterUi = (function () {
  // dark enough for white initials (4.5:1 or more)
  var COLOURS = ['#8e244d', '#1f5f8b', '#2e6b30', '#6a3d9a', '#8a4b08', '#00695c', '#4a5878', '#ad1457'];
  function paint(avatar) {
    var seed = avatar.dataset.seed || avatar.textContent;
    var hash = 0;
    for (var i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
    avatar.style.backgroundColor = COLOURS[Math.abs(hash) % COLOURS.length];
  }
  function paintAll(root) {
    (root || document).querySelectorAll('.avatar[data-seed]').forEach(paint);
  }

  // A button with data-confirm asks first; "Yes" clicks it again, confirmed.
  var dialog = document.getElementById('confirm-dialog');
  function confirmThen(text, okLabel, proceed) {
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-ok').textContent = okLabel || 'Yes';
    dialog.returnValue = '';
    dialog.onclose = function () {
      if (dialog.returnValue === 'ok') proceed();
    };
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (!button || button.dataset.confirmed === 'true') return;
    event.preventDefault();
    event.stopPropagation();
    confirmThen(button.dataset.confirm, button.dataset.confirmOk, function () {
      button.dataset.confirmed = 'true';
      button.click();
    });
  }, true);

  // Buttons with data-dialog open that dialog (modal: focus stays inside, Esc closes it).
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-dialog]');
    var closer = event.target.closest('[data-close-dialog]');
    if (opener) {
      var target = document.getElementById(opener.dataset.dialog);
      if (target) {
        target.showModal();
        var field = target.querySelector('input:not([type=hidden]), select, textarea');
        if (field) field.focus();
      }
    } else if (closer) {
      closer.closest('dialog').close();
    }
  });

  // The phone's drawer: ☰ opens the room list over the page; ✕, the scrim or Esc close it.
  function drawer(open) {
    document.body.classList.toggle('drawer-open', open);
    var scrim = document.getElementById('sidebar-scrim');
    if (scrim) scrim.hidden = !open;
    document.querySelectorAll('.menu-toggle').forEach(function (toggle) {
      toggle.setAttribute('aria-expanded', String(open));
    });
    if (open) {
      var first = document.querySelector('#sidebar a');
      if (first) first.focus();
    }
  }
  document.addEventListener('click', function (event) {
    if (event.target.closest('.menu-toggle')) drawer(true);
    else if (event.target.closest('#sidebar-close, #sidebar-scrim')) drawer(false);
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (document.body.classList.contains('drawer-open')) drawer(false);
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
    });
  });

  paintAll();
  return { paint: paint, paintAll: paintAll, confirm: confirmThen };
})();
