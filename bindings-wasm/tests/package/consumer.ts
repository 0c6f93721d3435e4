// Type-checked by tests/package/run.sh against the INSTALLED package
// (node_modules/lineofsight, from `npm pack`'s tarball), with tsc --strict
// under moduleResolution bundler, nodenext and node10 (older projects'
// "node"): both entry points, their types and the los-* events. Never run.
import {
  Plan,
  RuleSet,
  type ActionRating,
  type ErrorCode,
  type LineOfSightError,
  type PlanData,
  type RatingCounts,
} from 'lineofsight';
import { LosDashboard, type LosErrorDetail, type LosReadyDetail } from 'lineofsight/dashboard';

// The library: a plan, its ratings, its errors.
// Browsers fetch a built-in plan (a Promise), Node.js reads it (the Plan):
// `await` serves both.
const plan: Plan = await Plan.builtin('lancashire');
const ev = plan.evaluate('2019-12-31', RuleSet.default());
const counts: RatingCounts = ev.counts();
const reds: ActionRating[] = ev.actions().filter((a) => a.rating === 'red');
const data: PlanData = plan.toObject();
try {
  Plan.fromJson('{');
} catch (e) {
  const err = e as LineOfSightError;
  const code: ErrorCode = err.code;
  console.log(code, err.path, err.line);
}
// @ts-expect-error: asOf is a string or a Date
plan.evaluate(20191231);
// @ts-expect-error: not an error code
const wrong: ErrorCode = 'oops';

// The element: createElement and querySelector know the tag.
const board: LosDashboard = document.createElement('los-dashboard');
const found: LosDashboard | null = document.querySelector('los-dashboard');
board.src = 'tracker.csv';
board.format = 'csv';
board.asOf = '2019-12-31';
board.upcomingDays = 30;
board.plan = plan; // a Plan from `lineofsight` (under nodenext, its Node.js types)
board.plan = data;
board.plan = null;
board.addEventListener('los-ready', (e) => {
  const detail: LosReadyDetail = e.detail;
  console.log(detail.counts.green + detail.rows);
});
board.addEventListener('los-error', (e) => {
  const detail: LosErrorDetail = e.detail;
  if (detail.code === 'csp' || detail.code === 'fetch') console.log(detail.message);
});
board.addEventListener('los-ready', (e) => {
  // @ts-expect-error: los-ready carries counts and rows, not a message
  console.log(e.detail.message);
});
// @ts-expect-error: not a format
board.format = 'pdf';
customElements.whenDefined('los-dashboard').then(() => board.load());
console.log(counts.red, reds.length, found, wrong, LosDashboard.observedAttributes);
ev.free();
plan.free();
