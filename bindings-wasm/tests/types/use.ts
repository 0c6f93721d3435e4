// Type-checked by scripts/test-wasm.sh (tsc --strict): the public .d.ts
// types real use and rejects what it should.
import { Plan, RuleSet, type ActionRating, type LineOfSightError, type Rating, type ReportTable } from '../../pkg/node/lineofsight_wasm.js';
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
// The table's columns: typed arrays and arrays of strings, row by row.
const table: ReportTable = ev.table();
const firstRating: Rating | undefined = table.ratingNames[table.ratings[0] ?? 0];
const firstLeads: string[] = [...table.leadIndexes.subarray(table.leadStarts[0], table.leadStarts[1])].map((k) => table.leadNames[k] ?? '');
const dueDates: (string | null)[] = table.due;
const objectivePositions: Uint32Array = table.objectives;
// @ts-expect-error: ratings are codes in a Uint8Array, not names
const named: Rating[] = table.ratings;
console.log(n, due, note, noteDate, bad, today, firstRating, firstLeads, dueDates, objectivePositions, named);
