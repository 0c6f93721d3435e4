// Type-checked by scripts/test-wasm.sh (tsc --strict): the public .d.ts
// types real use and rejects what it should.
import { Plan, RuleSet, type ActionRating, type LineOfSightError } from '../../pkg/node/lineofsight_wasm.js';
const plan = Plan.builtin('lancashire');
const ev = plan.evaluate('2019-12-31', RuleSet.default());
const reds: ActionRating[] = ev.actions().filter((a) => a.rating === 'red');
const n: number = ev.counts().red + reds.length;
const due: string | null | undefined = reds[0]?.due;
const note: string | null | undefined = reds[0]?.commentary_note;
const noteDate: string | null | undefined = ev.rows()[0]?.commentary_date;
// A Date is a date (its local calendar date); a number is not.
const today: string = plan.evaluate(new Date()).asOf;
// @ts-expect-error: asOf is a string or a Date
plan.evaluate(20191231);
try { Plan.fromJson('{'); } catch (e) { const err = e as LineOfSightError; const c: string = err.code; console.log(c, err.path, err.line, err.argument); }
// @ts-expect-error: ratings are a closed union
const bad: ActionRating['rating'] = 'purple';
console.log(n, due, note, noteDate, bad, today);
