// The language-neutral test vectors (tests/vectors/*.json), run exactly as
// tests/vectors.rs runs them against the Rust core: same inputs, same
// fields compared, same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { los, vectors } from './load.mjs';

const { Plan, RuleSet, parseRating, parseTimescale, sortRefs, refCovers } = los;

/** Every field in `expected` has the same value in `actual`. */
function checkFields(name, what, expected, actual) {
  for (const [key, want] of Object.entries(expected)) {
    assert.deepStrictEqual(actual[key], want, `case ${name}: ${what}: field ${key}`);
  }
}

test('ratings.json', () => {
  const file = vectors('ratings.json');
  assert.ok(file.cases.length >= 20);
  for (const c of file.cases) {
    const plan = Plan.fromJson(JSON.stringify(c.plan));
    const rules = c.rules ? RuleSet.fromJson(JSON.stringify(c.rules)) : undefined;
    const ev = plan.evaluate(c.as_of, rules);
    const actions = ev.actions();
    for (const want of c.expected.actions) {
      const a = actions.find((x) => x.action_id === want.action_id);
      assert.ok(a, `case ${c.name}: no action ${want.action_id}`);
      // Same as ev.action(id), which the vectors also exercise.
      assert.deepStrictEqual(ev.action(want.action_id), a);
      checkFields(c.name, want.action_id, want, { ...a, reason_code: a.reason.code, reason_message: a.reason.message });
    }
    for (const key of ['objectives', 'groups', 'priorities']) {
      const list = ev[key]();
      for (const want of c.expected[key] ?? []) {
        const r = list.find((x) => x.id === want.id);
        assert.ok(r, `case ${c.name}: no ${key} ${want.id}`);
        checkFields(c.name, want.id, want, { ...r, reason_message: r.reason.message });
      }
    }
    if (c.expected.plan_rollup) {
      const p = ev.summary();
      checkFields(c.name, 'plan', c.expected.plan_rollup, { ...p, reason_message: p.reason.message });
    }
    if (c.expected.discrepancies) {
      const got = ev.discrepancies().map((d) => ({
        action_id: d.action_id,
        recorded: d.recorded,
        computed: d.computed,
        direction: d.direction,
      }));
      assert.deepStrictEqual(got, c.expected.discrepancies, `case ${c.name}: discrepancies`);
    }
    ev.free();
    plan.free();
    rules?.free();
  }
});

test('rating_spellings.json', () => {
  for (const c of vectors('rating_spellings.json').cases) {
    if (c.error === true) {
      assert.throws(() => parseRating(c.text), (e) => e instanceof Error && e.code === 'unknown_rating' && e.text === c.text, c.text);
    } else {
      assert.equal(parseRating(c.text), c.rating, JSON.stringify(c.text));
    }
  }
});

test('refs.json', () => {
  const file = vectors('refs.json');
  assert.deepStrictEqual(sortRefs(file.sort.input), file.sort.expected);
  for (const c of file.covers) assert.deepStrictEqual(refCovers(c.ref), c.covers, c.ref);
});

test('timescales.json', () => {
  const cases = vectors('timescales.json').cases;
  assert.ok(cases.length >= 40);
  for (const c of cases) assert.deepStrictEqual(parseTimescale(c.raw), c.expected, `timescale ${JSON.stringify(c.raw)}`);
});
