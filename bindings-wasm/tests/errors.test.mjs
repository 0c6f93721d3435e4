// Bad inputs throw the documented errors: real Error objects named
// LineOfSightError with a `code` (see src/error.rs and README.md), and
// nothing else — no panic, no trap, no plain string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { los } from './load.mjs';

const { Plan, RuleSet, parseRating, parsePeriod, parseValue } = los;
const AS_OF = '2019-12-31';

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

/** Asserts `fn` throws a TypeError with `code: "wrong_type"` naming
 * `fn`'s function and its `argument`, and what was given. */
function throwsType(fn, func, argument) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof TypeError, `${func}(${argument}): expected a TypeError, got ${thrown}`);
  assert.equal(thrown.name, 'LineOfSightError');
  assert.equal(thrown.code, 'wrong_type', thrown.message);
  assert.equal(thrown.argument, argument.replace(/\[\d+\]$/, ''), thrown.message);
  assert.ok(thrown.message.startsWith(`${func}: ${argument} must be `), thrown.message);
  assert.match(thrown.message, /, not (undefined|null|an? .+)$/);
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
  for (const bad of [42, 'plan', null, undefined, [minimal()], true, new Date()]) {
    throwsType(() => Plan.fromObject(bad), 'Plan.fromObject', 'object');
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
  throwsType(() => plan.evaluate('2019-12-31', 7), 'Plan.evaluate', 'rules');
  throwsCode(() => RuleSet.fromJson('{"nope": 1}'), 'json');
  throwsCode(() => Plan.fromTable(new Uint8Array([1, 2, 3]), 'pdf'), 'bad_argument');
  throwsCode(() => parseRating('Purple'), 'unknown_rating', { text: 'Purple' });
  throwsCode(() => parsePeriod('someday', 'march'), 'bad_period', { text: 'someday' });
  throwsCode(() => parsePeriod('2019', 'whenever'), 'bad_argument');
  throwsCode(() => parseValue('lots'), 'bad_value', { text: 'lots' });
});

/** Whether this build has the `xlsx` feature (exportXlsx works). */
function readsWorkbooks() {
  const ev = Plan.builtin('lancashire').evaluate('2019-12-31');
  try {
    ev.exportXlsx();
    return true;
  } catch {
    return false;
  } finally {
    ev.free();
  }
}

test('tables that are not plans', () => {
  const text = (s) => new TextEncoder().encode(s);
  throwsCode(() => Plan.fromTable(text('just some words\nand more'), 'csv'), 'no_header', { input: 'input' });
  throwsCode(() => Plan.fromTable(text('Action,Lead\n'), 'csv', 'mine.csv'), 'no_actions', { input: 'mine.csv' });
  // Garbage as a workbook: a zip signature, then noise.
  const garbage = new Uint8Array(4096);
  garbage.set([0x50, 0x4b, 0x03, 0x04]);
  for (let i = 4; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
  // A build without the `xlsx` feature reads no workbook at all: unsupported.
  const workbook = readsWorkbooks() ? 'unreadable' : 'unsupported';
  throwsCode(() => Plan.fromTable(garbage, 'xlsx'), workbook);
  throwsCode(() => Plan.fromTable(garbage), workbook);
  throwsCode(() => Plan.fromTable(new Uint8Array(0), 'xlsx'), workbook);
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

test('a workbook in a build without the xlsx feature: code unsupported, saying what to do', () => {
  const zip = new TextEncoder().encode('PK\x03\x04....xl/workbook.xml....');
  if (readsWorkbooks()) return;
  for (const format of ['auto', 'xlsx']) {
    try {
      Plan.fromTable(zip, format, 'tracker.xlsx');
      assert.fail('no workbook is read');
    } catch (e) {
      assert.equal(e.code, 'unsupported', e.message);
      assert.equal(e.feature, 'xlsx');
      assert.equal(e.input, 'tracker.xlsx');
      assert.match(e.message, /CSV or TSV.*WASM_FEATURES=xlsx/);
    }
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

// Issue 12: every export checks its arguments. Before, wasm-bindgen's glue
// read `arg.length` of a Date or number passed as a string and trapped
// ("RuntimeError: memory access out of bounds").
test('every export refuses a wrong type with a TypeError, never a trap, and keeps working', async () => {
  const before = Plan.builtin('lancashire').evaluate(AS_OF).counts();
  const plan = Plan.builtin('lancashire');
  const ev = plan.evaluate(AS_OF);
  const bytes = new TextEncoder().encode('Ref,Action,Lead\n1,Do it,Alice\n');
  const { parseTimescale, parseTarget, periodFromEes, refCovers, sortRefs } = los;
  const date = new Date(2019, 11, 31);
  const ALL = [date, 42, undefined, null, {}];
  // Where undefined and null mean "left out", or a Date is a date.
  const GIVEN = [date, 42, {}, 'yes'];
  const NOT_DATE = [42, undefined, null, {}, [AS_OF], true];
  const NOT_NUMBER = [date, '30', undefined, null, {}];
  const NOT_OPTIONAL_NUMBER = [date, '90', {}];
  // [function, argument, call with the bad value, bad values]
  const cases = [
    ['Plan.builtin', 'name', (v) => Plan.builtin(v), ALL],
    ['Plan.fromJson', 'json', (v) => Plan.fromJson(v), ALL],
    ['Plan.fromJson', 'options', (v) => Plan.fromJson('{}', v), [date, 42, 'strict', [1]]],
    ['Plan.fromJson', 'options.strict', (v) => Plan.fromJson('{}', { strict: v }), [date, 42, 'yes', {}]],
    ['Plan.fromTable', 'bytes', (v) => Plan.fromTable(v), [...ALL, 'Ref,Action']],
    ['Plan.fromTable', 'format', (v) => Plan.fromTable(bytes, v), [date, 42, {}]],
    ['Plan.fromTable', 'name', (v) => Plan.fromTable(bytes, 'csv', v), [date, 42, {}]],
    ['Plan.status', 'asOf', (v) => plan.status(v), NOT_DATE],
    ['Plan.evaluate', 'asOf', (v) => plan.evaluate(v), NOT_DATE],
    ['Plan.evaluate', 'rules', (v) => plan.evaluate(AS_OF, v), [date, 42, 'default', true]],
    ['Plan.changes', 'from', (v) => plan.changes(v, AS_OF), NOT_DATE],
    ['Plan.changes', 'to', (v) => plan.changes(AS_OF, v), NOT_DATE],
    ['Plan.changes', 'rules', (v) => plan.changes(AS_OF, AS_OF, v), [date, 42]],
    ['RuleSet.fromJson', 'json', (v) => RuleSet.fromJson(v), ALL],
    ['RuleSet.fromObject', 'object', (v) => RuleSet.fromObject(v), [date, 42, undefined, null, '{}']],
    ['Evaluation.action', 'id', (v) => ev.action(v), ALL],
    ['Evaluation.objective', 'id', (v) => ev.objective(v), ALL],
    ['Evaluation.measure', 'id', (v) => ev.measure(v), ALL],
    ['Evaluation.latestBenchmark', 'id', (v) => ev.latestBenchmark(v), ALL],
    ['Evaluation.measureChart', 'id', (v) => ev.measureChart(v), ALL],
    ['Evaluation.dueWithin', 'days', (v) => ev.dueWithin(v), NOT_NUMBER],
    ['Evaluation.render', 'format', (v) => ev.render(v), ALL],
    ['Evaluation.render', 'options', (v) => ev.render('csv', v), [date, '90', true]],
    ['Evaluation.boardReport', 'options', (v) => ev.boardReport(v), [date, '90', [], true]],
    ['Evaluation.boardReport', 'options.since', (v) => ev.boardReport({ since: v }), [42, {}, true]],
    ['Evaluation.boardReportComparedWith', 'options', (v) => ev.boardReportComparedWith(plan, v), [date, 'x']],
    ['Evaluation.renderHtml', 'upcomingDays', (v) => ev.renderHtml(v), NOT_OPTIONAL_NUMBER],
    ['Evaluation.renderHtml', 'publish', (v) => ev.renderHtml(90, v), GIVEN],
    ['Evaluation.renderMarkdown', 'upcomingDays', (v) => ev.renderMarkdown(v), NOT_OPTIONAL_NUMBER],
    ['Evaluation.renderMarkdown', 'publish', (v) => ev.renderMarkdown(90, v), GIVEN],
    ['Evaluation.exportCsv', 'publish', (v) => ev.exportCsv(v), GIVEN],
    ['Evaluation.exportXlsx', 'publish', (v) => ev.exportXlsx(v), GIVEN],
    ['parseRating', 'text', (v) => parseRating(v), ALL],
    ['parseTimescale', 'raw', (v) => parseTimescale(v), ALL],
    ['parseTarget', 'text', (v) => parseTarget(v), ALL],
    ['parseValue', 'text', (v) => parseValue(v), ALL],
    ['parsePeriod', 'label', (v) => parsePeriod(v, 'march'), ALL],
    ['parsePeriod', 'yearEnd', (v) => parsePeriod('2019', v), ALL],
    ['periodFromEes', 'timePeriod', (v) => periodFromEes(v, 'Financial year'), ALL],
    ['periodFromEes', 'timeIdentifier', (v) => periodFromEes('201819', v), ALL],
    ['refCovers', 'reference', (v) => refCovers(v), ALL],
    ['sortRefs', 'refs', (v) => sortRefs(v), [...ALL, '1.2']],
    ['sortRefs', 'refs[1]', (v) => sortRefs(['1.2', v]), ALL],
  ];
  let checked = 0;
  for (const [func, argument, call, values] of cases) {
    for (const v of values) {
      throwsType(() => call(v), func, argument);
      checked++;
    }
  }
  assert.ok(checked > 150, `${checked} calls`);
  // Messages say what was wanted and what was given.
  assert.equal(throwsType(() => plan.evaluate(42), 'Plan.evaluate', 'asOf').message,
    'Plan.evaluate: asOf must be an ISO date string like "2019-12-31" or a Date, not a number (42)');
  assert.equal(throwsType(() => parseRating(new Date()), 'parseRating', 'text').message,
    'parseRating: text must be a string, not a Date');
  assert.equal(throwsType(() => sortRefs(['1', {}]), 'sortRefs', 'refs[1]').message,
    'sortRefs: refs[1] must be a string, not an object');
  // fromUrl is async: it rejects, before any request.
  for (const v of ALL) {
    await assert.rejects(Plan.fromUrl(v), (e) => e instanceof TypeError && e.code === 'wrong_type' && e.argument === 'url');
  }
  for (const v of [date, 42, {}]) {
    await assert.rejects(Plan.fromUrl('http://127.0.0.1:1/plan.csv', v), (e) => e instanceof TypeError && e.argument === 'format');
  }
  // Left out is not wrong: undefined and null are the defaults.
  assert.equal(Plan.fromTable(bytes, undefined, null).evaluate(AS_OF).actions().length, 1);
  assert.match(ev.renderMarkdown(undefined, null), /\| Ref \|/);
  // The module still works, and gives the same answers.
  assert.deepStrictEqual(Plan.builtin('lancashire').evaluate('2019-12-31').counts(), before);
  assert.ok(Plan.builtin('lancashire').evaluate('2019-12-31').actions().length > 0);
});

test('a Date is a date: its calendar date in the local time zone', () => {
  const plan = Plan.builtin('lancashire');
  const date = new Date(2019, 11, 31, 23, 59);
  const ev = plan.evaluate(date);
  assert.equal(ev.asOf, AS_OF);
  assert.deepStrictEqual(ev.toObject(), plan.evaluate(AS_OF).toObject());
  assert.equal(plan.status(date), plan.status(AS_OF));
  assert.deepStrictEqual(plan.changes(new Date(2019, 5, 30), date), plan.changes('2019-06-30', AS_OF));
  assert.deepStrictEqual(ev.boardReport({ since: new Date(2019, 8, 30) }), ev.boardReport({ since: '2019-09-30' }));
  // Right type, unreadable value: bad_argument (an Error), naming the argument.
  throwsCode(() => plan.evaluate(new Date(NaN)), 'bad_argument', { argument: 'asOf' });
  throwsCode(() => plan.evaluate('31/12/2019'), 'bad_argument', { argument: 'asOf' });
  for (const days of [-1, 1.5, NaN, Infinity, 2 ** 32]) throwsCode(() => ev.dueWithin(days), 'bad_argument', { argument: 'days' });
  throwsCode(() => ev.boardReport(-5), 'bad_argument', { argument: 'options' });
  throwsCode(() => ev.boardReport({ since: '30/09/2019' }), 'bad_argument', { argument: 'options.since' });
  assert.ok(Array.isArray(ev.dueWithin(0)));
});
