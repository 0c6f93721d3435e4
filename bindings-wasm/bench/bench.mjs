// Benchmarks (numbers to read, nothing asserted):
//   1. evaluating a 100,000-action plan in WebAssembly (Node.js build) vs
//      native Rust, on the same plan JSON (written by
//      `cargo run --release -p lineofsight-wasm --example synthetic_plan`,
//      the generator of core/benches/evaluate.rs);
//   2. page load in headless Chromium (the intranet example with the
//      built-in plan, median of 7 fresh contexts): to the summary rendered
//      (the `los-summary` performance mark; the element then yields a frame
//      so it is painted) and to every row in (`los-ready`).
// Run after scripts/build-wasm.sh and the browser tests' npm ci:
//   node bindings-wasm/bench/bench.mjs [ACTIONS] [RUNS]
// LOS_BENCH_BROWSER=0 skips the browser part, LOS_BENCH_NODE=0 the rest.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${process.env.CARGO_TARGET_DIR || `${ROOT}target`}/wasm-bench/`;
const N = Number(process.argv[2] || 100000);
const RUNS = Number(process.argv[3] || 10);
mkdirSync(OUT, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 100) / 100;

// LOS_BENCH_NODE=0 skips parts 1 and 2 (the page load alone).
let native = null, loadMs = NaN, evalMs = [NaN], actionsMs = NaN, toJsonMs = NaN, rowsMs = NaN, tableMs = NaN, tableObjectsMs = NaN;
if (process.env.LOS_BENCH_NODE !== '0') {
// 1. Native Rust: writes the plan, times from_json and evaluate.
const planPath = `${OUT}plan-${N}.json`;
const cargo = spawnSync(
  'cargo',
  ['run', '-q', '--release', '-p', 'lineofsight-wasm', '--example', 'synthetic_plan', '--', planPath, String(N), String(RUNS)],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (cargo.status !== 0) throw new Error('cargo run --example synthetic_plan failed');
native = JSON.parse(cargo.stdout.trim().split('\n').pop());

// 2. WebAssembly in Node.js, same JSON, same date, default rules.
// LOS_NODE_PKG: another nodejs build to compare (e.g. one built with opt-level "s").
const { Plan } = require(process.env.LOS_NODE_PKG || `${ROOT}bindings-wasm/pkg/node/lineofsight_wasm.js`);
const json = readFileSync(planPath, 'utf8');
let t = performance.now();
const plan = Plan.fromJson(json);
loadMs = performance.now() - t;
evalMs = [];
let ev = null;
for (let i = 0; i < RUNS; i++) {
  ev?.free();
  t = performance.now();
  ev = plan.evaluate('2019-12-31');
  evalMs.push(performance.now() - t);
}
t = performance.now();
const actions = ev.actions();
actionsMs = performance.now() - t;
t = performance.now();
const asJson = JSON.parse(ev.toJson()).actions;
toJsonMs = performance.now() - t;
// The dashboard's table: rows() builds an object per row across the boundary.
t = performance.now();
const rowObjects = ev.rows();
rowsMs = performance.now() - t;
// The same rows as columns (typed arrays and arrays of strings), then the
// plain objects the dashboard makes from them in JavaScript.
// (An older build, LOS_NODE_PKG, may have no table().)
const hasTable = typeof ev.table === 'function';
t = performance.now();
const table = hasTable ? ev.table() : { length: 0 };
tableMs = performance.now() - t;
t = performance.now();
const fromTable = new Array(table.length);
for (let i = 0; i < table.length; i++) {
  const leads = [];
  for (let j = table.leadStarts[i]; j < table.leadStarts[i + 1]; j++) leads.push(table.leadNames[table.leadIndexes[j]]);
  fromTable[i] = { ref: table.refs[i], text: table.texts[i], leads, timescale: table.timescales[i], due: table.due[i],
    rating: table.ratingNames[table.ratings[i]], reason: table.reasons[i], commentary_note: table.commentaryNotes[i] };
}
tableObjectsMs = hasTable ? performance.now() - t : NaN;
if (!hasTable) tableMs = NaN;
if (rowObjects.length !== N || fromTable.length !== (hasTable ? N : 0)) throw new Error('wrong number of rows');
if (actions.length !== N || asJson.length !== N) throw new Error('wrong number of actions');

}

// 3. Page load → rendered dashboard in headless Chromium.
let pageLoad = null;
if (process.env.LOS_BENCH_BROWSER !== '0') try {
  const { serve, launch, watch } = await import('../tests/browser/harness.mjs');
  // A page with the element alone, showing the built-in plan, beside the
  // intranet example's copy of the web package (the plan files included).
  const page = `${OUT}page/`;
  mkdirSync(`${page}pkg`, { recursive: true });
  for (const f of readdirSync(`${ROOT}examples/intranet/pkg`)) copyFileSync(`${ROOT}examples/intranet/pkg/${f}`, `${page}pkg/${f}`);
  // LOS_BENCH_PRELOAD=1: the page names the module, the .wasm and the plan
  // up front, so they are fetched while the element's script loads.
  const preload = process.env.LOS_BENCH_PRELOAD === '1'
    ? '<link rel="modulepreload" href="pkg/lineofsight_wasm.js">'
      + '<link rel="preload" href="pkg/lineofsight_wasm_bg.wasm" as="fetch" type="application/wasm" crossorigin>'
      + '<link rel="preload" href="pkg/lancashire.json" as="fetch" type="application/json" crossorigin>'
    : '';
  writeFileSync(`${page}index.html`, '<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>'
    + preload
    + '<script type="module" src="pkg/los-dashboard.js"></script>'
    + '<main><los-dashboard builtin="lancashire" as-of="2019-12-31"></los-dashboard></main></html>\n');
  const server = await serve(page);
  const browser = await launch();
  const times = [];
  const summaries = [];
  const fcps = [];
  const timelines = [];
  const PHASES = ['los-load', 'los-wasm-ready', 'los-plan-read', 'los-evaluated', 'los-summary',
    'los-summary-painted', 'los-rows-read', 'los-measures-read', 'los-rows'];
  // Where the time goes: each file's request and response end, and the
  // element's own marks (ms from navigation start).
  const timeline = () => {
    const t = {};
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) {
      t['page: html received'] = nav.responseEnd;
      t['page: load event'] = nav.loadEventStart || undefined;
    }
    for (const r of performance.getEntriesByType('resource')) {
      const name = r.name.split('/').pop();
      t[`${name}: requested`] = r.startTime;
      t[`${name}: received`] = r.responseEnd;
    }
    for (const m of performance.getEntriesByType('mark')) t[m.name] = m.startTime;
    for (const p of performance.getEntriesByType('paint')) t[p.name] = p.startTime;
    t['los-ready'] = window.__ready?.at;
    return t;
  };
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watch);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__ready.at));
    // The summary in the DOM (the element then yields a frame to paint it).
    summaries.push(await page.evaluate(() => performance.getEntriesByName('los-summary')[0]?.startTime ?? NaN));
    fcps.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    timelines.push(await page.evaluate(timeline));
    await context.close();
  }
  await browser.close();
  await server.close();
  pageLoad = {
    summary_rendered_median_ms: round(median(summaries)),
    summary_rendered_runs: summaries.map(round),
    all_rows_median_ms: round(median(times)),
    all_rows_runs: times.map(round),
    first_contentful_paint_median_ms: round(median(fcps)),
    // The summary on screen (the element yielded a frame after adding it),
    // from navigation start and from the page's load event.
    summary_painted_median_ms: round(median(timelines.map((t) => t['los-summary-painted']))),
    summary_painted_after_load_event_median_ms: round(median(timelines.map((t) => t['los-summary-painted'] - t['page: load event']))),
    // Each step of the element's load, timed within each page load.
    phases_median_ms: Object.fromEntries(
      PHASES.slice(1).map((to, k) => [`${PHASES[k]} → ${to}`, round(median(timelines.map((t) => t[to] - t[PHASES[k]])))]),
    ),
    timeline_median_ms: Object.fromEntries(
      Object.keys(timelines[0])
        .map((k) => [k, round(median(timelines.map((t) => t[k] ?? NaN)))])
        .sort((a, b) => a[1] - b[1]),
    ),
  };
} catch (e) {
  console.error(`page-load benchmark skipped: ${e.message}`);
}

const results = {
  actions: N,
  runs: RUNS,
  native: native && { from_json_ms: native.load_ms, evaluate_median_ms: native.median_ms },
  wasm: {
    from_json_ms: round(loadMs),
    evaluate_median_ms: round(median(evalMs)),
    evaluate_runs_ms: evalMs.map(round),
    actions_to_js_ms: round(actionsMs),
    to_json_and_parse_ms: round(toJsonMs),
    rows_objects_ms: round(rowsMs),
    table_columns_ms: round(tableMs),
    table_then_objects_in_js_ms: round(tableObjectsMs),
  },
  wasm_vs_native: native && round(median(evalMs) / native.median_ms),
  wasm_size: (() => {
    const wasm = readFileSync(`${ROOT}bindings-wasm/pkg/web/lineofsight_wasm_bg.wasm`);
    return { raw_bytes: wasm.length, gzip9_bytes: gzipSync(wasm, { level: 9 }).length };
  })(),
  page_load: pageLoad,
};
writeFileSync(`${OUT}results.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
