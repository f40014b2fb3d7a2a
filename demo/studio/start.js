// Opened from disk (file://), browsers refuse module scripts, so the page loads the one-file build
// instead. Served from a web server, studio.js (a module, each importer loaded only when a file
// needs it) runs and this does nothing, so a Content-Security-Policy with Trusted Types is kept.
(function () {
  if (location.protocol !== 'file:' || customElements.get('imh-feed-studio')) return;
  var script = document.createElement('script');
  script.src = 'studio-standalone.js';
  document.head.appendChild(script);
})();
