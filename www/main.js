// Loads the WebAssembly engine and page (built by scripts/build-web.sh into ./pkg/).
import init from './pkg/helpdesk_kpi.js';

init().catch((error) => {
  const fatal = document.getElementById('fatal');
  document.getElementById('fatal-details').textContent = String(error);
  fatal.hidden = false;
});
