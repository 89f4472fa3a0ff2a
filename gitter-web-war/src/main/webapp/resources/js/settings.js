'use strict';
// Desktop notifications: asked for only when the person turns them on here, never on load; the
// choice is kept in this browser (menu.js reads it).
(function () {
  var toggle = document.getElementById('desktop-toggle');
  var state = document.getElementById('desktop-state');
  if (!toggle) return;
  function on() {
    try { return localStorage.getItem('gitter.notifications') === 'on'; } catch (ignored) { return false; }
  }
  function show() {
    var supported = 'Notification' in window;
    var blocked = supported && Notification.permission === 'denied';
    toggle.disabled = !supported || blocked;
    toggle.setAttribute('aria-pressed', String(on()));
    toggle.textContent = on() ? 'Turn off desktop notifications' : 'Turn on desktop notifications';
    state.textContent = !supported ? 'This browser cannot show notifications.'
      : blocked ? 'Notifications are blocked for this site in the browser\'s settings.'
        : on() ? 'Desktop notifications are on.' : 'Desktop notifications are off.';
  }
  toggle.addEventListener('click', function () {
    if (on()) {
      localStorage.setItem('gitter.notifications', 'off');
      show();
      return;
    }
    Notification.requestPermission().then(function (permission) {
      if (permission === 'granted') localStorage.setItem('gitter.notifications', 'on');
      show();
    });
  });
  show();
})();
