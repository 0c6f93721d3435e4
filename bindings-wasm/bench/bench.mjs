// Benchmarks (numbers to read, nothing asserted):
//   1. evaluating a 100,000-action plan in WebAssembly (Node.js build) vs
//      native Rust, on the same plan JSON (written by
//      `cargo run --release -p lineofsight-wasm --example synthetic_plan`,
//      the generator of core/benches/evaluate.rs);
//   2. page load to rendered dashboard in headless Chromium (the intranet
//      example with the built-in plan).
// Run after scripts/build-wasm.sh and the browser tests' npm ci:
//   node bindings-wasm/bench/bench.mjs [ACTIONS] [RUNS]
// LOS_BENCH_BROWSER=0 skips the browser part.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${process.env.CARGO_TARGET_DIR || `${ROOT}target`}/wasm-bench/`;
const N = Number(process.argv[2] || 100000);
const RUNS = Number(process.argv[3] || 10);
mkdirSync(OUT, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 100) / 100;

// 1. Native Rust: writes the plan, times from_json and evaluate.
const planPath = `${OUT}plan-${N}.json`;
const cargo = spawnSync(
  'cargo',
  ['run', '-q', '--release', '-p', 'lineofsight-wasm', '--example', 'synthetic_plan', '--', planPath, String(N), String(RUNS)],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (cargo.status !== 0) throw new Error('cargo run --example synthetic_plan failed');
const native = JSON.parse(cargo.stdout.trim().split('\n').pop());

// 2. WebAssembly in Node.js, same JSON, same date, default rules.
// LOS_NODE_PKG: another nodejs build to compare (e.g. one built with opt-level "s").
const { Plan } = require(process.env.LOS_NODE_PKG || `${ROOT}bindings-wasm/pkg/node/lineofsight_wasm.js`);
const json = readFileSync(planPath, 'utf8');
let t = performance.now();
const plan = Plan.fromJson(json);
const loadMs = performance.now() - t;
const evalMs = [];
let ev = null;
for (let i = 0; i < RUNS; i++) {
  ev?.free();
  t = performance.now();
  ev = plan.evaluate('2019-12-31');
  evalMs.push(performance.now() - t);
}
t = performance.now();
const actions = ev.actions();
const actionsMs = performance.now() - t;
t = performance.now();
const asJson = JSON.parse(ev.toJson()).actions;
const toJsonMs = performance.now() - t;
if (actions.length !== N || asJson.length !== N) throw new Error('wrong number of actions');

// 3. Page load → rendered dashboard in headless Chromium.
let pageLoad = null;
if (process.env.LOS_BENCH_BROWSER !== '0') try {
  const { serve, launch, watch } = await import('../tests/browser/harness.mjs');
  const server = await serve();
  const browser = await launch();
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watch);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__ready.at));
    await context.close();
  }
  await browser.close();
  await server.close();
  pageLoad = { runs: times.map(round), first_ms: round(times[0]), median_ms: round(median(times)) };
} catch (e) {
  console.error(`page-load benchmark skipped: ${e.message}`);
}

const results = {
  actions: N,
  runs: RUNS,
  native: { from_json_ms: native.load_ms, evaluate_median_ms: native.median_ms },
  wasm: {
    from_json_ms: round(loadMs),
    evaluate_median_ms: round(median(evalMs)),
    evaluate_runs_ms: evalMs.map(round),
    actions_to_js_ms: round(actionsMs),
    to_json_and_parse_ms: round(toJsonMs),
  },
  wasm_vs_native: round(median(evalMs) / native.median_ms),
  page_load_to_dashboard: pageLoad,
};
writeFileSync(`${OUT}results.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
