// Bad inputs throw the documented errors: real Error objects named
// LineOfSightError with a `code` (see src/error.rs and README.md), and
// nothing else — no panic, no trap, no plain string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { los } from './load.mjs';

const { Plan, RuleSet, parseRating, parsePeriod, parseValue } = los;

/** Asserts `fn` throws a LineOfSightError with `code` and these fields. */
function throwsCode(fn, code, fields = {}) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `expected an Error with code ${code}, got ${thrown}`);
  assert.equal(thrown.name, 'LineOfSightError');
  assert.equal(thrown.code, code, thrown.message);
  assert.ok(thrown.message.length > 0);
  for (const [k, v] of Object.entries(fields)) assert.deepStrictEqual(thrown[k], v, `${code}: ${k}`);
  return thrown;
}

const minimal = () => ({
  schema_version: 1,
  title: 'Plan',
  organisation: 'Council',
  leads: [],
  objectives: [{ id: 'o1', title: 'Objective', actions: [{ id: 'a1', text: 'Act', timescale: 'Dec-19' }] }],
});

test('malformed JSON names the line and column', () => {
  const e = throwsCode(() => Plan.fromJson('{\n  "title": "x",\n  oops\n}'), 'json', { what: 'plan', line: 3 });
  assert.equal(typeof e.column, 'number');
  assert.equal(typeof e.path, 'string');
  throwsCode(() => Plan.fromJson(''), 'json', { path: '$' });
  throwsCode(() => Plan.fromJson('[1, 2]'), 'json', { path: '$', line: 1, column: 1 });
});

test('a value of the wrong type names its JSON path', () => {
  const p = minimal();
  p.objectives[0].actions[0].text = 42;
  throwsCode(() => Plan.fromObject(p), 'json', { path: '$.objectives[0].actions[0].text' });
  throwsCode(() => Plan.fromJson(JSON.stringify({ ...minimal(), title: ['no'] })), 'json', { path: '$.title' });
});

test('fromObject refuses anything but a plain object', () => {
  for (const bad of [42, 'plan', null, undefined, [minimal()], true]) {
    throwsCode(() => Plan.fromObject(bad), 'bad_argument');
  }
});

test('broken plan rules, newer versions and unknown built-ins', () => {
  const p = minimal();
  p.objectives[0].actions[0].leads = ['nobody'];
  const e = throwsCode(() => Plan.fromObject(p), 'invalid', { what: 'plan' });
  assert.match(e.path, /^\$\.objectives\[0\]\.actions\[0\]\.leads/);
  throwsCode(() => Plan.fromObject({ ...minimal(), schema_version: 99 }), 'unsupported_version', { found: 99, supported: 1 });
  throwsCode(() => Plan.builtin('atlantis'), 'unknown_builtin', { builtin: 'atlantis' });
});

test('a colour that is not #rgb or #rrggbb is refused with its path', () => {
  for (const colour of ['red" onload="alert(1)', 'red;background:url(https://example.com/x)', 'red']) {
    const e = throwsCode(() => Plan.fromJson(JSON.stringify({ ...minimal(), style: { colours: { red: colour } } })), 'invalid', {
      what: 'plan',
      path: '$.style.colours.red',
    });
    assert.ok(e.message.includes(JSON.stringify(colour)), e.message);
  }
  const plan = Plan.fromJson(JSON.stringify({ ...minimal(), style: { colours: { red: '#f00' } } }));
  assert.equal(plan.ratingStyles().find((s) => s.rating === 'red').colour, '#ff0000');
  plan.free();
});

test('bad dates, formats and rules', () => {
  const plan = Plan.builtin('lancashire');
  for (const d of ['31/12/2019', '2019-02-30', '', 'yesterday']) throwsCode(() => plan.evaluate(d), 'bad_argument');
  throwsCode(() => plan.evaluate('2019-12-31', { due_soon_days: 'soon' }), 'json', { what: 'rule set' });
  throwsCode(() => plan.evaluate('2019-12-31', 7), 'bad_argument');
  throwsCode(() => RuleSet.fromJson('{"nope": 1}'), 'json');
  throwsCode(() => Plan.fromTable(new Uint8Array([1, 2, 3]), 'pdf'), 'bad_argument');
  throwsCode(() => parseRating('Purple'), 'unknown_rating', { text: 'Purple' });
  throwsCode(() => parsePeriod('someday', 'march'), 'bad_period', { text: 'someday' });
  throwsCode(() => parsePeriod('2019', 'whenever'), 'bad_argument');
  throwsCode(() => parseValue('lots'), 'bad_value', { text: 'lots' });
});

test('tables that are not plans', () => {
  const text = (s) => new TextEncoder().encode(s);
  throwsCode(() => Plan.fromTable(text('just some words\nand more'), 'csv'), 'no_header', { input: 'input' });
  throwsCode(() => Plan.fromTable(text('Action,Lead\n'), 'csv', 'mine.csv'), 'no_actions', { input: 'mine.csv' });
  // Garbage as a workbook: a zip signature, then noise.
  const garbage = new Uint8Array(4096);
  garbage.set([0x50, 0x4b, 0x03, 0x04]);
  for (let i = 4; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
  throwsCode(() => Plan.fromTable(garbage, 'xlsx'), 'unreadable');
  throwsCode(() => Plan.fromTable(garbage), 'unreadable');
  throwsCode(() => Plan.fromTable(new Uint8Array(0), 'xlsx'), 'unreadable');
});

test('inputs past the limits are refused and the module keeps working (issue 13)', () => {
  const text = (s) => new TextEncoder().encode(s);
  const small = () => Plan.fromTable(text('Ref,Action,Lead\n1,Do it,Alice\n'), 'csv').evaluate('2019-12-31');
  // One 80 MB CSV row: its cell is past the cell-length limit. Before the
  // limits this trapped (`RuntimeError: unreachable`) and every later call
  // failed until the page was reloaded.
  const row = new Uint8Array(80_000_000).fill(0x78);
  row.set(text('Ref,Action,Lead\n1,'));
  const e = throwsCode(() => Plan.fromTable(row, 'csv', 'big.csv'), 'too_large', { input: 'big.csv' });
  assert.match(e.message, /row 2, column 2 \(79,999,982 characters\) is past the limit of 1,000,000 characters per cell/);
  assert.equal(small().actions().length, 1);
  // 4 GB (never written to, so the test allocates no real memory): more
  // than WebAssembly memory can hold. It is refused by its length before
  // it is copied in; copying it first trapped with `unreachable`.
  const huge = new Uint8Array(4_000_000_000);
  throwsCode(() => Plan.fromTable(huge), 'too_large', { input: 'input' });
  for (let i = 0; i < 3; i++) assert.equal(small().actions().length, 1);
  assert.ok(Plan.builtin('lancashire').evaluate('2019-12-31').actions().length > 0);
});

test('exports: HTML, Markdown and CSV from the core; xlsx only with the feature', () => {
  const ev = Plan.builtin('lancashire').evaluate('2019-12-31');
  assert.match(ev.renderHtml(), /^<!DOCTYPE html>/);
  assert.match(ev.renderMarkdown(90, true), /\| Ref \|/);
  assert.match(ev.exportCsv().split('\n')[0], /,rating,/);
  try {
    const bytes = ev.exportXlsx();
    assert.ok(bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b);
  } catch (e) {
    assert.equal(e.code, 'unsupported', e.message);
  }
});

test('random bytes and random JSON only ever throw LineOfSightError', () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const formats = ['auto', 'csv', 'tsv', 'markdown', 'xlsx'];
  for (let n = 0; n < 300; n++) {
    const bytes = new Uint8Array(Math.floor(rand() * 600));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
    if (n % 3 === 0) bytes.set([0x50, 0x4b, 0x03, 0x04].slice(0, bytes.length));
    try {
      Plan.fromTable(bytes, formats[n % formats.length]).free();
    } catch (e) {
      assert.equal(e.name, 'LineOfSightError', `${e}`);
    }
    const json = JSON.stringify(minimal()).slice(0, Math.floor(rand() * 200));
    try {
      Plan.fromJson(json).free();
    } catch (e) {
      assert.equal(e.name, 'LineOfSightError', `${e}`);
    }
  }
  // The module still works afterwards.
  assert.ok(Plan.builtin('lancashire').evaluate('2019-12-31').actions().length > 0);
});

test('fromUrl fetches JSON and reports HTTP errors', async () => {
  const body = JSON.stringify(minimal());
  const server = createServer((req, res) => {
    if (req.url === '/plan.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } else if (req.url === '/plan.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('Action,Lead,By when?\nReview tenancy options,Housing,Dec-19\n');
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const plan = await Plan.fromUrl(`${base}/plan.json`);
    assert.equal(plan.title, 'Plan');
    const table = await Plan.fromUrl(`${base}/plan.csv`, 'csv');
    assert.equal(table.evaluate('2019-12-31').actions().length, 1);
    await assert.rejects(Plan.fromUrl(`${base}/missing.json`), (e) => e.code === 'fetch' && e.status === 404 && e.url === `${base}/missing.json`);
    await assert.rejects(Plan.fromUrl('http://127.0.0.1:1/refused.json'), (e) => e.code === 'fetch' && e.status === undefined);
  } finally {
    server.close();
  }
});

// Nothing changes without a word (issue 13, item 5): the same messages as
// tests/strict_input.rs and bindings-python/tests/test_bad_input.py.
const PLAN_TEXT = '{"schema_version": 1, "title": "T", "organisation": "O", "objectives": [{"id": "o1", "title": "x", "actions": [{"id": "a1", "text": "y", "evidance": "minutes"}]}]}';
const LATIN1 = new Uint8Array([...new TextEncoder().encode('{"schema_version": 1, "title": "Caf'), 0xe9, ...new TextEncoder().encode('", "organisation": "O"}')]);
const LATIN1_MESSAGE = 'plan JSON is not UTF-8 at byte 35 (line 1, column 36): byte 0xE9 is not UTF-8; it looks like Windows-1252 (Latin-1) text, as older Excel and Notepad save: save the file as UTF-8';

test('a plan that is not UTF-8 is refused with the byte offset, as in Rust and Python', () => {
  const e = throwsCode(() => Plan.fromJson(LATIN1), 'not_utf8', { what: 'plan', offset: 35, line: 1, column: 36 });
  assert.equal(e.message, LATIN1_MESSAGE);
  // The same text as a UTF-8 string or bytes loads.
  assert.equal(Plan.fromJson(new TextEncoder().encode(PLAN_TEXT)).title, 'T');
});

test('data after the plan is an error; a misspelt field a warning, or an error when strict', () => {
  const e = throwsCode(() => Plan.fromJson(`${PLAN_TEXT}\n${PLAN_TEXT}`), 'json', { path: '$', line: 2, column: 1 });
  assert.match(e.message, /more data after the plan's closing brace, from byte \d+: a file holds one plan/);
  const plan = Plan.fromJson(PLAN_TEXT);
  assert.deepStrictEqual(plan.loadWarnings(), [{
    what: 'plan',
    path: '$.objectives[0].actions[0].evidance',
    message: 'unknown field, ignored (check its spelling; strict loading refuses it)',
  }]);
  const strict = throwsCode(() => Plan.fromJson(PLAN_TEXT, { strict: true }), 'unknown_field', { path: '$.objectives[0].actions[0].evidance' });
  assert.equal(strict.message, 'plan JSON at $.objectives[0].actions[0].evidance: unknown field (check its spelling; strict loading refuses fields this library does not read)');
  throwsCode(() => Plan.fromJson(PLAN_TEXT, { strictly: true }), 'bad_argument');
  const deep = `{"schema_version": 1, "title": "T", "organisation": "O", "extra": {"x": ${'['.repeat(1000)}${']'.repeat(1000)}}}`;
  throwsCode(() => Plan.fromJson(deep), 'too_large', { setting: 'max_depth' });
});

test('import warnings name row and column, as in Rust and Python', () => {
  const warnings = (csv) => Plan.fromTable(new TextEncoder().encode(csv), 'csv').importWarnings()
    .map((w) => `row ${w.row}, column ${w.column}: ${w.message}`);
  assert.ok(warnings('Ref,Action,Lead\n1,"Do it,Alice\n2,More,Bob\n').includes(
    'row 2, column Action: a quote opens this cell and never closes, so every line after it, to the end of the input, was read into this one cell'));
  const plan = Plan.fromTable(new TextEncoder().encode('Ref,Action,Lead\n1,a<b and c>d,Alice\n2,<b>Bold</b> text,Bob\n'), 'csv');
  assert.deepStrictEqual(warnings('Ref,Action,Lead\n1,a<b and c>d,Alice\n2,<b>Bold</b> text,Bob\n'),
    ['row 3, column Action: markup removed from the cell: <b> </b> (the text reads "Bold text")']);
  assert.ok(JSON.parse(plan.toJson()).objectives[0].actions[0].text === 'a<b and c>d');
  assert.deepStrictEqual(warnings('Ref,Action,Lead\n1,Do it,#REF!\n').slice(0, 1),
    ['row 2, column Lead: the cell holds the spreadsheet error #REF!, not a value; it is not read as a lead (check the formula in the source)']);
});
