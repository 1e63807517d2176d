// Loads the WebAssembly page (built by scripts/build-web.sh into ./pkg/) with the sample's report
// made when it was built (./sample-report.json), which the page shows at once. The engine is a
// module of its own (./pkg/engine*), loaded by ./worker.js, where the files are read and the KPIs
// computed, when the page first asks it for something.
import init, { startPage } from './pkg/helpdesk_kpi.js';

// Fetched beside the module; without it (a failed fetch) the page asks the engine instead.
const sampleReport = fetch('./sample-report.json')
  .then((response) => (response.ok ? response.text() : undefined))
  .catch(() => undefined);

// The error box (shown by the engine's panic hook or a failed start) lets the person copy what
// happened, to send it to us, and start again.
document.getElementById('fatal-copy').addEventListener('click', (event) => {
  const details = document.getElementById('fatal-details').textContent;
  // The page writes "Copied" in its language into data-copied (src/web/panic.rs).
  const done = () => { event.target.textContent = event.target.dataset.copied; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(details).then(done, () => {});
  }
});
document.getElementById('fatal-reload').addEventListener('click', () => window.location.reload());

Promise.all([init(), sampleReport]).then(([, sample]) => {
  startPage(sample);
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
