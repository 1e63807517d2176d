// The engine's worker: reads the dropped files and computes every report, off the page's
// thread. The messages are src/protocol.rs's Request and Reply; the engine reads and answers
// them itself (Session.handle, src/web/session.rs), this file only passes them on. "Forget
// everything" ends the worker (src/web/engine.rs), so no data outlives it.
// What stays here is what the engine cannot do itself: posting its progress, and answering
// when it stopped (out of memory, a panic), as it cannot answer after that.
// Nothing here talks to anything but the page.
import init, { Session } from './pkg/helpdesk_kpi.js';

const ready = init({ module_or_path: new URL('./pkg/helpdesk_kpi_bg.wasm', import.meta.url) });
let wasm = null;
ready.then((exports) => { wasm = exports; }, () => {});
let session = null;

const post = (reply) => self.postMessage(reply);
const memoryBytes = () => wasm?.memory?.buffer?.byteLength ?? 0;

// A WebAssembly module can address 4 GB; a failure near that, or the browser refusing to grow
// the memory, is the files being too large, not a bug.
function outOfMemory(error) {
  return memoryBytes() > 2e9 || /out of memory|allocat/i.test(String(error?.message ?? error));
}

self.onmessage = async (event) => {
  try {
    await ready;
    session ??= new Session();
    post(session.handle(event.data, post));
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
};
