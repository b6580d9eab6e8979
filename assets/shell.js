// The first screen, before the WebAssembly arrives: picks the language and
// the page of index.html's static #shell, so the person reads the real
// header and, on the home page, its introduction at once (the first
// and largest paint). It mirrors prefs::initial_lang, storage_prefix and
// Route::parse; the app removes #shell when it mounts. A classic script in
// <head>, so it runs before the body is drawn, under the strict policy.
(function () {
  var root = document.documentElement;
  var param = function (name) {
    var pairs = location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var at = pairs[i].indexOf('=');
      if (at > 0 && pairs[i].slice(0, at) === name) return pairs[i].slice(at + 1);
    }
    return null;
  };
  var code = function (text) {
    var primary = (text || '').split(/[-_]/)[0].toLowerCase();
    return primary === 'en' || primary === 'fr' ? primary : null;
  };
  // Storage may be blocked (sandboxed iframe, some private modes).
  var read = function (store, key) {
    try { return window[store].getItem(key); } catch (e) { return null; }
  };
  var lang = code(param('lang')) || code(read('localStorage', 'certlink.lang')) || code(navigator.language) || 'en';
  var prefix = (param('storage') ? param('storage') + ':' : '') + (param('demo') === 'large' ? 'large-demo:' : '');
  var page = location.hash.split('?')[0].replace(/^#/, '').replace(/^\//, '').replace(/\/$/, '').split('/')[0];
  root.lang = lang;
  root.setAttribute('data-shell-page', page);
  root.classList.add('shell-' + lang);
  if (read('sessionStorage', prefix + 'certlink.session')) root.classList.add('shell-signed-in');
  if (param('embed') === '1') root.classList.add('embed');
  // The app could not start: its WebAssembly did not load (a first visit
  // with no network, a server without it) or it stopped while starting.
  // Say so, instead of leaving a first screen that nothing answers in.
  window.certlinkFailed = function () {
    var failed = document.getElementById('start-failed');
    if (failed && document.getElementById('shell')) failed.hidden = false;
  };
  window.addEventListener('error', window.certlinkFailed);
  // The loader (scripts/build/loader-to-file.mjs) fetches the WebAssembly once this
  // first screen has been shown and its largest paint recorded, so that
  // the WebAssembly does not compete with the styles. A browser that reports no
  // paints waits for a frame; none waits more than 3 s (a hidden tab).
  window.certlinkShellShown = new Promise(function (shown) {
    setTimeout(shown, 3000);
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    var type = types.indexOf('largest-contentful-paint') >= 0 ? 'largest-contentful-paint' : types.indexOf('paint') >= 0 ? 'paint' : null;
    if (type) new PerformanceObserver(shown).observe({ type: type, buffered: true });
    else requestAnimationFrame(function () { setTimeout(shown); });
  });
})();
