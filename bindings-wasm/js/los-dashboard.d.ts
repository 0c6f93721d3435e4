// Types for `lineofsight/dashboard` (los-dashboard.js): the
// <los-dashboard> custom element, its properties and its events.
// Hand-written; checked by scripts/test-wasm.sh (tsc --strict over
// tests/types/dashboard.ts).
import type { ErrorCode, Plan, PlanData, RatingCounts } from './lineofsight_wasm.js';

/** What the `format` attribute takes: `auto` (or no attribute) works it out. */
export type DashboardFormat = 'json' | 'csv' | 'tsv' | 'markdown' | 'xlsx' | 'auto';

/** `los-ready`'s detail: the plan-wide rating counts and the number of actions. */
export interface LosReadyDetail {
  counts: RatingCounts;
  rows: number;
}

/**
 * Why the plan could not be shown: the library's `LineOfSightError` code
 * (`fetch`, `json`, `unreadable`, `unsupported` for a workbook in a build
 * without the `xlsx` feature, …), `csp` when the page's Content Security
 * Policy refuses WebAssembly (add `'wasm-unsafe-eval'` to `script-src`),
 * `wasm` when the .wasm file could not be loaded, or `internal`.
 */
export type LosErrorCode = ErrorCode | 'csp' | 'wasm' | 'internal';

/** `los-error`'s detail: the code, and the sentence the error box shows. */
export interface LosErrorDetail {
  code: LosErrorCode;
  message: string;
}

/** The element's own events (both bubble and are composed). */
export interface LosDashboardEventMap extends HTMLElementEventMap {
  /** The plan is rated and rendered. */
  'los-ready': CustomEvent<LosReadyDetail>;
  /** The plan could not be shown; the error box says why. */
  'los-error': CustomEvent<LosErrorDetail>;
}

/** What the `heading-level` attribute takes: the level of the plan's title heading. */
export type DashboardHeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * `<los-dashboard>`: a corporate parenting plan's RAG dashboard. The plan
 * shown is the first of: `plan`, `src`, the built-in plan `builtin`
 * (default `lancashire`; fetched from `<name>.json` beside this module while
 * the WebAssembly loads). Each attribute is reflected by a property.
 *
 * The actions table sorts by any column (a button in each header, with
 * `aria-sort`), filters by objective, lead, rating and text (combined),
 * and shows 50 actions a page with a pager. In a container narrower than
 * 40rem the tables reflow into labelled cards (no sideways scrolling down
 * to 320 px).
 *
 * Styling from the page:
 * - `::part()` names: `header` (title, organisation, overall rating),
 *   `title`, `overall`, `summary` (the RAG summary table), `filters`,
 *   `status` (the "Showing …" line), `table` (the actions table), `row`
 *   (each action's row or card), `badge` (every rating badge; also
 *   `badge-red`, `badge-amber-red`, `badge-amber`, `badge-amber-green`,
 *   `badge-green`, `badge-blue`, `badge-not-rated`, `badge-no-data`),
 *   `pager`, `measures` (the grid of charts), `measure` (one measure),
 *   `chart` (its SVG), `other-measures`, `error` (the error box), `body`
 *   (everything between the slots).
 * - Slots: `header` and `footer`, for the page's own markup (a council's
 *   name, a source note) above and below; they stay while loading or on
 *   an error.
 * - Custom properties: `--los-red`, `--los-amber-red`, `--los-amber`,
 *   `--los-amber-green`, `--los-green`, `--los-blue`, `--los-not-rated`,
 *   `--los-no-data` (badges and the charts' points; keep black text at
 *   4.5:1), `--los-text`, `--los-muted`, `--los-background`,
 *   `--los-border`, `--los-font`, `--los-control-text`,
 *   `--los-control-background`, `--los-control-border` (selects, search
 *   box, buttons), `--los-accent`, `--los-accent-text` (a pressed rating
 *   filter), `--los-focus`, `--los-focus-ring` (focus outline and its dark
 *   ring), `--los-chart-ink`, `--los-chart-background`.
 */
export class LosDashboard extends HTMLElement {
  static observedAttributes: string[];
  /**
   * The plan to show, ahead of `src`: a `Plan` (the element never frees
   * it: free it yourself once the element no longer shows it) or a plain
   * plan object (the JSON shape), read as `Plan.fromObject` reads it.
   * `null` goes back to `src` or `builtin`.
   */
  get plan(): Plan | PlanData | null;
  set plan(value: Plan | PlanData | null | undefined);
  /** The `src` attribute: the plan's URL (JSON, CSV, TSV, markdown or a workbook). */
  get src(): string | null;
  set src(value: string | null | undefined);
  /** The `as-of` attribute: the date to rate as of, `YYYY-MM-DD` (default today). */
  get asOf(): string | null;
  set asOf(value: string | null | undefined);
  /**
   * The `builtin` attribute: the built-in plan shown without `plan` or
   * `src`, fetched from `<name>.json` beside this module (the module
   * embeds no plan); an unknown name is `unknown_builtin`.
   */
  get builtin(): string | null;
  set builtin(value: string | null | undefined);
  /**
   * The `format` attribute: the format of `src`. Without it (or `auto`),
   * the file name's extension, then the response's Content-Type, then the
   * content decide. `xlsx` needs a build with the `xlsx` feature.
   */
  get format(): string | null;
  set format(value: DashboardFormat | null | undefined);
  /** The `upcoming-days` attribute as a number, or null when absent or not a whole number. */
  get upcomingDays(): number | null;
  set upcomingDays(value: number | null | undefined);
  /**
   * The `heading-level` attribute: the level of the plan's title heading,
   * 2 to 6 (default 2; anything else reads as 2). Section headings are one
   * level below, each measure's heading two below (past h6, a `div` with
   * `role="heading"` and `aria-level`). Changing it re-renders without
   * reloading.
   */
  get headingLevel(): DashboardHeadingLevel;
  set headingLevel(value: DashboardHeadingLevel | null | undefined);
  /** Loads, rates and renders the plan again. */
  load(): Promise<void>;

  addEventListener<K extends keyof LosDashboardEventMap>(
    type: K,
    listener: (this: LosDashboard, ev: LosDashboardEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof LosDashboardEventMap>(
    type: K,
    listener: (this: LosDashboard, ev: LosDashboardEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'los-dashboard': LosDashboard;
  }
}
