// The in-page half of the browser benchmark (run.mjs drives it through window.bench).
//
// Every engine computes the same three headline KPIs of the catalogue (shared/spec/kpis.md) from
// one helpdesk export held in memory:
//   tickets_created  = ticket rows
//   tickets_solved   = rows whose Status is solved or closed (case-insensitive)
//   resolution_time  = median over solved tickets of (Solved at − Created at), minutes, with
//                      numpy's linear interpolation
// A timed run covers everything from the file's bytes to the three numbers: decoding, parsing,
// date conversion and the aggregation. Each engine runs in its own page (run.mjs opens a fresh
// browser context per engine) so that memory and JIT state do not leak from one to the next.
//
// Times are naive ("2026-06-01 13:05:09"). run.mjs sets the context's time zone to UTC, so
// Date.parse (which reads that form as local time) gives UTC, like DuckDB's TIMESTAMP and our
// engine; only differences matter anyway, and UTC has no DST jumps to make them wrong.

const $log = document.getElementById('log');
const log = (msg) => { $log.textContent += `${msg}\n`; };

// Only present when Chromium runs with --js-flags=--expose-gc (run.mjs does): a collection
// between runs keeps one run's garbage out of the next run's time.
const collect = () => { if (typeof globalThis.gc === 'function') globalThis.gc(); };

const SOLVED = new Set(['solved', 'closed']);
const isSolved = (status) => typeof status === 'string' && SOLVED.has(status.trim().toLowerCase());

/** numpy's default percentile (linear between closest ranks) of a sorted array; null when empty. */
function percentile(sorted, p) {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

// serde-wasm-bindgen turns the report's maps (kpis among them) into JS Maps and its structs into
// plain objects, so a field is read through either.
const field = (o, key) => (o instanceof Map ? o.get(key) : o?.[key]);

/** A KPI of the engine's report is either a bare number/null or an object with `value`. */
const headline = (k) => (k !== null && typeof k === 'object' ? field(k, 'value') ?? null : k ?? null);

let file = null; // the File from #bench-file
let buffer = null; // its bytes, read once; the timed runs start from here

const engines = {
  // ------------------------------------------------------------------ ours (wasm)
  ours: {
    async init() {
      // Dynamic, so that pages of the other engines never load the module at all.
      this.mod = await import('../dist/pkg/engine.js');
      // wasm-bindgen's init() resolves to the instance's exports; memory is among them.
      this.exports = await this.mod.default();
      return {};
    },
    run() {
      // analyzeFile copies the bytes into wasm memory: that copy is part of the timed work, as it
      // is in the page.
      const t0 = performance.now();
      const report = this.mod.analyzeFile(file.name, new Uint8Array(buffer));
      const ms = performance.now() - t0;
      const kpi = (id) => field(field(report, 'kpis'), id);
      const source = field(report, 'sources')?.[0];
      return {
        ms,
        kpis: {
          tickets_created: headline(kpi('tickets_created')),
          tickets_solved: headline(kpi('tickets_solved')),
          resolution_time: headline(kpi('resolution_time')),
        },
        detail: {
          report_tickets: field(report, 'tickets') ?? null,
          rows: field(source, 'rows') ?? null,
          skipped: field(source, 'skipped') ?? null,
          resolution_n: field(kpi('resolution_time'), 'n') ?? null,
          wasm_memory_bytes: this.exports?.memory?.buffer?.byteLength ?? null,
        },
      };
    },
  },

  // ------------------------------------------------------------------ Papa Parse
  papa: papaEngine({ header: true, skipEmptyLines: true, worker: false }),
  // fastMode skips quote handling: only valid for files without a single '"' (see validFor).
  'papa-fast': papaEngine({ header: true, skipEmptyLines: true, worker: false, fastMode: true }, {
    validFor: () => (new Uint8Array(buffer).indexOf(0x22) === -1
      ? null
      : 'the file has quoted fields (a \'"\' occurs), where fastMode splits them wrongly'),
  }),

  // ------------------------------------------------------------------ DuckDB-WASM
  duckdb: {
    async init() {
      // The bundle is picked by hand (?duckdb=eh|mvp) rather than by selectBundle/getJsDelivrBundles,
      // whose defaults point at a CDN: every file comes from this page's own origin.
      const kind = new URLSearchParams(location.search).get('duckdb') || 'eh';
      const base = new URL('./vendor/duckdb/', location.href).href;
      const t0 = performance.now();
      const duckdb = await import('./vendor/duckdb/duckdb-browser.mjs');
      const t1 = performance.now();
      const worker = new Worker(`${base}duckdb-browser-${kind}.worker.js`);
      this.db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      await this.db.instantiate(`${base}duckdb-${kind}.wasm`);
      const t2 = performance.now();
      await this.db.open({ query: { castBigIntToDouble: true } });
      this.conn = await this.db.connect();
      const t3 = performance.now();
      return {
        bundle: kind,
        version: await this.db.getVersion().catch(() => null),
        import_ms: t1 - t0,
        instantiate_ms: t2 - t1,
        open_connect_ms: t3 - t2,
      };
    },
    async run() {
      // registerFileBuffer transfers (detaches) its buffer to the worker, so each run gets a copy,
      // made before the clock starts; the transfer itself is timed.
      const copy = new Uint8Array(buffer.slice(0));
      const t0 = performance.now();
      await this.db.registerFileBuffer('tickets.csv', copy);
      const t1 = performance.now();
      // Explicit TIMESTAMP types: no sniffing of time zones, so no TIMESTAMPTZ and no ICU
      // extension to fetch (run.mjs fails the run on any request that leaves the local origin).
      const table = await this.conn.query(`
        SELECT count(*) AS created,
               count(*) FILTER (WHERE lower(trim("Status")) IN ('solved', 'closed')) AS solved,
               quantile_cont(epoch("Solved at") - epoch("Created at"), 0.5)
                 FILTER (WHERE lower(trim("Status")) IN ('solved', 'closed')) / 60 AS resolution,
               count(epoch("Solved at") - epoch("Created at"))
                 FILTER (WHERE lower(trim("Status")) IN ('solved', 'closed')) AS resolution_n
        FROM read_csv('tickets.csv', header = true,
                      types = {'Created at': 'TIMESTAMP', 'Solved at': 'TIMESTAMP'})`);
      const row = table.get(0).toJSON();
      const ms = performance.now() - t0;
      const query_ms = performance.now() - t1;
      await this.db.dropFile('tickets.csv');
      const num = (v) => (v == null ? null : Number(v));
      return {
        ms,
        kpis: {
          tickets_created: num(row.created),
          tickets_solved: num(row.solved),
          resolution_time: num(row.resolution),
        },
        detail: { register_ms: t1 - t0, query_ms, resolution_n: num(row.resolution_n) },
      };
    },
  },
};

/** Papa Parse into row objects, then plain JS loops with Date.parse. */
function papaEngine(config, { validFor = () => null } = {}) {
  return {
    async init() {
      if (typeof Papa === 'undefined') throw new Error('Papa Parse did not load');
      return { config };
    },
    invalid: validFor,
    run() {
      const t0 = performance.now();
      const text = new TextDecoder().decode(buffer);
      const t1 = performance.now();
      const { data, errors } = Papa.parse(text, config);
      const t2 = performance.now();
      let solved = 0;
      const minutes = new Float64Array(data.length);
      let n = 0;
      for (const row of data) {
        if (!isSolved(row.Status)) continue;
        solved += 1;
        const created = Date.parse(row['Created at']);
        const done = Date.parse(row['Solved at']);
        if (Number.isFinite(created) && Number.isFinite(done)) minutes[n++] = (done - created) / 60_000;
      }
      const durations = minutes.subarray(0, n).sort(); // typed-array sort is numeric
      const median = percentile(durations, 0.5);
      const ms = performance.now() - t0;
      return {
        ms,
        kpis: { tickets_created: data.length, tickets_solved: solved, resolution_time: median },
        detail: {
          decode_ms: t1 - t0,
          parse_ms: t2 - t1,
          compute_ms: performance.now() - t2,
          parse_errors: errors.length,
          first_error: errors[0] ? `${errors[0].code} row ${errors[0].row}: ${errors[0].message}` : null,
          resolution_n: n,
        },
      };
    },
  };
}

window.bench = {
  engines: Object.keys(engines),

  /** Reads the File that run.mjs put into #bench-file (via setInputFiles) into memory, once. */
  async loadFile() {
    file = document.getElementById('bench-file').files[0];
    if (!file) throw new Error('no file in #bench-file');
    const t0 = performance.now();
    buffer = await file.arrayBuffer();
    return { name: file.name, bytes: buffer.byteLength, read_ms: performance.now() - t0 };
  },

  /** Why `engine` cannot run on this file (null when it can). */
  invalid(engine) {
    return engines[engine].invalid?.() ?? null;
  },

  async init(engine) {
    const t0 = performance.now();
    const detail = await engines[engine].init();
    const ms = performance.now() - t0;
    log(`${engine}: init ${ms.toFixed(0)} ms`);
    return { ms, detail };
  },

  async run(engine) {
    collect();
    const result = await engines[engine].run();
    log(`${engine}: ${result.ms.toFixed(0)} ms ${JSON.stringify(result.kpis)}`);
    return result;
  },
};
