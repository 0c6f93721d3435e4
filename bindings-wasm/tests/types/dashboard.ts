// Type-checked by scripts/test-wasm.sh (tsc --strict): `lineofsight/dashboard`
// (resolved through package.json `exports`, so the wiring is checked too)
// types the element, its properties and its events.
import { LosDashboard, type LosErrorDetail, type LosReadyDetail } from 'lineofsight/dashboard';
import { Plan } from 'lineofsight';

const board: LosDashboard = document.createElement('los-dashboard');
const found: LosDashboard | null = document.querySelector('los-dashboard');
board.src = 'tracker.csv';
board.format = 'tsv';
board.asOf = '2019-12-31';
board.upcomingDays = 90;
board.builtin = null;
board.headingLevel = 3;
const level: 2 | 3 | 4 | 5 | 6 = board.headingLevel;
board.headingLevel = null;
const src: string | null = board.src;
const days: number | null = board.upcomingDays;
// A Plan (which the page frees), a plain plan object, or null.
board.plan = await Plan.builtin('lancashire');
board.plan = { schema_version: 1, title: 'Plan', organisation: 'Council', objectives: [] };
board.plan = null;
board.addEventListener('los-ready', (e) => {
  const detail: LosReadyDetail = e.detail;
  console.log(detail.counts.red + detail.rows);
});
board.addEventListener('los-error', (e) => {
  const detail: LosErrorDetail = e.detail;
  if (detail.code === 'csp' || detail.code === 'unsupported') console.log(detail.message);
});
board.addEventListener('click', (e) => console.log(e.clientX));
// @ts-expect-error: not a format
board.format = 'pdf';
// @ts-expect-error: headings go from h2 to h6
board.headingLevel = 1;
// @ts-expect-error: upcomingDays is a number
board.upcomingDays = '90';
board.addEventListener('los-ready', (e) => {
  // @ts-expect-error: los-ready has no message
  console.log(e.detail.message);
});
console.log(found, src, days, level, LosDashboard.observedAttributes);
