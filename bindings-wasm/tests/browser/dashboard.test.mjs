// <los-dashboard> in headless Chromium, on the intranet example page under
// its CSP: shows the council's CSV tracker with its theme, header slot and
// heading level, then the built-in plan: renders the built-in plan's RAG counts exactly as the Node.js
// build computes them, filters by rating with the keyboard and the mouse,
// logs no console error, breaks no CSP rule, passes an axe-core scan
// with no serious or critical violation, and shows each action's latest
// update. Saves a screenshot under
// target/wasm-test/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve, launch, watch, TARGET } from './harness.mjs';

const require = createRequire(import.meta.url);
const los = require('../../pkg/node/lineofsight_wasm.js');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
let page;
const consoleErrors = [];
let firstLoad;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.addInitScript(watch);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
  // The page shows the council's CSV tracker; remember that, then show the
  // built-in plan (JSON, with measures) for the rest of the tests.
  firstLoad = await page.evaluate(() => {
    const el = document.querySelector('los-dashboard');
    const root = el.shadowRoot;
    const title = root.querySelector('[part~="title"]');
    return {
      ready: window.__ready,
      title: title.textContent,
      titleTag: title.tagName,
      sectionTags: [...root.querySelectorAll('.section-heading')].map((h) => h.tagName),
      header: root.querySelector('slot[name="header"]').assignedElements().map((e) => e.textContent.trim().replace(/\s+/g, ' ')),
      footer: root.querySelector('slot[name="footer"]').assignedElements().length,
      titleColour: getComputedStyle(title).color,
      redBadge: getComputedStyle(root.querySelector('.badge.r-red')).backgroundColor,
      selectBorder: getComputedStyle(root.querySelector('select')).borderTopColor,
    };
  });
  await page.evaluate(() => {
    window.__ready = null;
    document.querySelector('los-dashboard').setAttribute('src', 'lancashire.json');
  });
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The plan-wide counts the Node.js build computes for the same plan and date. */
function expectedCounts() {
  const plan = los.Plan.fromJson(readFileSync(new URL('../../../examples/intranet/lancashire.json', import.meta.url), 'utf8'));
  const ev = plan.evaluate('2019-12-31');
  const out = { counts: ev.counts(), objectives: ev.objectives().length, actions: ev.actions().length };
  ev.free();
  plan.free();
  return out;
}

const visibleRatings = () =>
  page.locator('los-dashboard table.actions tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rating));
/** How many actions match the filters (the table shows a page of 50 at a time). */
const matching = async () => Number(await page.locator('los-dashboard table.actions').getAttribute('data-matching'));
const PAGE = 50;

test('the intranet page shows the council\'s CSV tracker, themed, with its header in the slot', async () => {
  const csv = readFileSync(new URL('../../../tests/fixtures/tracker-2019-q3.csv', import.meta.url));
  const plan = los.Plan.fromTable(csv, 'csv', 'tracker.csv');
  const ev = plan.evaluate('2019-12-31');
  assert.deepStrictEqual(firstLoad.ready.counts, ev.counts());
  assert.equal(firstLoad.ready.rows, ev.actions().length);
  assert.equal(firstLoad.title, plan.title);
  ev.free();
  plan.free();
  // heading-level="3" under the page's h2: the title is an h3, sections h4.
  assert.equal(firstLoad.titleTag, 'H3');
  assert.ok(firstLoad.sectionTags.length >= 2);
  assert.ok(firstLoad.sectionTags.every((t) => t === 'H4'), firstLoad.sectionTags.join());
  assert.deepStrictEqual(firstLoad.header, ['Anyshire County Council · Corporate Parenting Board']);
  assert.equal(firstLoad.footer, 1);
  // intranet.css reaches into the element: ::part(title), --los-red, --los-control-border.
  assert.equal(firstLoad.titleColour, 'rgb(0, 89, 79)');
  assert.equal(firstLoad.redBadge, 'rgb(240, 133, 125)');
  assert.equal(firstLoad.selectBorder, 'rgb(0, 89, 79)');
});

test('renders the RAG counts the Node.js build computes', async () => {
  const want = expectedCounts();
  const ready = await page.evaluate(() => window.__ready);
  assert.deepStrictEqual(ready.counts, want.counts);
  assert.equal(ready.rows, want.actions);
  const totals = await page
    .locator('los-dashboard tfoot td[data-total]')
    .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.dataset.total, Number(c.textContent)])));
  for (const [rating, n] of Object.entries(want.counts)) {
    if (n > 0) assert.equal(totals[rating], n, `total ${rating}`);
  }
  const summaryRows = await page.locator('los-dashboard table.summary tbody tr').count();
  assert.equal(summaryRows, want.objectives);
  assert.equal(await matching(), want.actions);
  assert.equal((await visibleRatings()).length, Math.min(PAGE, want.actions));
  // Real table headers with scope.
  assert.ok((await page.locator('los-dashboard th[scope="col"]').count()) >= 6);
  assert.ok((await page.locator('los-dashboard th[scope="row"]').count()) >= want.objectives);
});

test('filters by rating with a click', async () => {
  const { counts } = expectedCounts();
  await page.locator('los-dashboard button[data-rating="red"]').click();
  const ratings = await visibleRatings();
  assert.equal(await matching(), counts.red);
  assert.equal(ratings.length, Math.min(PAGE, counts.red));
  assert.ok(ratings.every((r) => r === 'red'));
  assert.equal(await page.locator('los-dashboard button[data-rating="red"]').getAttribute('aria-pressed'), 'true');
  await page.locator('los-dashboard button[data-rating=""]').click();
  assert.equal(await matching(), Object.values(counts).reduce((a, b) => a + b, 0));
});

test('filters by rating with the keyboard, with a visible focus', async () => {
  const { counts } = expectedCounts();
  await page.locator('los-dashboard select[data-filter="lead"]').focus();
  let focused = null;
  for (let i = 0; i < 20 && focused !== 'amber'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.querySelector('los-dashboard').shadowRoot.activeElement?.dataset.rating ?? null);
  }
  assert.equal(focused, 'amber', 'Tab reaches the Amber filter button');
  const outline = await page.evaluate(() => {
    const b = document.querySelector('los-dashboard').shadowRoot.activeElement;
    const s = getComputedStyle(b);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  assert.match(outline, /^solid [1-9]/, `focus outline: ${outline}`);
  mkdirSync(TARGET, { recursive: true });
  await page.locator('los-dashboard .filters').screenshot({ path: `${TARGET}dashboard-focus.png` });
  await page.keyboard.press('Enter');
  let ratings = await visibleRatings();
  assert.equal(await matching(), counts.amber);
  assert.ok(ratings.length > 0 && ratings.every((r) => r === 'amber'));
  // Back to all with Shift+Tab to the All button and Space.
  for (let i = 0; i < 20; i++) {
    const r = await page.evaluate(() => document.querySelector('los-dashboard').shadowRoot.activeElement?.dataset.rating);
    if (r === '') break;
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Space');
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  assert.equal(await matching(), all);
  // The objective select filters too (keyboard: focus, arrow down).
  await page.locator('los-dashboard select[data-filter="objective"]').focus();
  await page.keyboard.press('ArrowDown');
  const first = await page.locator('los-dashboard select[data-filter="objective"]').inputValue();
  assert.notEqual(first, '');
  assert.ok((await matching()) < all);
  await page.locator('los-dashboard select[data-filter="objective"]').selectOption('');
});

test('axe-core finds no serious or critical violation', async () => {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepStrictEqual(bad, [], JSON.stringify(result, null, 2));
  if (result.length) console.log('axe (minor/moderate):', JSON.stringify(result));
});

test('no console error and no CSP violation; the CSP is in force', async () => {
  mkdirSync(TARGET, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${TARGET}dashboard.png` });
  await page.screenshot({ path: `${TARGET}dashboard-full.png`, fullPage: true });
  assert.deepStrictEqual(consoleErrors, []);
  assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
  // The policy is really enforced: an inline <style> element is refused.
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body { background: red; }';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0, null, { timeout: 5000 });
  assert.match((await page.evaluate(() => window.__csp))[0], /style-src/);
});

test('the actions table shows each action\'s latest update, as text', async () => {
  const plan = {
    schema_version: 1,
    title: 'Commentary plan',
    organisation: 'Council',
    objectives: [{ id: 'o1', ref: '1', title: 'Objective one', actions: [
      { id: 'a1', ref: '1a', text: 'Refresh the pledge.', timescale: '30/04/2020',
        progress: [{ note: 'Forum consulted' }, { date: '2019-09-30', note: 'Draft agreed <img src=x onerror=alert(1)>' }] },
      { id: 'a2', ref: '1b', text: 'Review SGO support.', timescale: '30/04/2020', progress: [{ note: 'Awaiting sign-off' }] },
      { id: 'a3', ref: '1c', text: 'Launch Mind of My Own.', timescale: '30/04/2020' },
    ] }],
  };
  await page.route('**/commentary-plan.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(plan) }),
  );
  await page.evaluate(() => {
    window.__ready = null;
    document.querySelector('los-dashboard').setAttribute('src', 'commentary-plan.json');
  });
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
  const headers = await page.locator('los-dashboard table.actions thead th').allTextContents();
  const col = headers.indexOf('Latest update');
  assert.ok(col >= 0, `headers: ${headers}`);
  const cells = await page
    .locator('los-dashboard table.actions tbody tr')
    .evaluateAll((rows, i) => rows.map((r) => r.cells[i].textContent), col);
  assert.deepStrictEqual(cells, ['30/09/2019: Draft agreed <img src=x onerror=alert(1)>', 'Undated: Awaiting sign-off', '']);
  assert.equal(await page.locator('los-dashboard table.actions img').count(), 0);
  assert.equal(await page.locator('los-dashboard table.actions time[datetime="2019-09-30"]').count(), 1);
  await page.evaluate(AXE);
  const bad = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  assert.deepStrictEqual(bad, []);
  await page.locator('los-dashboard table.actions').screenshot({ path: `${TARGET}dashboard-commentary.png` });
});

test('the hostile plan renders every attack as text (tests/fixtures/hostile-plan.json)', async () => {
  // The same file the Rust HTML report and the Python notebook output are
  // tested with: markup, quotes and controls in every text field. The
  // checks are on the DOM, so they hold on a page without a CSP too.
  const body = readFileSync(new URL('../../../tests/fixtures/hostile-plan.json', import.meta.url), 'utf8');
  await page.route('**/hostile-plan.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.evaluate(() => {
    window.__ready = null;
    document.querySelector('los-dashboard').setAttribute('src', 'hostile-plan.json');
  });
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => {
    const root = document.querySelector('los-dashboard');
    // The page's own header and footer (slotted light DOM) are not the plan's.
      const light = [...root.querySelectorAll('*')].filter((e) => !e.closest('[slot]'));
      const all = [...light, ...(root.shadowRoot ? root.shadowRoot.querySelectorAll('*') : [])];
    return {
      xss: window.__xss ?? null,
      injected: all.filter((e) => ['IMG', 'SCRIPT', 'B'].includes(e.tagName)).length,
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      text: (root.shadowRoot ?? root).textContent,
    };
  });
  assert.equal(found.xss, null, 'no script from the plan ran');
  assert.equal(found.injected, 0, 'no element from the plan');
  assert.equal(found.handlers, 0, 'no event-handler attribute');
  assert.ok(found.text.includes('Action <script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">'), 'the action text shows as text');
  assert.ok(found.text.includes('&amp;'), 'an entity in the plan stays as written');
});

test('a plan that cannot be loaded shows an alert and a los-error event', async () => {
  const code = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('los-dashboard');
        el.addEventListener('los-error', (e) => resolve(e.detail.code), { once: true });
        el.setAttribute('src', 'no-such-plan.json');
      }),
  );
  assert.equal(code, 'fetch');
  const alert = page.locator('los-dashboard [role="alert"]');
  assert.match(await alert.textContent(), /could not be shown.*404/s);
});
