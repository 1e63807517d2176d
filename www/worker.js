// The engine's worker: reads the dropped files and computes every report, off the page's
// thread. The messages are src/protocol.rs's Request and Reply; the engine reads and answers
// them itself (Session.handle, src/web/session.rs), this file only passes them on. "Forget
// everything" ends the worker (src/web/engine.rs), so no data outlives it.
// What stays here is what the engine cannot do itself: posting its progress, and answering
// when it stopped (out of memory, a panic), as it cannot answer after that.
// The page starts it when it first asks the engine for something (src/web/engine.rs), and it
// loads the engine's own module (./pkg/engine*, apart from the page's: the first visit needs none
// of it). It also loads, when a file needs them, the readers left out of the engine's module so
// that it ships less (src/ingest/parts.rs): the legacy code pages and their
// detector (./pkg/text*), the workbook readers (./pkg/workbook*) and the time zone database
// (./pkg/zones*). The engine notes a module it missed; it is loaded here and the request asked
// again.
// Nothing here talks to anything but the page, and fetches nothing but the page's own files.
import init, { Session } from './pkg/engine.js';

const ready = init({ module_or_path: new URL('./pkg/engine_bg.wasm', import.meta.url) });
let wasm = null;
ready.then((exports) => { wasm = exports; }, () => {});
let session = null;

// The loaded readers by name, and why one could not be loaded (read by src/web/parts.rs).
self.helpdeskParts = { failed: {} };

async function loadPart(name) {
  try {
    const part = await import(`./pkg/${name}.js`);
    await part.default({ module_or_path: new URL(`./pkg/${name}_bg.wasm`, import.meta.url) });
    self.helpdeskParts[name] = part;
  } catch (error) {
    self.helpdeskParts.failed[name] = String(error?.message ?? error);
  }
}

// The engine's reply to a message, with the readers it needs loaded first. Each reader is
// loaded once a request; one that failed (offline before it was ever kept) is tried again with
// the next request, and meanwhile the file's error says so.
async function answer(message) {
  self.helpdeskParts.failed = {};
  let reply = session.handle(message, post);
  for (let missed = session.missed(); missed.length > 0; missed = session.missed()) {
    const fresh = missed.filter((name) => !(name in self.helpdeskParts) && !(name in self.helpdeskParts.failed));
    if (fresh.length === 0) break;
    await Promise.all(fresh.map(loadPart));
    reply = session.handle(message, post);
  }
  return reply;
}

const post = (reply) => self.postMessage(reply);
const memoryBytes = () => wasm?.memory?.buffer?.byteLength ?? 0;

// A WebAssembly module can address 4 GB; a failure near that, or the browser refusing to grow
// the memory, is the files being too large, not a bug.
function outOfMemory(error) {
  return memoryBytes() > 2e9 || /out of memory|allocat/i.test(String(error?.message ?? error));
}

// One message at a time, in order, even while a reader loads.
let queue = Promise.resolve();
self.onmessage = (event) => {
  queue = queue.then(() => onMessage(event));
};

async function onMessage(event) {
  try {
    await ready;
    session ??= new Session();
    post(await answer(event.data));
  } catch (error) {
    // The protocol's Reply::Oom and Reply::Failed, made here. A request is {kind: {id, ...}}.
    const id = Object.values(event.data?.request ?? {})[0]?.id;
    const known = Number.isInteger(id) ? id : null;
    if (outOfMemory(error) && known !== null) {
      const names = Array.from(event.data?.files ?? [], (f) => f.name).join(', ');
      const gb = (memoryBytes() / 1e9).toFixed(1);
      const message = `the files need more memory than a browser tab gives this page (it had ${gb} GB): `
        + 'export a shorter period, or use the command line tool (helpdesk-kpi report)';
      // The engine cannot go on after this: the page starts a fresh worker.
      // The message as its catalogue key too, so that the page says it in its language.
      const said = { file: names, message, key: 'file.out_of_memory', args: { gb } };
      post({ oom: { id: known, errors: [said] } });
      return;
    }
    // A panic inside the engine: the page shows its error box.
    post({ failed: { id: known, message: String(error?.stack ?? error) } });
  }
}
