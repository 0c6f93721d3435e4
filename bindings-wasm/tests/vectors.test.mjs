// The language-neutral test vectors (tests/vectors/*.json), run exactly as
// tests/vectors.rs runs them against the Rust core: same inputs, same
// fields compared, same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { los, vectors } from './load.mjs';

const { Plan, RuleSet, parseRating, parseTimescale, sortRefs, refCovers, parseTarget, parsePeriod, periodFromEes, parseValue } =
  los;

/**
 * Every field in `expected` has the same value in `actual`; a missing field
 * reads as null, as serde_json's `value[key]` does in tests/vectors.rs.
 */
function checkFields(name, what, expected, actual) {
  for (const [key, want] of Object.entries(expected)) {
    const got = key in actual ? actual[key] : null;
    assert.deepStrictEqual(got, want, `case ${name}: ${what}: field ${key}`);
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

/** Runs a vector file whose expected values the core writes (tests/vectors.rs `blessed`). */
function blessed(name, min, run) {
  const cases = vectors(name).cases;
  assert.ok(cases.length >= min, `${name} has ${cases.length} cases`);
  for (const c of cases) assert.deepStrictEqual(run(c), c.expected, `${name}: ${JSON.stringify(c)}`);
}

/** The value, or `{ error: message }` as the Rust runner writes errors. */
function orError(fn) {
  try {
    return fn();
  } catch (e) {
    assert.equal(e.name, 'LineOfSightError');
    return { error: e.message };
  }
}

test('targets.json', () => blessed('targets.json', 20, (c) => parseTarget(c.text)));

test('periods.json', () =>
  blessed('periods.json', 15, (c) =>
    orError(() => ('label' in c ? parsePeriod(c.label, c.year_end) : periodFromEes(c.time_period, c.time_identifier))),
  ));

test('values.json', () => blessed('values.json', 15, (c) => orError(() => parseValue(c.text))));

test('measures.json', () => {
  const cases = vectors('measures.json').cases;
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const plan = Plan.fromObject(c.plan);
    const ev = plan.evaluate(c.as_of, c.rules);
    for (const want of c.expected.measures) {
      const m = ev.measure(want.measure_id);
      assert.ok(m, `case ${c.name}: no measure ${want.measure_id}`);
      const got = {
        ...m,
        reason_code: m.reason.code,
        reason_message: m.reason.message,
        latest_benchmark: ev.latestBenchmark(want.measure_id),
      };
      checkFields(c.name, want.measure_id, want, got);
    }
    for (const want of c.expected.objectives ?? []) {
      const o = ev.objective(want.id);
      assert.ok(o, `case ${c.name}: no objective ${want.id}`);
      checkFields(c.name, want.id, want, o);
    }
    ev.free();
    plan.free();
  }
});

/** Objects match field by field (a subset); arrays and values exactly. */
function checkSubset(name, path, expected, actual) {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `case ${name}: ${path}: not a list`);
    assert.equal(actual.length, expected.length, `case ${name}: ${path}: ${JSON.stringify(actual)}`);
    expected.forEach((want, i) => checkSubset(name, `${path}[${i}]`, want, actual[i]));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, want] of Object.entries(expected)) {
      checkSubset(name, `${path}.${key}`, want, actual?.[key] ?? null);
    }
  } else {
    assert.deepStrictEqual(actual, expected, `case ${name}: ${path}`);
  }
}

test('reports.json', () => {
  const file = vectors('reports.json');
  assert.ok(file.cases.length >= 4);
  for (const c of file.cases) {
    const ev = Plan.fromJson(JSON.stringify(c.plan)).evaluate(c.as_of);
    const options = {};
    if (c.options.since) options.since = c.options.since;
    if (c.options.by_lead) options.byLead = true;
    if (c.options.lead) options.lead = c.options.lead;
    // The JSON report, exactly as every other language writes it.
    const json = c.previous
      ? JSON.stringify(ev.boardReportComparedWith(Plan.fromJson(JSON.stringify(c.previous)), options))
      : ev.render('json', options);
    checkSubset(c.name, '$', c.expected, JSON.parse(json));
  }
});

test('edits.json', () => {
  const file = vectors('edits.json');
  assert.ok(file.cases.length >= 7);
  for (const c of file.cases) {
    const plan = Plan.fromJson(JSON.stringify(c.plan));
    if (c.expected_error) {
      const want = c.expected_error;
      assert.throws(
        () => plan.apply(c.edits),
        (e) => {
          if (want.kind === 'invalid') {
            assert.equal(e.code, 'invalid', `case ${c.name}`);
            assert.equal(e.path, want.path, `case ${c.name}`);
            assert.equal(e.edit, want.edit, `case ${c.name}: the edit that broke the plan`);
          } else {
            assert.equal(e.code, 'edit', `case ${c.name}`);
            assert.deepStrictEqual([e.edit, e.id], [want.edit, want.id], `case ${c.name}`);
            assert.match(e.message, new RegExp(want.kind === 'duplicate_action' ? 'already has' : 'has no'));
          }
          return true;
        },
      );
      // The plan itself is never changed.
      assert.equal(plan.toJson(), Plan.fromJson(JSON.stringify(c.plan)).toJson());
      continue;
    }
    const edited = plan.apply(c.edits);
    const data = edited.toObject();
    const ids = data.objectives.flatMap((o) => o.actions.map((a) => a.id));
    assert.deepStrictEqual(ids, c.expected.action_ids, `case ${c.name}`);
    assert.equal(data.reported_on ?? null, c.expected.reported_on, `case ${c.name}`);
    const ev = edited.evaluate(c.as_of);
    for (const want of c.expected.actions) {
      const a = ev.action(want.action_id);
      checkFields(c.name, want.action_id, want, { ...a, reason_code: a.reason.code });
    }
    for (const [id, updates] of Object.entries(c.expected.progress ?? {})) {
      const a = data.objectives.flatMap((o) => o.actions).find((x) => x.id === id);
      assert.deepStrictEqual(a.progress, updates, `case ${c.name}: progress`);
    }
    // What toJson() writes loads back as the same plan.
    assert.equal(Plan.fromJson(edited.toJson()).toJson(), edited.toJson());
  }
});
