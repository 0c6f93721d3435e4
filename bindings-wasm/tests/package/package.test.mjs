// The npm package as a user gets it (run by tests/package/run.sh, which
// packs it with `npm pack` and installs the tarball into a fresh project
// under target/wasm-package/project): what the tarball holds, TypeScript
// --strict over both entry points as installed, Node.js's ESM import, and
// Vite: a build of page/ (each entry point alone, and both on one page
// sharing one instance) loaded in headless Chromium, where the .wasm must
// be found after bundling, the same pages from Vite's dev server, and an
// esbuild bundle with the .wasm copied next to it (esbuild does not follow
// `new URL(..., import.meta.url)`).
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, watch } from '../browser/harness.mjs';

const PROJECT = process.env.LOS_PACKAGE_PROJECT;
const PACK = process.env.LOS_PACKAGE_PACK;
assert.ok(PROJECT && PACK, 'run by tests/package/run.sh (LOS_PACKAGE_PROJECT, LOS_PACKAGE_PACK)');
const SOURCE = new URL('../../', import.meta.url); // bindings-wasm/
const manifest = JSON.parse(readFileSync(new URL('package.json', SOURCE), 'utf8'));

/** Runs a command in the fresh project; fails the test with its output. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: PROJECT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}
const bin = (name) => join(PROJECT, 'node_modules', '.bin', name);

/** The plan-wide counts the repository's own Node.js build computes. */
function expected(builtin = 'lancashire') {
  const los = createRequire(import.meta.url)('../../pkg/node/lineofsight_wasm.js');
  const plan = los.Plan.builtin(builtin);
  const ev = plan.evaluate('2019-12-31');
  const out = { counts: ev.counts(), actions: ev.actions().length };
  ev.free();
  plan.free();
  return out;
}

/** Every path the exports map, `main`, `module`, `browser`, `types` and `typesVersions` name. */
function namedPaths() {
  const paths = new Set([manifest.main, manifest.module, manifest.browser, manifest.types]);
  const walk = (v) => {
    if (typeof v === 'string') paths.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.typesVersions);
  return [...paths].map((p) => p.replace(/^\.\//, ''));
}

test('the tarball holds exactly `files`, and every path package.json names', () => {
  const packed = JSON.parse(readFileSync(PACK, 'utf8'))[0].files.map((f) => f.path).sort();
  const want = [...manifest.files, 'package.json'].sort();
  assert.deepStrictEqual(packed, want, 'a file listed in `files` is missing (run scripts/build-wasm.sh?)');
  for (const p of namedPaths()) assert.ok(packed.includes(p), `package.json names ${p}, which is not packed`);
  for (const p of manifest.sideEffects) assert.ok(packed.includes(p.replace(/^\.\//, '')), `sideEffects: ${p}`);
  // Every file a shipped module imports is shipped too.
  for (const p of packed.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const text = readFileSync(new URL(p, SOURCE), 'utf8');
    for (const [, rel] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = join(p, '..', rel);
      assert.ok(packed.includes(target), `${p} imports ${rel}, which is not packed`);
    }
  }
  const installed = join(PROJECT, 'node_modules', 'lineofsight');
  assert.equal(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version, manifest.version);
  // The install is this build's, not a stale one.
  const wasm = join('pkg', 'web', 'lineofsight_wasm_bg.wasm');
  assert.ok(readFileSync(join(installed, wasm)).equals(readFileSync(new URL(wasm, SOURCE))), 'installed .wasm is this build\'s');
});

const TSC = ['--noEmit', '--strict', '--skipDefaultLibCheck', '--lib', 'esnext,dom', '--target', 'es2022'];

/** Runs tsc in the fresh project without blocking, so the three checks overlap. */
function tsc(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin('tsc'), [...TSC, ...args], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tsc ${args.join(' ')}:\n${out}`))));
  });
}

describe('tsc --strict against the installed package', { concurrency: true }, () => {
  it('moduleResolution bundler: consumer.ts and the pages', () =>
    tsc(['--module', 'esnext', '--moduleResolution', 'bundler', '--verbatimModuleSyntax',
      'consumer.ts', 'page/api.ts', 'page/dashboard.ts', 'page/both.ts']));
  it('moduleResolution nodenext: consumer.ts', () =>
    tsc(['--module', 'nodenext', '--moduleResolution', 'nodenext', 'consumer.ts']));
  it('moduleResolution node10 (no `exports`: `types` and `typesVersions`): consumer.ts', () =>
    tsc(['--module', 'esnext', '--moduleResolution', 'node10', 'consumer.ts']));
});

test('Node.js: `import { Plan } from "lineofsight"` (the `node` condition) rates the built-in plan', () => {
  const got = JSON.parse(run(process.execPath, ['node-consumer.mjs']));
  const want = expected();
  assert.equal(got.packageVersion, manifest.version);
  assert.deepStrictEqual(got.counts, want.counts);
  assert.equal(got.actions, want.actions);
});

test('vite build: the .wasm is emitted as an asset, once', () => {
  run(bin('vite'), ['build']);
  const assets = readdirSync(join(PROJECT, 'dist', 'assets'));
  // Once, though both entry points and the glue name it.
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `one .wasm among ${assets.join(', ')}`);
});

let server;
let browser;
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` on `base` (the Vite build, served, by default); returns the page and the problems it logged. */
async function open(path, base) {
  if (!base) {
    server ??= await serve(join(PROJECT, 'dist'));
    base = server.url;
  }
  browser ??= await launch();
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.addInitScript(watch);
  await page.addInitScript(() => {
    document.addEventListener('los-error', (e) => { window.__losError = e.detail; });
  });
  await page.goto(base + path);
  return { page, problems };
}

/** Waits for the dashboard on `page` to show `builtin`, then checks its counts and rendered totals. */
async function assertDashboard({ page, problems }, builtin = 'lancashire') {
  const want = expected(builtin);
  await page.waitForFunction(
    (rows) => window.__ready?.rows === rows || window.__losError !== undefined,
    want.actions,
    { timeout: 30_000 },
  );
  const ready = await page.evaluate(() => window.__ready);
  const error = await page.evaluate(() => window.__losError);
  assert.ok(ready, `no los-ready: ${JSON.stringify(error)} ${problems.join('; ')}`);
  assert.deepStrictEqual(ready.counts, want.counts);
  assert.equal(ready.rows, want.actions);
  const totals = await page
    .locator('los-dashboard tfoot td[data-total]')
    .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.dataset.total, Number(c.textContent)])));
  for (const [rating, n] of Object.entries(want.counts)) {
    if (n > 0) assert.equal(totals[rating], n, `rendered total for ${rating}`);
  }
  assert.deepStrictEqual(problems, []);
  await page.close();
}

/** Waits for api.ts's result on `page` and checks it. */
async function assertApi({ page, problems }) {
  await page.waitForFunction(() => window.__api !== undefined, null, { timeout: 30_000 });
  assert.deepStrictEqual(await page.evaluate(() => window.__api), expected());
  assert.deepStrictEqual(problems, []);
  await page.close();
}

test('Chromium, bundled `lineofsight/dashboard`: the dashboard renders its RAG counts', async () => {
  assert.ok(existsSync(join(PROJECT, 'dist', 'dashboard.html')), 'vite build ran');
  await assertDashboard(await open('dashboard.html'));
});

test('Chromium, bundled `lineofsight`: the default init() finds the .wasm', async () => {
  await assertApi(await open('api.html'));
});

test('Chromium, bundled: both entry points share one instance (a Plan from `lineofsight` shown by the element)', async () => {
  await assertDashboard(await open('both.html'), 'lancashire-cip-2017');
});

test('esbuild (no asset URLs): the bundles with the .wasm copied next to them, as the README says', async () => {
  const out = join(PROJECT, 'dist-esbuild');
  rmSync(out, { recursive: true, force: true });
  run(bin('esbuild'), ['page/both.ts', 'page/api.ts', '--bundle', '--format=esm', '--outdir=dist-esbuild', '--log-level=warning']);
  // The .wasm and the built-in plans' files (Plan.builtin and the dashboard fetch them).
  const web = join(PROJECT, 'node_modules', 'lineofsight', 'pkg', 'web');
  for (const f of readdirSync(web).filter((f) => f.endsWith('.wasm') || f.startsWith('lancashire'))) {
    copyFileSync(join(web, f), join(out, f));
  }
  for (const name of ['both', 'api']) {
    const html = readFileSync(join(PROJECT, 'page', `${name}.html`), 'utf8');
    writeFileSync(join(out, `${name}.html`), html.replace(`./${name}.ts`, `./${name}.js`));
  }
  const files = await serve(out);
  try {
    await assertDashboard(await open('both.html', files.url), 'lancashire-cip-2017');
    await assertApi(await open('api.html', files.url));
  } finally {
    await files.close();
  }
});

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

test('vite dev server (dependencies pre-bundled): the pages find the .wasm', async () => {
  const port = await freePort();
  const dev = spawn(bin('vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: PROJECT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  dev.stdout.on('data', (d) => (log += d));
  dev.stderr.on('data', (d) => (log += d));
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base + 'api.html')).ok) break;
      } catch {
        // not listening yet
      }
      assert.ok(i < 300 && dev.exitCode === null, `vite did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await assertDashboard(await open('dashboard.html', base));
    await assertApi(await open('api.html', base));
    await assertDashboard(await open('both.html', base), 'lancashire-cip-2017');
  } finally {
    dev.kill();
  }
});
