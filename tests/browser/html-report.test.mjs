// The HTML board report in a real browser (Chromium, driven by
// playwright-core): no script from a plan runs (not even from progress
// commentary), nothing but the file itself is requested, and axe-core finds
// no serious or critical WCAG violations.
//
// Run from tests/browser with `npm ci && node --test`. Needs Chromium at
// /usr/bin/chromium (or CHROMIUM=/path) and cargo; scripts/test-all.sh
// installs both. Screenshots go to target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const shots = join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'browser');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'lineofsight-browser-'));

/** Runs the main job and returns the path of the HTML it wrote. */
function boardReport(name, extraArgs = []) {
  const out = join(work, `${name}.html`);
  execFileSync(
    'cargo',
    ['run', '-q', '--example', 'board_report', '--', '--as-of', '2019-12-31', '--format', 'html', '--out', out, ...extraArgs],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return out;
}

/** A plan whose every text field tries to run script. */
function hostilePlan() {
  const xss1 = '<script>window.__xss = 1; alert(1)</script>';
  const xss2 = '"><img src=x onerror="window.__xss = 2; alert(1)">';
  const plan = {
    schema_version: 1,
    title: `Hostile plan ${xss1}`,
    organisation: xss2,
    leads: [{ id: 'p1', name: xss2, kind: 'person' }],
    objectives: [
      {
        id: 'o1',
        ref: '1',
        title: xss1,
        aim: xss2,
        approach: xss1,
        actions: [
          {
            id: 'a1',
            ref: '1a',
            text: '<script>alert(1)</script>',
            timescale: 'Nov-19',
            leads: ['p1'],
            progress: [{ date: '2019-10-01', note: `Progress ${xss1}` }],
          },
          {
            id: 'a2',
            ref: '1b',
            text: '"><img src=x onerror=alert(1)>',
            timescale: '31/01/2020',
            progress: [{ note: `Undated ${xss2}\nsecond line` }],
          },
          { id: 'a3', ref: xss2, text: xss1, timescale: xss2 },
        ],
      },
    ],
  };
  const path = join(work, 'hostile-plan.json');
  writeFileSync(path, JSON.stringify(plan, null, 2));
  return path;
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

/**
 * Opens a report, recording dialogs, console errors, page errors and
 * requests. The report's own Content Security Policy forbids all scripts;
 * it is bypassed here so that axe-core can be injected, and so that the
 * escaping alone, without that safety net, must stop the attack strings.
 */
async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const seen = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', async (d) => {
    seen.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => seen.requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen, url };
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return results.violations;
}

function serious(violations) {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.html})`);
}

test('built-in plan: self-contained, accessible, nothing runs', async () => {
  const file = boardReport('lancashire');
  const { page, seen, url } = await open(file);
  assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
  assert.equal(await page.locator('script').count(), 0, 'no <script> in the report');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/, 'a CSP forbids scripts and requests as a second line of defence');
  assert.deepEqual(seen.requests, [url], 'the file is the only request');
  assert.deepEqual(seen.errors, []);
  assert.ok((await page.locator('table caption').count()) > 10, 'tables have captions');
  assert.ok((await page.locator('th[scope]').count()) > 10, 'headers have scope');
  const chip = await page.locator('td.rag-red').first().innerText();
  assert.match(chip, /✖\s*Red/, 'a rating is a shape and a word');
  // The summary comes first, with its chart drawn inline under the CSP.
  assert.equal(await page.locator('main > section').first().getAttribute('id'), 'summary');
  const chart = await page.locator('#summary figure.summary-chart svg').boundingBox();
  assert.ok(chart && chart.width > 300 && chart.height > 100, 'the RAG chart is drawn');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'board-report.png') });
  await page.screenshot({ path: join(shots, 'board-report-full.png'), fullPage: true });
  for (const id of ['objective-1', 'exceptions', 'discrepancies']) {
    await page.evaluate((i) => document.getElementById(i).scrollIntoView(), id);
    await page.screenshot({ path: join(shots, `board-report-${id}.png`) });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(shots, 'board-report-print.png') });
  // A4: 180 actions print on well under the 97 pages they once took, with
  // the summary on a page of its own.
  const pdf = await page.pdf({ path: join(shots, 'board-report.pdf'), preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages > 1 && pages <= 60, `prints on ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });
  const violations = await axeViolations(page);
  assert.deepEqual(serious(violations), [], 'no serious or critical axe violations');
  await page.close();
});

test('publish: named people replaced by their role', async () => {
  const file = boardReport('lancashire-publish', ['--publish']);
  const html = readFileSync(file, 'utf8');
  assert.ok(!html.includes('Tracey Poole-Nandy'), 'the named lead of seed 001 is gone');
  assert.ok(!html.includes('some leads are named people'));
});

test('hostile plan: every attack string renders as text', async () => {
  const file = boardReport('hostile', [hostilePlan()]);
  const { page, seen, url } = await open(file);
  // Give any onerror handler time to fire.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script ran');
  assert.deepEqual(seen.dialogs, [], 'no alert was shown');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, [url], 'no image or other request was made');
  assert.equal(await page.locator('script').count(), 0);
  assert.equal(await page.locator('img').count(), 0);
  const body = await page.locator('main').innerText();
  assert.ok(body.includes('<script>alert(1)</script>'), 'the script text is shown as text');
  assert.ok(body.includes('"><img src=x onerror=alert(1)>'), 'the img text is shown as text');
  assert.ok(body.includes('01/10/2019: Progress <script>'), 'a dated latest update is shown as text');
  assert.ok(body.includes('Undated: Undated "><img'), 'an undated latest update is shown as text');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(shots, 'hostile-plan.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: join(shots, 'hostile-plan.png'), fullPage: true });
  const violations = await axeViolations(page);
  assert.deepEqual(serious(violations), [], 'no serious or critical axe violations');
  await page.close();
});
