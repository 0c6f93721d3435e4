// <los-dashboard>'s inputs in headless Chromium: a CSV by file name, a TSV
// by the `format` attribute, a table by Content-Type, the `plan` property
// (a plain object, and a Plan the element must not free), attributes
// reflected to properties, the message for a workbook in a build without
// the `xlsx` feature, and the message for a CSP without 'wasm-unsafe-eval'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { serve, launch, watch } from './harness.mjs';

const require = createRequire(import.meta.url);
const los = require('../../pkg/node/lineofsight_wasm.js');
const CSV = readFileSync(new URL('../../../tests/fixtures/tracker-2019-q3.csv', import.meta.url), 'utf8');
const TSV = CSV.replaceAll(',', '\t'); // the fixture quotes no field
const AS_OF = '2019-12-31';

let server;
let browser;
let page;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  await page.addInitScript(watch);
  const serveAs = (pattern, contentType, body) =>
    page.route(pattern, (route) => route.fulfill({ status: 200, contentType, body }));
  await serveAs('**/tracker.csv', 'text/plain', CSV); // the name decides
  await serveAs('**/tracker-tabs.csv', 'text/plain', TSV); // the attribute decides
  await serveAs('**/download?id=7', 'text/csv; charset=utf-8', CSV); // the Content-Type decides
  await serveAs('**/tracker.xlsx', 'application/octet-stream', 'PK\x03\x04....xl/workbook.xml....');
  await page.goto(server.url);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
  // The page shows tracker.csv; start from the built-in plan's JSON, so
  // that each test's `src` is a change.
  await page.evaluate(() => {
    window.__ready = null;
    document.querySelector('los-dashboard').src = 'lancashire.json';
  });
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `change(arg)` in the page; resolves to the event the element fires next: { type, detail, title }. */
async function outcome(change, arg) {
  await page.evaluate(() => {
    const el = document.querySelector('los-dashboard');
    window.__outcome = new Promise((resolve) => {
      const done = (e) => {
        el.removeEventListener('los-ready', done);
        el.removeEventListener('los-error', done);
        resolve({ type: e.type, detail: { ...e.detail }, title: el.shadowRoot.querySelector('[part~="title"]')?.textContent ?? null });
      };
      el.addEventListener('los-ready', done);
      el.addEventListener('los-error', done);
    });
  });
  await page.evaluate(change, arg);
  return page.evaluate(() => window.__outcome);
}

function tableCounts(text, format) {
  const plan = los.Plan.fromTable(new TextEncoder().encode(text), format);
  const ev = plan.evaluate(AS_OF);
  const out = { counts: ev.counts(), rows: ev.actions().length, title: plan.title };
  ev.free();
  plan.free();
  return out;
}

test('a CSV by its file name, a TSV by the format attribute, a table by its Content-Type', async () => {
  const want = tableCounts(CSV, 'csv');
  let got = await outcome(() => { const el = document.querySelector('los-dashboard'); el.removeAttribute('format'); el.src = 'tracker.csv'; });
  assert.equal(got.type, 'los-ready', JSON.stringify(got.detail));
  assert.deepStrictEqual(got.detail, { counts: want.counts, rows: want.rows });
  assert.equal(got.title, want.title);

  got = await outcome(() => { const el = document.querySelector('los-dashboard'); el.format = 'tsv'; el.src = 'tracker-tabs.csv'; });
  assert.equal(got.type, 'los-ready', JSON.stringify(got.detail));
  assert.deepStrictEqual(got.detail, { counts: want.counts, rows: want.rows });
  assert.equal(await page.evaluate(() => document.querySelector('los-dashboard').getAttribute('format')), 'tsv');

  got = await outcome(() => { const el = document.querySelector('los-dashboard'); el.format = null; el.src = 'download?id=7'; });
  assert.equal(got.type, 'los-ready', JSON.stringify(got.detail));
  assert.equal(got.detail.rows, want.rows);
});

test('a format left over from a table is not used to read a plan JSON as a table', async () => {
  const got = await outcome(() => { const el = document.querySelector('los-dashboard'); el.format = 'csv'; el.src = 'lancashire.json'; });
  assert.equal(got.type, 'los-error', JSON.stringify(got.detail));
  assert.equal(got.detail.code, 'bad_argument');
  assert.match(got.detail.message, /format="csv" but .*lancashire\.json is JSON/);
  await outcome(() => { const el = document.querySelector('los-dashboard'); el.format = null; el.src = 'tracker.csv'; });
});

test('attributes reflect to properties and back', async () => {
  const seen = await page.evaluate(() => {
    const el = document.createElement('los-dashboard');
    el.setAttribute('as-of', '2019-12-31');
    el.setAttribute('upcoming-days', '30');
    el.format = 'csv';
    el.builtin = 'lancashire';
    el.upcomingDays = 45;
    const out = {
      asOf: el.asOf,
      format: el.getAttribute('format'),
      builtin: el.getAttribute('builtin'),
      days: el.upcomingDays,
      daysAttr: el.getAttribute('upcoming-days'),
      src: el.src,
    };
    el.asOf = null;
    out.asOfRemoved = !el.hasAttribute('as-of');
    return out;
  });
  assert.deepStrictEqual(seen, {
    asOf: '2019-12-31',
    format: 'csv',
    builtin: 'lancashire',
    days: 45,
    daysAttr: '45',
    src: null,
    asOfRemoved: true,
  });
});

test('the plan property: a plain object, and a Plan the element never frees', async () => {
  const object = los.Plan.builtin('lancashire').toObject();
  object.title = 'A plan given as an object';
  let got = await outcome((o) => { document.querySelector('los-dashboard').plan = o; }, object);
  assert.equal(got.type, 'los-ready', JSON.stringify(got.detail));
  assert.equal(got.title, 'A plan given as an object');

  // A Plan made by the page, from the module the element uses.
  got = await outcome(async (csv) => {
    const { Plan } = await import(new URL('pkg/lineofsight_wasm.js', document.baseURI).href);
    window.__pagePlan = Plan.fromTable(new TextEncoder().encode(csv), 'csv');
    document.querySelector('los-dashboard').plan = window.__pagePlan;
  }, CSV);
  assert.equal(got.type, 'los-ready', JSON.stringify(got.detail));
  assert.equal(got.title, tableCounts(CSV, 'csv').title);
  // Rated again at another date, then dropped: the page's Plan still works.
  got = await outcome(() => { document.querySelector('los-dashboard').asOf = '2019-06-30'; });
  assert.equal(got.type, 'los-ready');
  got = await outcome(() => {
    const el = document.querySelector('los-dashboard');
    el.plan = null;
    el.src = 'lancashire.json';
    el.asOf = '2019-12-31';
  });
  assert.equal(got.type, 'los-ready');
  assert.equal(await page.evaluate(() => window.__pagePlan.title), tableCounts(CSV, 'csv').title);
  await page.evaluate(() => window.__pagePlan.free());
});

test('a workbook in a build without the xlsx feature: a message saying what to do', async () => {
  const got = await outcome(() => { document.querySelector('los-dashboard').src = 'tracker.xlsx'; });
  assert.equal(got.type, 'los-error');
  // A build with the feature (the Node.js build has the same features)
  // reads workbooks, and refuses this stub as unreadable.
  const ev = los.Plan.builtin('lancashire').evaluate(AS_OF);
  const workbooks = (() => { try { ev.exportXlsx(); return true; } catch { return false; } })();
  ev.free();
  assert.equal(got.detail.code, workbooks ? 'unreadable' : 'unsupported', got.detail.message);
  if (workbooks) return;
  assert.match(got.detail.message, /cannot read Excel.*Save the sheet as CSV or TSV.*WASM_FEATURES=xlsx/s);
  const alert = await page.locator('los-dashboard [role="alert"]').textContent();
  assert.match(alert, /could not be shown.*cannot read Excel.*CSV or TSV/s);
});

test("a CSP without 'wasm-unsafe-eval': the error box names the directive to add", async () => {
  const csp = await browser.newPage();
  try {
    await csp.route('**/csp-test.html', (route) =>
      route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
        },
        body: '<!doctype html><html lang="en"><title>CSP</title><script type="module" src="pkg/los-dashboard.js"></script>'
          + '<main><los-dashboard builtin="lancashire" as-of="2019-12-31"></los-dashboard></main>',
      }),
    );
    await csp.addInitScript(() => {
      window.__error = null;
      document.addEventListener('los-error', (e) => { window.__error = e.detail; });
    });
    await csp.goto(`${server.url}csp-test.html`);
    await csp.waitForFunction(() => window.__error !== null, null, { timeout: 30000 });
    const detail = await csp.evaluate(() => window.__error);
    assert.equal(detail.code, 'csp', detail.message);
    assert.match(detail.message, /Content Security Policy.*'wasm-unsafe-eval'.*script-src/);
    const alert = await csp.locator('los-dashboard [role="alert"]').textContent();
    assert.match(alert, /Add 'wasm-unsafe-eval' to the script-src directive/);
  } finally {
    await csp.close();
  }
});
