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

/**
 * `<los-dashboard>`: a corporate parenting plan's RAG dashboard. The plan
 * shown is the first of: `plan`, `src`, the built-in plan `builtin`
 * (default `lancashire`). Each attribute is reflected by a property.
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
  /** The `builtin` attribute: the built-in plan shown without `plan` or `src`. */
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
