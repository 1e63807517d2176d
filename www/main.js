// Loads the WebAssembly page (built by scripts/build-web.sh into ./pkg/). The same module runs
// the engine in ./worker.js, where the files are read and the KPIs computed.
import init, { startPage } from './pkg/helpdesk_kpi.js';

// The error box (shown by the engine's panic hook or a failed start) lets the person copy what
// happened, to send it to us, and start again.
document.getElementById('fatal-copy').addEventListener('click', (event) => {
  const details = document.getElementById('fatal-details').textContent;
  const done = () => { event.target.textContent = 'Copied'; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(details).then(done, () => {});
  }
});
document.getElementById('fatal-reload').addEventListener('click', () => window.location.reload());

init().then(() => {
  startPage();
  registerServiceWorker();
}).catch((error) => {
  const fatal = document.getElementById('fatal');
  document.getElementById('fatal-details').textContent = String(error);
  fatal.hidden = false;
});

// The service worker (./sw.js) keeps the page's own files so it opens and works offline. It is
// an extra: where it cannot be registered (file://, private modes, old browsers) the page works
// as before, so a failure is ignored silently. It is registered once the page runs, so that
// its keeping of the files (the readers loaded on demand too) does not slow the first load.
function registerServiceWorker() {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
  }
}
