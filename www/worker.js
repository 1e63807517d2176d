// The engine's worker: reads the dropped files and computes every report, off the page's
// thread. Messages in: {type: 'load', id, files, settings} | {type: 'sample', id, settings} |
// {type: 'reload', id, settings} | {type: 'report', id, settings, selection}. "Forget
// everything" ends the worker (src/web/engine.rs), so no data outlives it.
// Messages out: {type: 'progress', id, file, bytes, rows, total} while reading (bytes and
// rows so far over all the files); {type: 'report', id, report, ms, memory} with the report's
// JSON and the engine's peak memory; {type: 'refused', id, message} for settings that make no
// sense; {type: 'unreadable', id, report} with why, when none of the files could be read;
// {type: 'oom', id, report} when they did not fit in memory; {type: 'failed', id, message}
// when the engine itself failed.
// Nothing here talks to anything but the page.
import init, { Session } from './pkg/helpdesk_kpi.js';

const ready = init({ module_or_path: new URL('./pkg/helpdesk_kpi_bg.wasm', import.meta.url) });
let wasm = null;
ready.then((exports) => { wasm = exports; }, () => {});

// A WebAssembly module can address 4 GB; a failure near that, or the browser refusing to grow
// the memory, is the files being too large, not a bug.
function outOfMemory(error) {
  const bytes = wasm?.memory?.buffer?.byteLength ?? 0;
  return bytes > 2e9 || /out of memory|allocat/i.test(String(error?.message ?? error));
}
let session = null;

self.onmessage = async (event) => {
  const message = event.data;
  const { id } = message;
  try {
    await ready;
    session ??= new Session();
    const started = performance.now();
    const total = message.files ? message.files.reduce((sum, f) => sum + f.size, 0) : 0;
    // The engine counts bytes and rows per file; the bar shows them over all the files.
    const sizes = (message.files ?? []).map((f) => f.size);
    let current = 0;
    let doneBytes = 0;
    let doneRows = 0;
    let lastRows = 0;
    const progress = (file, bytes, rows) => {
      for (; current < file; current++, lastRows = 0) {
        doneBytes += sizes[current] ?? 0;
        doneRows += lastRows;
      }
      lastRows = rows;
      self.postMessage({ type: 'progress', id, file, bytes: doneBytes + bytes, rows: doneRows + rows, total });
    };
    const choices = message.choices ?? '{}';
    if (message.type === 'load') {
      if (session.load(message.files, message.settings, choices, progress) === 0) {
        self.postMessage({ type: 'unreadable', id, report: session.unreadable() });
        return;
      }
    } else if (message.type === 'sample') {
      session.loadSample(message.settings, choices);
    } else if (message.type === 'reload') {
      session.reload(message.settings, choices, progress);
    }
    const readMs = performance.now() - started;
    let report;
    try {
      report = session.report(message.settings, message.selection ?? '{}');
    } catch (error) {
      self.postMessage({ type: 'refused', id, message: String(error.message ?? error) });
      return;
    }
    const ms = performance.now() - started;
    const kind = message.restore ? 'restore' : message.type;
    // The engine's memory after the report: wasm memory only grows, so this is its peak.
    const memory = wasm?.memory?.buffer?.byteLength ?? 0;
    self.postMessage({ type: 'report', id, kind, report, ms, readMs, bytes: total, memory });
  } catch (error) {
    if (outOfMemory(error)) {
      const names = (message.files ?? []).map((f) => f.name).join(', ');
      const gb = ((wasm?.memory?.buffer?.byteLength ?? 0) / 1e9).toFixed(1);
      const why = `the files need more memory than a browser tab gives this page (it had ${gb} GB): `
        + 'export a shorter period, or use the command line tool (helpdesk-kpi report)';
      // The engine cannot go on after this: the page starts a fresh worker.
      self.postMessage({ type: 'oom', id, report: JSON.stringify([{ file: names, message: why }]) });
      return;
    }
    // A panic inside the engine: the page shows its error box.
    self.postMessage({ type: 'failed', id, message: String(error?.stack ?? error) });
  }
};
