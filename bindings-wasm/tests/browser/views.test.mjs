// <los-dashboard>'s views in headless Chromium: no sideways scrolling and
// the rating in view at 320 and 390 px; sorting (aria-sort), filtering by
// objective, lead, rating and text (combined), and pages of 50, on a
// 5,000-action plan; heading-level; ::part names; --los-* colours reaching
// the charts' markers. Saves screenshots under target/wasm-test/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve, launch, watch, TARGET } from './harness.mjs';

const require = createRequire(import.meta.url);
const los = require('../../pkg/node/lineofsight_wasm.js');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AS_OF = '2019-12-31';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
  mkdirSync(TARGET, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page on the intranet example at `width` px, showing `src` (default: the page's CSV tracker). */
async function open(width, src = null) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(watch);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30000 });
  if (src) await show(page, (s) => { document.querySelector('los-dashboard').src = s; }, src);
  return { page, errors };
}

/** Runs `change(arg)` in the page and waits for the element's next `los-ready`. */
async function show(page, change, arg) {
  await page.evaluate(() => { window.__ready = null; });
  await page.evaluate(change, arg);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 60000 });
}

/** Sideways overflow of the page and of the element, and where each shown rating badge sits. */
const layout = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('los-dashboard');
    const vw = document.documentElement.clientWidth;
    const badges = [...el.shadowRoot.querySelectorAll('table.actions tbody tr [part~="badge"]')].map((b) => {
      const r = b.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width, text: b.textContent };
    });
    return {
      page: { scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth },
      element: { scroll: el.scrollWidth, client: el.clientWidth },
      // Boxes that scroll (a visually hidden, 1 px wide thead does not count).
      inner: [...el.shadowRoot.querySelectorAll('*')].filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map((e) => e.className || e.tagName),
      vw,
      badges,
    };
  });

for (const width of [320, 390]) {
  for (const [name, src] of [['csv', null], ['lancashire', 'lancashire.json']]) {
    test(`${width} px, ${name}: no sideways scrolling, every shown rating in view`, async () => {
      const { page, errors } = await open(width, src);
      try {
        const got = await layout(page);
        assert.ok(got.page.scroll <= got.page.client, `page ${JSON.stringify(got.page)}`);
        assert.ok(got.element.scroll <= got.element.client, `element ${JSON.stringify(got.element)}`);
        assert.deepStrictEqual(got.inner, [], 'no scrolling box inside');
        assert.ok(got.badges.length > 0);
        for (const b of got.badges) {
          assert.ok(b.left >= 0 && b.right <= got.vw && b.width > 20, `badge ${JSON.stringify(b)} at ${got.vw}`);
        }
        await page.screenshot({ path: `${TARGET}dashboard-${width}-${name}.png` });
        assert.deepStrictEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
}

/** A plain plan object of `n` actions in 100 objectives, with 12 leads and a mix of ratings. */
function bigPlan(n) {
  const timescales = ['Mar-19', 'Dec-20', 'Jan-20', '31/10/2019', 'Ongoing', 'Jun-21', 'Sep-19'];
  const topics = ['housing', 'education', 'health', 'pledge', 'apprenticeships', 'participation', 'fostering'];
  const leads = Array.from({ length: 12 }, (_, k) => ({ id: `lead${k}`, name: `Lead ${k + 1}` }));
  const per = n / 100;
  const objectives = Array.from({ length: 100 }, (_, j) => ({
    id: `o${j + 1}`,
    ref: `${j + 1}`,
    title: `Objective ${j + 1}`,
    actions: Array.from({ length: per }, (_, k) => {
      const i = j * per + k;
      return {
        id: `a${i}`,
        ref: `${j + 1}.${k + 1}`,
        text: `Improve ${topics[i % topics.length]} for care leavers (${i})`,
        leads: [`lead${i % 12}`],
        timescale: timescales[i % timescales.length],
        progress: i % 2 ? [{ date: '2019-09-30', note: `Quarter two note ${i}` }] : [],
      };
    }),
  }));
  return { schema_version: 1, title: `Synthetic plan of ${n} actions`, organisation: 'Anyshire County Council', leads, objectives };
}

/** Counts of rows matching, as the Node.js build rates them. */
function expected(plan) {
  const p = los.Plan.fromObject(plan);
  const ev = p.evaluate(AS_OF);
  const rows = ev.rows();
  const styles = p.ratingStyles().map((s) => s.rating);
  ev.free();
  p.free();
  return { rows, styles };
}

test('5,000 actions: renders a page of 50, sorts, filters (combined) and pages', async () => {
  const plan = bigPlan(5000);
  const { rows, styles } = expected(plan);
  const { page, errors } = await open(1280);
  try {
    await show(page, (p) => {
      window.__t0 = performance.now();
      document.querySelector('los-dashboard').plan = p;
    }, plan);
    const ready = await page.evaluate(() => window.__ready);
    const rendered = Math.round(ready.at - (await page.evaluate(() => window.__t0)));
    assert.equal(ready.rows, 5000);
    const state = () =>
      page.evaluate(() => {
        const root = document.querySelector('los-dashboard').shadowRoot;
        const table = root.querySelector('table.actions');
        return {
          matching: Number(table.dataset.matching),
          shown: table.tBodies[0].rows.length,
          first: table.tBodies[0].rows[0]?.cells[0].textContent,
          ratings: [...table.tBodies[0].rows].map((r) => r.dataset.rating),
          leads: [...table.tBodies[0].rows].map((r) => r.cells[2]?.textContent),
          sorted: [...table.tHead.rows[0].cells].filter((th) => th.hasAttribute('aria-sort')).map((th) => `${th.dataset.column} ${th.getAttribute('aria-sort')}`),
          page: root.querySelector('[part~="pager"] .page-of').textContent,
          status: root.querySelector('#actions-status').textContent,
        };
      });
    let s = await state();
    assert.deepStrictEqual([s.matching, s.shown, s.page], [5000, 50, 'Page 1 of 100']);
    assert.equal(s.status, 'Showing 1–50 of 5000 actions.');

    // Sort by rating: worst first, then best first; by ref (numeric: 100.50 last).
    const present = styles.filter((r) => rows.some((x) => x.rating === r));
    let t = Date.now();
    await page.locator('los-dashboard th[data-column="rating"] button').click();
    const sortMs = Date.now() - t;
    s = await state();
    assert.deepStrictEqual(s.sorted, ['rating ascending']);
    assert.ok(s.ratings.every((r) => r === present[0]), `worst first: ${s.ratings[0]}`);
    await page.locator('los-dashboard th[data-column="rating"] button').click();
    s = await state();
    assert.deepStrictEqual(s.sorted, ['rating descending']);
    assert.equal(s.ratings[0], present[present.length - 1]);
    await page.locator('los-dashboard th[data-column="ref"] button').click();
    await page.locator('los-dashboard th[data-column="ref"] button').press('Enter'); // the keyboard sorts too
    s = await state();
    assert.deepStrictEqual(s.sorted, ['ref descending']);
    assert.equal(s.first, '100.50');

    // Filters combine: lead, then rating, then text, then objective.
    t = Date.now();
    await page.locator('los-dashboard select[data-filter="lead"]').selectOption('Lead 4');
    const filterMs = Date.now() - t;
    let want = rows.filter((r) => r.leads.includes('Lead 4'));
    s = await state();
    assert.equal(s.matching, want.length);
    assert.ok(s.leads.every((l) => l === 'Lead 4'));
    const rating = want[0].rating;
    await page.locator(`los-dashboard button[data-rating="${rating}"]`).click();
    want = want.filter((r) => r.rating === rating);
    assert.equal((await state()).matching, want.length);
    await page.locator('los-dashboard input[type="search"]').fill('HOUSING');
    want = want.filter((r) => r.text.includes('housing'));
    s = await state();
    assert.equal(s.matching, want.length);
    assert.ok(s.matching > 0 && s.matching < 5000);
    await page.locator('los-dashboard select[data-filter="objective"]').selectOption('o7');
    want = want.filter((r) => r.objective_id === 'o7');
    assert.equal((await state()).matching, want.length);
    // Text alone, two words (both must appear, in any field).
    await page.locator('los-dashboard select[data-filter="objective"]').selectOption('');
    await page.locator('los-dashboard select[data-filter="lead"]').selectOption('');
    await page.locator('los-dashboard button[data-rating=""]').click();
    await page.locator('los-dashboard input[type="search"]').fill('note pledge');
    want = rows.filter((r) => r.text.includes('pledge') && r.commentary_note);
    assert.equal((await state()).matching, want.length);
    await page.locator('los-dashboard input[type="search"]').fill('');
    s = await state();
    assert.equal(s.matching, 5000);
    assert.match(s.status, /^Showing 1–50 of 5000 actions, sorted by ref, descending\.$/);

    // Pages: Next with the keyboard; at the last page focus moves to Previous.
    await page.locator('los-dashboard [part~="pager"] button[data-page="next"]').focus();
    await page.keyboard.press('Enter');
    s = await state();
    assert.equal(s.page, 'Page 2 of 100');
    assert.equal(s.status, 'Showing 51–100 of 5000 actions, sorted by ref, descending.');
    await page.locator('los-dashboard input[type="search"]').fill('(4999)');
    assert.equal((await state()).matching, 1);
    assert.equal(await page.locator('los-dashboard [part~="pager"]').isHidden(), true, 'one page: no pager');
    await page.locator('los-dashboard input[type="search"]').fill('');
    assert.equal((await state()).page, 'Page 1 of 100', 'a filter goes back to page 1');

    await page.evaluate(AXE);
    const bad = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepStrictEqual(bad, []);
    assert.deepStrictEqual(errors, []);
    console.log(`5,000 actions: plan property set to los-ready (read, rated, first page rendered) ${rendered} ms; sort ${sortMs} ms; lead filter ${filterMs} ms (Chromium, this machine)`);
    await page.screenshot({ path: `${TARGET}dashboard-5000.png` });
  } finally {
    await page.close();
  }
});

test('heading-level shifts every heading; ::part names; --los-* reaches chart markers', async () => {
  const { page, errors } = await open(1280, 'lancashire.json');
  try {
    const headings = () =>
      page.evaluate(() => {
        const root = document.querySelector('los-dashboard').shadowRoot;
        const tag = (e) => (e.tagName === 'DIV' ? `aria-level=${e.getAttribute('aria-level')}` : e.tagName);
        return {
          title: tag(root.querySelector('[part~="title"]')),
          sections: [...new Set([...root.querySelectorAll('.section-heading')].map(tag))],
          measures: [...new Set([...root.querySelectorAll('.sub-heading')].map(tag))],
        };
      });
    assert.deepStrictEqual(await headings(), { title: 'H3', sections: ['H4'], measures: ['H5'] });
    await page.evaluate(() => { document.querySelector('los-dashboard').headingLevel = 5; });
    assert.deepStrictEqual(await headings(), { title: 'H5', sections: ['H6'], measures: ['aria-level=7'] });
    const level = await page.evaluate(() => {
      const el = document.querySelector('los-dashboard');
      el.setAttribute('heading-level', 'seven');
      return [el.headingLevel, el.shadowRoot.querySelector('[part~="title"]').tagName];
    });
    assert.deepStrictEqual(level, [2, 'H2']);

    const parts = await page.evaluate(() =>
      [...new Set([...document.querySelector('los-dashboard').shadowRoot.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part').split(' ')))].sort(),
    );
    for (const p of ['header', 'title', 'overall', 'summary', 'filters', 'status', 'table', 'row', 'badge', 'badge-red', 'pager', 'measures', 'measure', 'chart']) {
      assert.ok(parts.includes(p), `part ${p} in ${parts}`);
    }

    // A chart marker takes its colour from the same custom property as the badges.
    const marker = await page.evaluate(() => {
      const el = document.querySelector('los-dashboard');
      const g = el.shadowRoot.querySelector('svg[part~="chart"] g.mark');
      const rating = [...g.classList].find((c) => c.startsWith('r-')).slice(2);
      const shape = g.querySelector('.mark-fill, .mark-stroke');
      const prop = shape.classList.contains('mark-fill') ? 'fill' : 'stroke';
      const before = getComputedStyle(shape)[prop];
      el.style.setProperty(`--los-${rating.replaceAll('_', '-')}`, 'rgb(1, 2, 3)');
      return { rating, before, after: getComputedStyle(shape)[prop], title: g.querySelector('title').textContent };
    });
    assert.equal(marker.after, 'rgb(1, 2, 3)', JSON.stringify(marker));
    assert.notEqual(marker.before, marker.after);

    // The error box is a part too.
    await page.evaluate(() => {
      window.__error = null;
      const el = document.querySelector('los-dashboard');
      el.addEventListener('los-error', (e) => { window.__error = e.detail; }, { once: true });
      el.src = 'no-such-plan.json';
    });
    await page.waitForFunction(() => window.__error !== null);
    assert.equal(await page.locator('los-dashboard [part~="error"][role="alert"]').count(), 1);
    assert.deepStrictEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally {
    await page.close();
  }
});
