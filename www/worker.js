// The engine's worker: reads the dropped files and computes every report, off the page's
// thread. Messages in: {type: 'load', id, files, settings} | {type: 'sample', id, settings} |
// {type: 'reload', id, settings} | {type: 'report', id, settings, selection}.
// Messages out: {type: 'progress', id, file, bytes, rows, total} while reading;
// {type: 'report', id, report, ms} with the report's JSON; {type: 'refused', id, message} for
// settings that make no sense; {type: 'unreadable', id, report} with why, when none of the
// files could be read; {type: 'failed', id, message} when the engine itself failed.
// Nothing here talks to anything but the page.
import init, { Session } from './pkg/helpdesk_kpi.js';

const ready = init({ module_or_path: new URL('./pkg/helpdesk_kpi_bg.wasm', import.meta.url) });
let session = null;

self.onmessage = async (event) => {
  const message = event.data;
  const { id } = message;
  try {
    await ready;
    session ??= new Session();
    const started = performance.now();
    const total = message.files ? message.files.reduce((sum, f) => sum + f.size, 0) : 0;
    const progress = (file, bytes, rows) =>
      self.postMessage({ type: 'progress', id, file, bytes, rows, total });
    if (message.type === 'load') {
      if (session.load(message.files, message.settings, progress) === 0) {
        self.postMessage({ type: 'unreadable', id, report: session.unreadable() });
        return;
      }
    } else if (message.type === 'sample') {
      session.loadSample(message.settings);
    } else if (message.type === 'reload') {
      session.reload(message.settings, progress);
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
    self.postMessage({ type: 'report', id, kind, report, ms, readMs, bytes: total });
  } catch (error) {
    // A panic inside the engine: the page shows its error box.
    self.postMessage({ type: 'failed', id, message: String(error?.stack ?? error) });
  }
};
