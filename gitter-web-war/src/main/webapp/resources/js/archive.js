'use strict';
// Archives: code blocks coloured like in the room.
(function () {
  if (!window.hljs) return;
  document.querySelectorAll('#archive-messages pre code').forEach(function (code) { window.hljs.highlightElement(code); });
})();
