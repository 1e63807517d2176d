// Runs the engine module's benchRefilters (src/web/bench.rs) in Node: see run.sh.
//   node bench/wasm/refilters.mjs PKG_DIR FILE CHANNELS RUNS
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, file, channels, runs] = process.argv.slice(2);
const engine = await import(pathToFileURL(path.resolve(dir, 'engine.js')).href);
engine.initSync({ module: readFileSync(path.resolve(dir, 'engine_bg.wasm')) });
console.log(`engine in Node ${process.version} (V8 ${process.versions.v8}), ${file}`);
console.log(engine.benchRefilters(path.basename(file), readFileSync(file), channels, Number(runs)));
