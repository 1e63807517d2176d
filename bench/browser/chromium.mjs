// What the browser benchmarks (run.mjs, huge.mjs) share about Chromium: its flags, and the
// memory of the processes a benchmark started, from /proc.
import { readdirSync, readFileSync } from 'node:fs';

const MEM_POLL_MS = 50;

/** The flags this machine's Chromium needs headless, and no traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Belt and braces: even if something asks for a remote host, the name does not resolve. The
  // request is still attempted, so a recorder still sees it and fails the run.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];


/** Every process below this node process: Chromium's browser, renderers, GPU and utilities. */
function chromiumPids() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 is the ppid; the command (field 2) may hold spaces, so split after its ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = (pid) => {
    for (let p = parent.get(pid), hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  return [...parent.keys()].filter(mine);
}

/**
 * Summed VmRSS of `pids`, from /proc. Pages shared between processes (libraries, shared memory)
 * are counted once per process, so the sum overstates the machine's real use; the rise over the
 * phase's idle level is the more useful figure.
 */
function rssBytes(pids) {
  let sum = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) sum += Number(m[1]) * 1024;
    } catch {
      // Gone.
    }
  }
  return sum;
}

export const chromiumRssBytes = () => rssBytes(chromiumPids());

/**
 * Polls the summed RSS until stopped; returns idle (first sample) and peak. The process list is
 * walked again only every 10th sample: on two cores the poller should take as little as it can
 * from the engine it measures (a new renderer or worker is picked up within half a second).
 */
export function memorySampler() {
  let pids = chromiumPids();
  const idle = rssBytes(pids);
  let peak = idle;
  let tick = 0;
  const timer = setInterval(() => {
    if (++tick % 10 === 0) pids = chromiumPids();
    peak = Math.max(peak, rssBytes(pids));
  }, MEM_POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, chromiumRssBytes());
      return { idle_bytes: idle, peak_bytes: peak, rise_bytes: peak - idle };
    },
  };
}

