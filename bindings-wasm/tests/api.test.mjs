// The package's API on the built-in plan, and agreement with native Rust.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { los } from './load.mjs';

const { Plan, RuleSet } = los;
const AS_OF = '2019-12-31';

test('the built-in plan evaluates, with counts that add up', () => {
  assert.deepStrictEqual(Plan.builtinNames(), ['lancashire', 'lancashire-cla-2014-17', 'lancashire-cip-2017', 'lancashire-cps-2018-20']);
  const plan = Plan.builtin('lancashire');
  assert.equal(plan.organisation, 'Lancashire County Council');
  const ev = plan.evaluate(AS_OF);
  assert.equal(ev.asOf, AS_OF);
  const actions = ev.actions();
  const counts = ev.counts();
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), actions.length);
  assert.deepStrictEqual(ev.summary().counts, counts);
  assert.equal(ev.objectives().length, plan.toObject().objectives.length);
  assert.ok(ev.discrepancies().length > 0);
  const rows = ev.rows();
  assert.equal(rows.length, actions.length);
  assert.deepStrictEqual(rows.map((r) => r.rating), actions.map((a) => a.rating));
  assert.ok(ev.measures().length > 0);
  const m = ev.measures()[0];
  assert.equal(typeof ev.measureChart(m.measure_id), 'string');
  assert.equal(ev.measureChart('no-such-measure'), undefined);
  assert.equal(ev.action('no-such-action'), undefined);
  assert.deepStrictEqual(ev.measure(m.measure_id), m);
  const styles = plan.ratingStyles();
  assert.equal(styles.length, 8);
  assert.deepStrictEqual(styles[0], { rating: 'red', label: 'Red', colour: '#f4a6a6', symbol: '✖' });
  const whole = ev.toObject();
  assert.deepStrictEqual(whole.actions, actions);
  assert.deepStrictEqual(JSON.parse(ev.toJson()), whole);
});

test('plans round-trip through objects and JSON; rule sets are not consumed', () => {
  const plan = Plan.builtin('lancashire');
  const again = Plan.fromObject(plan.toObject());
  const fromText = Plan.fromJson(JSON.stringify(plan));
  const rules = RuleSet.default();
  const a = again.evaluate(AS_OF, rules).toObject();
  const b = fromText.evaluate(AS_OF, rules).toObject();
  const c = plan.evaluate(AS_OF, rules.toObject()).toObject();
  assert.deepStrictEqual(a, b);
  assert.deepStrictEqual(a, c);
  // The RuleSet is still usable after being passed in.
  assert.equal(RuleSet.fromJson(rules.toJson()).toJson(), rules.toJson());
  assert.ok(plan.warnings().every((w) => typeof w.message === 'string'));
  assert.ok(Array.isArray(plan.changes('2019-06-30', AS_OF)));
});

test('CSV and TSV tables import through the core', () => {
  const tsv =
    'Key Outcome\tAction\tLead\tBy when?\n' +
    'Care leavers are housed\t• Review tenancy options • Pilot supported lodgings\tHousing; Leaving Care\tJuly 2019 December 2019\n';
  const plan = Plan.fromTable(new TextEncoder().encode(tsv), 'tsv');
  const rows = plan.evaluate(AS_OF).rows();
  assert.equal(rows.length, 2); // a cell that is only a list gives an action per item
  assert.deepStrictEqual(rows[0].leads, ['Housing', 'Leaving Care']);
  assert.ok(Array.isArray(plan.importWarnings()));
  const csv = 'Action,Lead,By when?\n"Review tenancy options",Housing,31/08/2019\n';
  const ev = Plan.fromTable(new TextEncoder().encode(csv), 'csv').evaluate(AS_OF);
  assert.equal(ev.actions()[0].rating, 'red');
});

test('the CSV export reads back as the same actions', () => {
  const plan = Plan.builtin('lancashire');
  const csv = plan.evaluate(AS_OF).exportCsv();
  const back = Plan.fromTable(new TextEncoder().encode(csv), 'csv');
  const actions = (p) => p.toObject().objectives.flatMap((o) => o.actions.map((a) => ({
    id: a.id, text: a.text, state: a.state, recorded: a.recorded_rating,
    progress: a.progress ?? [], subs: a.sub_activities ?? [],
  })));
  assert.deepStrictEqual(actions(back), actions(plan));
});

test('the board report equals native Rust output (examples/board_report --format json)', (t) => {
  const path = process.env.LOS_NATIVE_REPORT;
  if (!path || !existsSync(path)) {
    t.skip('LOS_NATIVE_REPORT not set (scripts/test-wasm.sh sets it)');
    return;
  }
  const native = JSON.parse(readFileSync(path, 'utf8'));
  const report = Plan.builtin('lancashire').evaluate(AS_OF).boardReport(90);
  assert.deepStrictEqual(report, native);
});

test('the public .d.ts files use no `any`', () => {
  for (const build of ['node', 'web']) {
    const file = fileURLToPath(new URL(`../pkg/${build}/lineofsight_wasm.d.ts`, import.meta.url));
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.split('/**')[0].split('//')[0])
      .filter((l) => !/^\s*\*/.test(l))
      .join('\n');
    assert.doesNotMatch(code, /\bany\b/, `${build} .d.ts`);
    // Arguments are JsValues checked in src/args.rs, typed precisely here.
    for (const signature of [
      'evaluate(asOf: string | Date, rules?: RuleSet | RuleSetData | null): Evaluation;',
      'changes(from: string | Date, to: string | Date, rules?: RuleSet | RuleSetData | null): RatingChange[];',
      'static fromTable(bytes: Uint8Array | number[], format?: TableFormat | null, name?: string | null): Plan;',
      'static fromUrl(url: string, format?: TableFormat | null): Promise<Plan>;',
      'dueWithin(days: number): ActionRating[];',
      'renderHtml(upcomingDays?: number | null, publish?: boolean | null): string;',
      'exportCsv(publish?: boolean | null): string;',
      'action(id: string): ActionRating | undefined;',
      'measureChart(id: string): string | undefined;',
      'export function sortRefs(refs: string[]): string[];',
      'export function parsePeriod(label: string, yearEnd: YearEnd): Period;',
      'export function periodFromEes(timePeriod: string, timeIdentifier: string): Period;',
    ]) {
      assert.ok(code.includes(signature), `${build} .d.ts: ${signature}`);
    }
    // Added by build-wasm.sh: Node.js reads the plan's file, browsers fetch it.
    const builtin = build === 'node' ? 'function builtin(name: string): Plan;' : 'function builtin(name: string): Promise<Plan>;';
    assert.ok(code.includes(builtin), `${build} .d.ts: ${builtin}`);
  }
});

test('one report model: options, changes since, one lead, every format from render()', () => {
  const ev = Plan.builtin('lancashire').evaluate(AS_OF);
  const report = ev.boardReport({ since: '2019-09-30', byLead: true });
  assert.equal(report.changes.since, '2019-09-30');
  assert.ok(report.changes.ratings.length > 0);
  assert.equal(report.options.by_lead, true);
  assert.equal(ev.boardReport(60).options.look_ahead_days, 60);
  const lead = report.leads[0].name;
  const theirs = ev.boardReport({ lead });
  assert.equal(theirs.lead, lead);
  assert.ok(theirs.actions.every((r) => r.leads.includes(lead)));
  for (const format of ['html', 'markdown', 'terminal', 'csv', 'json']) {
    const out = ev.render(format, { since: '2019-09-30' });
    assert.equal(typeof out, 'string', format);
    assert.ok(out.length > 0, format);
  }
  try {
    assert.match(ev.render('ics'), /BEGIN:VEVENT/);
  } catch (e) {
    assert.equal(e.code, 'unsupported', e.message);
  }
  assert.match(ev.render('html', { publish: true }), /^<!DOCTYPE html>/);
  for (const format of ['docx', 'xlsx']) {
    try {
      const bytes = ev.render(format);
      assert.ok(bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b, format);
    } catch (e) {
      assert.equal(e.code, 'unsupported', e.message);
    }
  }
  assert.throws(() => ev.render('pdf'), (e) => e.code === 'bad_argument');
  assert.throws(() => ev.boardReport({ sinse: '2019-09-30' }), (e) => e.code === 'bad_argument' && /sinse/.test(e.message));
  assert.throws(() => ev.boardReport({ since: '30/09/2019' }), (e) => e.code === 'bad_argument');
});

test('last quarter\'s plan: moved deadlines, matched by ref', () => {
  const tracker = (due) => Plan.fromJson(JSON.stringify({
    schema_version: 1, title: 'Tracker', organisation: 'Council', leads: [],
    objectives: [{ id: 'o1', ref: '1', title: 'Care leavers', actions: [{ id: 'a1', ref: '1.1', text: 'Refresh the pledge.', timescale: due }] }],
  }));
  const report = tracker('Jun-20').evaluate(AS_OF).boardReportComparedWith(tracker('Dec-19'), { since: '2019-09-30' });
  const moved = report.changes.moved_deadlines[0];
  assert.deepStrictEqual([moved.from_timescale, moved.to_timescale, moved.days_later], ['Dec-19', 'Jun-20', 182]);
});

test('rows() are the board report\'s rows (a closed plan as at its last day), and table() holds them as columns', () => {
  for (const name of Plan.builtinNames()) {
    const plan = Plan.builtin(name);
    for (const asOf of ['2016-06-30', '2017-04-01', '2019-12-31', '2021-04-01']) {
      const ev = plan.evaluate(asOf);
      const rows = ev.rows();
      assert.deepStrictEqual(rows, ev.boardReport().actions, `${name} as of ${asOf}`);
      const t = ev.table();
      const objectives = ev.objectives();
      assert.equal(t.length, rows.length);
      assert.ok(t.ratings instanceof Uint8Array && t.open instanceof Uint8Array);
      assert.ok(t.objectives instanceof Uint32Array && t.leadStarts instanceof Uint32Array && t.leadIndexes instanceof Uint32Array);
      assert.equal(t.leadStarts.length, rows.length + 1);
      assert.equal(new Set(t.leadNames).size, t.leadNames.length);
      const columns = rows.map((_, i) => ({
        action_id: t.actionIds[i],
        objective_id: objectives[t.objectives[i]].id,
        ref: t.refs[i],
        text: t.texts[i],
        timescale: t.timescales[i],
        leads: [...t.leadIndexes.subarray(t.leadStarts[i], t.leadStarts[i + 1])].map((k) => t.leadNames[k]),
        rating: t.ratingNames[t.ratings[i]],
        open: t.open[i] === 1,
        reason: t.reasons[i],
        due: t.due[i],
        commentary_note: t.commentaryNotes[i],
        commentary_date: t.commentaryDates[i],
      }));
      const expected = rows.map((r) => ({
        action_id: r.action_id,
        objective_id: r.objective_id,
        ref: r.ref,
        text: r.text,
        timescale: r.timescale,
        leads: r.leads,
        rating: r.rating,
        open: r.open,
        reason: r.reason.message,
        due: r.due,
        commentary_note: r.commentary_note,
        commentary_date: r.commentary_date,
      }));
      assert.deepStrictEqual(columns, expected, `${name} as of ${asOf}`);
      ev.free();
    }
    plan.free();
  }
  // The closed 2014–17 plan: rated as at 31/03/2017, as the report is.
  const closed = Plan.builtin('lancashire-cla-2014-17').evaluate('2019-12-31');
  assert.ok(!closed.rows().some((r) => /1645 days/.test(r.reason.message)));
});
