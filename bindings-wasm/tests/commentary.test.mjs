// Each action's commentary, decided once by the core's evaluation, reaches
// JavaScript: actions(), action(id), rows() and toObject() carry
// commentary_note and commentary_date (null when undated or absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { los } from './load.mjs';

const { Plan } = los;

const COMMENTARY_PLAN = {
  schema_version: 1,
  title: 'Commentary plan',
  organisation: 'Council',
  objectives: [
    {
      id: 'o1',
      ref: '1',
      title: 'Objective one',
      actions: [
        {
          id: 'a1',
          ref: '1a',
          text: 'Refresh the pledge.',
          timescale: '30/04/2020',
          progress: [
            { note: 'Forum consulted' },
            { date: '2019-09-30', note: 'Draft agreed' },
            { date: '2020-02-01', note: 'Written later' },
          ],
        },
        { id: 'a2', ref: '1b', text: 'Review SGO support.', timescale: '30/04/2020', progress: [{ note: 'Awaiting sign-off' }] },
        { id: 'a3', ref: '1c', text: 'Launch Mind of My Own.', timescale: '30/04/2020' },
      ],
    },
  ],
};

test('evaluation results carry the commentary', () => {
  const plan = Plan.fromJson(JSON.stringify(COMMENTARY_PLAN));
  const ev = plan.evaluate('2019-12-31');
  const pick = (a) => [a.action_id, a.commentary_note, a.commentary_date];
  assert.deepStrictEqual(ev.actions().map(pick), [
    ['a1', 'Draft agreed', '2019-09-30'],
    ['a2', 'Awaiting sign-off', null],
    ['a3', null, null],
  ]);
  assert.equal(ev.action('a1').commentary_note, 'Draft agreed');
  assert.deepStrictEqual(
    ev.rows().map((r) => [r.commentary_note, r.commentary_date]),
    ev.actions().map((a) => [a.commentary_note, a.commentary_date]),
  );
  assert.equal(ev.toObject().actions[1].commentary_note, 'Awaiting sign-off');
  // Before the dated update, the undated note shows.
  const early = plan.evaluate('2019-06-30');
  assert.deepStrictEqual(pick(early.action('a1')), ['a1', 'Forum consulted', null]);
  early.free();
  ev.free();
  plan.free();
});

test('the built-in plan has the fields, null where there is no commentary', () => {
  const plan = Plan.builtin('lancashire');
  const ev = plan.evaluate('2019-12-31');
  for (const a of ev.actions()) {
    assert.ok('commentary_note' in a && 'commentary_date' in a, a.action_id);
  }
  ev.free();
  plan.free();
});
