// <los-dashboard src="plan.json" as-of="2019-12-31"> — a corporate
// parenting plan's RAG dashboard, rated by lineofsight's WebAssembly core.
//
// Plain JavaScript, no framework. Everything is rendered into a shadow root
// with DOM methods and textContent; the only markup inserted as markup is
// the core's SVG chart output (every plan string in it escaped by the core).
// Styles come from one constructable stylesheet (adoptedStyleSheets), so the
// element works under `style-src 'self'` without 'unsafe-inline'.
//
// The plan, first that is set: the `plan` property (a Plan, which the
// element never frees, or a plain plan object); `src` (a URL: JSON, CSV,
// TSV, markdown or a workbook); the built-in plan named by `builtin`
// (default "lancashire"), fetched from <name>.json beside this file (the
// module embeds no plan). A file (`src` or the built-in plan's) is fetched
// in parallel with the WebAssembly; the summary is painted first and the
// actions added below it; `performance.mark`s (los-load, los-wasm-start,
// los-wasm-ready, los-plan-read, los-evaluated, los-summary,
// los-summary-painted, los-rows-read, los-measures-read, los-rows) time
// each step.
// Attributes, each reflected by a property: src (src), as-of (asOf,
// YYYY-MM-DD; default today), builtin (builtin), format (format: json, csv,
// tsv, markdown, xlsx or auto; without it the format comes from the file
// name's extension, then the response's Content-Type, then the content:
// `{` is JSON, anything else a table the core sniffs), upcoming-days
// (upcomingDays; unused by the table, kept for the board report),
// heading-level (headingLevel, 2 to 6, default 2: the plan's title is that
// heading, its sections one level below, each measure two below; below h6
// a heading is a div with role="heading" and aria-level).
// The actions: sortable columns (a button in each header, aria-sort on the
// sorted one), filters by objective, lead, rating and text (every word
// anywhere in the row; the filters combine), 50 to a page with a pager.
// Below a 40rem-wide container the tables reflow into labelled cards, so
// nothing scrolls sideways down to 320 px.
// Workbooks need a build with the `xlsx` feature (off by default); without
// it the error box says so (code "unsupported").
// Theming: --los-red, --los-amber-red, --los-amber, --los-amber-green,
// --los-green, --los-blue, --los-not-rated, --los-no-data (rating badges
// and the charts' points), --los-text, --los-muted, --los-background,
// --los-border, --los-font, --los-control-text, --los-control-background,
// --los-control-border (selects, the search box, buttons), --los-accent,
// --los-accent-text (a pressed rating filter), --los-focus,
// --los-focus-ring (the focus outline and the dark ring round it),
// --los-chart-ink, --los-chart-background (the charts' lines, text and
// background). Parts (::part): header, title, overall, summary, filters,
// status, table, row, badge (also badge-red, badge-amber-red, …), pager,
// measures, measure, chart, other-measures, error, body. Slots: `header`
// and `footer` (page markup above and below, kept while loading or on
// error).
// Events (bubbling, composed; typed in los-dashboard.d.ts): `los-ready`
// (detail: { counts, rows }) once rendered, `los-error` (detail: { code,
// message }) when the plan cannot be shown: `code` is the library's
// LineOfSightError code, or "csp" (the page's Content Security Policy
// refuses WebAssembly) or "wasm" (the .wasm could not be loaded).

import init, { Plan } from './lineofsight_wasm.js';


/** Resolves once the browser has had a chance to paint (rAF, then a task; a timer if frames are paused). */
function afterPaint() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

let wasmReady = null;
/** Instantiates the WebAssembly module once per page. */
function ready() {
  if (!wasmReady) {
    performance.mark?.('los-wasm-start');
    wasmReady = init({ module_or_path: new URL('./lineofsight_wasm_bg.wasm', import.meta.url) }).then((out) => {
      performance.mark?.('los-wasm-ready');
      return out;
    }, (e) => {
      wasmReady = null; // let a later load try again
      throw e;
    });
  }
  return wasmReady;
}

// The built-in plans, shipped beside the module as files (the module does
// not embed them). Each URL is written out in full so that bundlers
// (Vite, webpack) see `new URL('./x.json', import.meta.url)` and emit the
// file; the names are those of `Plan.builtinNames()`.
const BUILTIN_URLS = {
  lancashire: () => new URL('./lancashire.json', import.meta.url),
  'lancashire-cla-2014-17': () => new URL('./lancashire-cla-2014-17.json', import.meta.url),
  'lancashire-cip-2017': () => new URL('./lancashire-cip-2017.json', import.meta.url),
  'lancashire-cps-2018-20': () => new URL('./lancashire-cps-2018-20.json', import.meta.url),
};

/**
 * Fetches the built-in plan `name` while the module loads (the two in
 * parallel); resolves to the Plan, which the caller frees. An unknown name
 * is the library's own `unknown_builtin` error.
 */
async function builtinPlan(name) {
  const key = name.trim().toLowerCase();
  const url = Object.hasOwn(BUILTIN_URLS, key) ? BUILTIN_URLS[key]() : null;
  if (url === null) {
    await ready();
    return Plan.builtin(name); // rejects with unknown_builtin
  }
  const [response] = await Promise.all([fetchPlan(url), ready()]);
  return planFromResponse(url, response, 'json');
}

const RATING_VARS = {
  red: '--los-red',
  amber_red: '--los-amber-red',
  amber: '--los-amber',
  amber_green: '--los-amber-green',
  green: '--los-green',
  blue: '--los-blue',
  not_rated: '--los-not-rated',
  no_data: '--los-no-data',
};

const CSS = `
:host {
  display: block;
  color: var(--los-text, #0b0c0c);
  background: var(--los-background, #ffffff);
  font-family: var(--los-font, system-ui, -apple-system, "Segoe UI", Arial, sans-serif);
  line-height: 1.4;
  overflow-wrap: anywhere;
}
:host([hidden]) { display: none; }
.wrap { padding: 0.5rem 0; container-type: inline-size; }
.title { font-size: 1.5rem; margin: 0 0 0.25rem; }
.section-heading { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
.sub-heading { font-size: 1rem; margin: 0 0 0.25rem; font-weight: 700; }
p { margin: 0 0 0.5rem; }
.muted { color: var(--los-muted, #505a5f); }
.badge {
  display: inline-flex; align-items: center; gap: 0.3em;
  padding: 0.1em 0.5em; border-radius: 0.25em; white-space: nowrap;
  border: 1px solid var(--los-border, #6f777b);
  color: #0b0c0c; font-weight: 600; overflow-wrap: normal;
}
.badge .shape { font-size: 0.9em; }
${Object.entries(RATING_VARS)
  .map(
    ([r, v]) =>
      `.r-${r} { background: var(${v}, var(${v}-default)); }\n` +
      `svg .r-${r} .mark-fill { fill: var(${v}, var(${v}-default)); }\n` +
      `svg .r-${r} .mark-stroke { stroke: var(${v}, var(${v}-default)); }`,
  )
  .join('\n')}
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--los-border, #6f777b); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom-width: 2px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; margin: 0.5rem 0; }
.filters label { display: flex; flex-direction: column; font-weight: 600; gap: 0.2rem; max-width: 100%; }
select, button, input {
  font: inherit;
  color: var(--los-control-text, #0b0c0c);
  background: var(--los-control-background, #ffffff);
  border: 2px solid var(--los-control-border, #0b0c0c);
  border-radius: 0.2rem; padding: 0.25rem 0.5rem;
  min-height: 2.25rem; max-width: 100%; box-sizing: border-box;
}
select { max-width: 22rem; }
input[type="search"] { width: 16rem; }
button { cursor: pointer; }
button:disabled { cursor: default; opacity: 0.6; }
button[aria-pressed="true"] { background: var(--los-accent, #0b0c0c); color: var(--los-accent-text, #ffffff); border-color: var(--los-accent, #0b0c0c); }
button[aria-pressed="true"] .badge { outline: 2px solid var(--los-accent-text, #ffffff); }
.rag-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; border: 0; padding: 0; margin: 0; min-width: 0; }
.rag-buttons legend { font-weight: 600; padding: 0; margin-bottom: 0.2rem; }
button .badge { font-weight: 600; }
:focus-visible { outline: 3px solid var(--los-focus, #ffdd00); outline-offset: 0; box-shadow: 0 0 0 6px var(--los-focus-ring, #0b0c0c); }
thead th { overflow-wrap: normal; }
th button.sort {
  white-space: nowrap; border: 0; background: none; padding: 0; min-height: 0; font-weight: 700; text-align: left;
  color: inherit; display: inline-flex; gap: 0.3em; align-items: baseline;
}
/* The arrow is generated (alt text "", so not read out): aria-sort says the order. */
th button.sort::after { content: "↕" / ""; color: var(--los-muted, #505a5f); font-size: 0.85em; }
th[aria-sort="ascending"] button.sort::after { content: "▲" / ""; color: inherit; }
th[aria-sort="descending"] button.sort::after { content: "▼" / ""; color: inherit; }
.status { font-weight: 600; margin: 0.5rem 0; }
td.update { white-space: pre-line; min-width: 12rem; }
td.ref { white-space: nowrap; overflow-wrap: normal; }
.when { font-weight: 600; white-space: nowrap; }
.error { border-left: 5px solid #d4351c; padding: 0.5rem 0.75rem; }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0 0 1rem; }
.pager[hidden] { display: none; }
.measures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 38rem), 1fr)); gap: 1rem; margin-bottom: 1rem; }
.other-measures th[scope="row"] { font-weight: 400; }
.measure { border: 1px solid var(--los-border, #6f777b); padding: 0.75rem; border-radius: 0.25rem; min-width: 0; }
.measure svg { width: 100%; max-width: 40rem; height: auto; display: block; }
.measure svg > rect[fill="white"] { fill: var(--los-chart-background, #ffffff); }
.measure svg [fill="#1a1a1a"] { fill: var(--los-chart-ink, #1a1a1a); }
.measure svg [stroke="#1a1a1a"] { stroke: var(--los-chart-ink, #1a1a1a); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* Narrow containers (phones, sidebars): tables reflow into cards, each cell
   labelled by its column, so nothing scrolls sideways. */
@container (max-width: 40rem) {
  .filters label, .filters select, input[type="search"] { width: 100%; }
  .filters select { max-width: 100%; }
  table.reflow, table.reflow > tbody, table.reflow > tfoot, table.reflow tr, table.reflow td, table.reflow th { display: block; }
  table.reflow td, table.reflow th { border: 0; padding: 0.1rem 0; text-align: left; }
  table.reflow > tbody > tr, table.reflow > tfoot > tr {
    border: 1px solid var(--los-border, #6f777b); border-radius: 0.25rem; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem;
  }
  table.reflow td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  table.reflow td:empty { display: none; }
  table.reflow > caption { display: block; }
  table.reflow td.update { min-width: 0; }
  table.reflow > thead { display: block; }
  table.reflow > thead > tr { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin-bottom: 0.5rem; }
  table.reflow > thead > tr::before { content: "Sort by:"; font-weight: 600; }
  table.reflow > thead th { border: 0; padding: 0; }
  table.reflow.static > thead { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.reflow.static > thead > tr::before { content: none; }
  table.summary td.num { display: inline-block; margin-right: 1rem; }
}
`;

let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** Makes an element with text content and attributes (never markup). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The formats the `format` attribute takes. */
const FORMATS = ['json', 'csv', 'tsv', 'markdown', 'xlsx', 'auto'];

/** A file name's extension → format. */
const EXTENSIONS = {
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  md: 'markdown',
  markdown: 'markdown',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xlsb: 'xlsx',
  xls: 'xlsx',
  ods: 'xlsx',
};

/** A Content-Type's media type → format. */
const MEDIA_TYPES = {
  'application/json': 'json',
  'text/json': 'json',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/markdown': 'markdown',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel.sheet.macroenabled.12': 'xlsx',
  'application/vnd.ms-excel.sheet.binary.macroenabled.12': 'xlsx',
  'application/vnd.ms-excel': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'xlsx',
};

/** An Error with a lineofsight-style `code` (and extra fields). */
function coded(code, message, fields = {}) {
  return Object.assign(new Error(message), { name: 'LineOfSightError', code, ...fields });
}

/** The format named by the URL's file extension, or null. */
function formatFromName(url) {
  const m = /\.([a-z0-9]+)$/i.exec(url.pathname);
  return (m && EXTENSIONS[m[1].toLowerCase()]) ?? null;
}

/** The format named by a Content-Type header, or null (`+json` is JSON). */
function formatFromType(contentType) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return MEDIA_TYPES[type] ?? (type.endsWith('+json') ? 'json' : null);
}

/** JSON when the first character (after a BOM and white space) is `{`; else a table for the core to sniff. */
function formatFromContent(bytes) {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b ? 'json' : 'auto';
}

/** Fetches `url` (a URL object): the Response, or the library-shaped `fetch` error. */
async function fetchPlan(url) {
  let response;
  try {
    response = await fetch(url.href);
  } catch (e) {
    throw coded('fetch', `could not fetch ${url.href}: ${e instanceof Error ? e.message : e}`, { url: url.href });
  }
  if (!response.ok) {
    throw coded('fetch', `could not fetch ${url.href}: HTTP status ${response.status}`, { url: url.href, status: response.status });
  }
  return response;
}

/** Reads a fetched plan in `format`, or the format worked out; the caller frees it. */
async function planFromResponse(url, response, format) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A `format` left over from an earlier `src` must not read a plan's JSON
  // as a table (every row would come through as "no data", silently).
  if (format !== null && format !== 'json' && formatFromContent(bytes) === 'json') {
    throw coded(
      'bad_argument',
      `format="${format}" but ${url.href} is JSON: set format="json" or remove the format attribute`,
      { argument: 'format' },
    );
  }
  const chosen = format ?? formatFromName(url) ?? formatFromType(response.headers.get('content-type')) ?? formatFromContent(bytes);
  return chosen === 'json' ? Plan.fromJson(bytes) : Plan.fromTable(bytes, chosen, decodeURIComponent(url.pathname.split('/').pop() || url.href));
}

/**
 * What the error box says and `los-error` carries, in words a web
 * developer can act on: a CSP refusal and a build without workbooks are
 * explained; anything else is the library's own message.
 */
function explain(e) {
  const message = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : '';
  if (e && typeof e.code === 'string') {
    if (e.code === 'unsupported' && e.feature === 'xlsx') {
      return {
        code: 'unsupported',
        message:
          'This build of lineofsight cannot read Excel or OpenDocument workbooks (it was built without the ' +
          '`xlsx` feature, which keeps the .wasm small). Save the sheet as CSV or TSV and point `src` at that ' +
          'file, or rebuild the package with WASM_FEATURES=xlsx bash scripts/build-wasm.sh.',
        detail: message,
      };
    }
    return { code: e.code, message };
  }
  // A Content Security Policy without 'wasm-unsafe-eval' refuses to compile
  // WebAssembly: Chromium and Firefox throw a CompileError naming the
  // policy, Safari an EvalError.
  if (/CompileError|EvalError/.test(name) && /Content.Security.Policy|CSP|unsafe-eval|wasm-eval/i.test(message)) {
    return {
      code: 'csp',
      message:
        "This page's Content Security Policy does not allow WebAssembly, which the dashboard runs on. " +
        "Add 'wasm-unsafe-eval' to the script-src directive (for example " +
        "\"script-src 'self' 'wasm-unsafe-eval'\"); it allows compiling WebAssembly only, not eval of JavaScript.",
      detail: message,
    };
  }
  if (/CompileError|LinkError/.test(name) || (name === 'TypeError' && /WebAssembly|wasm/i.test(message))) {
    return {
      code: 'wasm',
      message:
        'The WebAssembly file lineofsight_wasm_bg.wasm could not be loaded. Serve it next to los-dashboard.js ' +
        '(with Content-Type application/wasm), from the same version of the package.',
      detail: message,
    };
  }
  return { code: 'internal', message };
}

/**
 * The rows the table needs, from the core's columnar `ReportTable`
 * (`Evaluation.table()`: one array per column, not an object per row):
 * plain objects made here in JavaScript, which is far cheaper than making
 * them across the WebAssembly boundary. `objectives` are the evaluation's
 * roll-ups in plan order, which the table's objective positions index.
 */
function rowsOfTable(t, objectives) {
  const rows = new Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const leads = [];
    for (let j = t.leadStarts[i]; j < t.leadStarts[i + 1]; j++) leads.push(t.leadNames[t.leadIndexes[j]]);
    rows[i] = {
      objective_id: objectives[t.objectives[i]]?.id ?? '',
      ref: t.refs[i],
      text: t.texts[i],
      leads,
      timescale: t.timescales[i],
      due: t.due[i],
      commentary_date: t.commentaryDates[i],
      commentary_note: t.commentaryNotes[i],
      rating: t.ratingNames[t.ratings[i]] ?? 'no_data',
      reason: t.reasons[i],
    };
  }
  return rows;
}

/** Actions shown a page at a time. */
const PAGE_SIZE = 50;

/** A heading at `level` (an `hN` up to 6; deeper, a `div` with role heading and aria-level). */
function heading(level, attrs, ...children) {
  return level <= 6 ? el(`h${level}`, attrs, ...children) : el('div', { ...attrs, role: 'heading', 'aria-level': level }, ...children);
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Text for sorting: empty sorts last in either direction (see `compareRows`). */
const SORT_KEYS = {
  ref: (r) => r.ref ?? '',
  text: (r) => r.text,
  leads: (r) => r.leads.join(', '),
  timescale: (r) => r.due ?? '',
  update: (r) => r.commentary_date ?? '',
  rating: null, // by the scale's order, worst first
  reason: (r) => r.reason,
};

/** The actions table's columns: key, header, and whether it sorts. */
const COLUMNS = [
  ['ref', 'Ref'],
  ['text', 'Action'],
  ['leads', 'Lead'],
  ['timescale', 'Timescale'],
  ['update', 'Latest update'],
  ['rating', 'Rating'],
  ['reason', 'Reason'],
];

export class LosDashboard extends HTMLElement {
  static observedAttributes = ['src', 'as-of', 'builtin', 'format', 'upcoming-days', 'heading-level'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = [stylesheet()];
    // Slots around the content: the page's own header (a council's name or
    // logo) and footer stay while the plan loads or fails.
    this.body = el('div', { class: 'wrap', part: 'body' });
    this.shadowRoot.append(el('slot', { name: 'header' }), this.body, el('slot', { name: 'footer' }));
    this.resetView();
    this.data = null;
    this.loads = 0;
    this._plan = null;
  }

  /** Filters, sort and page back to the start (a new plan). */
  resetView() {
    this.filters = { objective: '', lead: '', rating: '', text: '' };
    this.sort = { key: null, descending: false };
    this.page = 1;
  }

  /** The plan to show: a Plan (never freed by the element) or a plain plan object; ahead of `src`. */
  get plan() {
    return this._plan;
  }

  set plan(value) {
    this._plan = value ?? null;
    if (this.isConnected) this.load();
  }

  /** The plan's URL (the `src` attribute). */
  get src() {
    return this.getAttribute('src');
  }

  set src(value) {
    this.reflect('src', value);
  }

  /** The date to rate as of, `YYYY-MM-DD` (the `as-of` attribute; default today). */
  get asOf() {
    return this.getAttribute('as-of');
  }

  set asOf(value) {
    this.reflect('as-of', value);
  }

  /** The built-in plan shown without `plan` or `src` (the `builtin` attribute). */
  get builtin() {
    return this.getAttribute('builtin');
  }

  set builtin(value) {
    this.reflect('builtin', value);
  }

  /** The format of `src`: json, csv, tsv, markdown, xlsx or auto (the `format` attribute). */
  get format() {
    return this.getAttribute('format');
  }

  set format(value) {
    this.reflect('format', value);
  }

  /** Days ahead counted as upcoming (the `upcoming-days` attribute), or null. */
  get upcomingDays() {
    const v = this.getAttribute('upcoming-days');
    return v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null;
  }

  set upcomingDays(value) {
    this.reflect('upcoming-days', value);
  }

  /**
   * The level of the plan's title heading, 2 to 6 (the `heading-level`
   * attribute; default 2, and 2 for anything else): section headings are
   * one level below it, each measure's two below.
   */
  get headingLevel() {
    const v = this.getAttribute('heading-level');
    const n = v !== null && /^\s*[2-6]\s*$/.test(v) ? Number(v) : 2;
    return n;
  }

  set headingLevel(value) {
    this.reflect('heading-level', value);
  }

  /** Sets the attribute to `value` as text, or removes it for null/undefined. */
  reflect(name, value) {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  connectedCallback() {
    // A property set before the element was defined sits on the instance,
    // hiding the accessor: take it and set it through the accessor.
    for (const key of ['src', 'asOf', 'builtin', 'format', 'upcomingDays', 'headingLevel', 'plan']) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value = this[key];
        delete this[key];
        if (key === 'plan') this._plan = value ?? null;
        else this[key] = value;
      }
    }
    this.load();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'upcoming-days' || oldValue === newValue) return; // the table does not use upcoming-days
    if (name === 'heading-level') {
      if (this.data) this.render(); // same plan, same filters: only the headings move
      return;
    }
    if (this.isConnected && this.loads > 0) this.load();
  }

  /** Loads and rates the plan, then renders. */
  async load() {
    const load = ++this.loads;
    performance.mark?.('los-load');
    this.body.replaceChildren(el('p', { class: 'status', role: 'status', part: 'status' }, 'Loading the plan…'));
    let plan = null;
    let owned = null; // a Plan the element made, and so frees
    let evaluation = null;
    try {
      const given = this._plan;
      const src = this.getAttribute('src');
      // A plan's file (`src`, the built-in plan) is fetched while the
      // module loads; a plan given as a property needs the module first.
      if (given !== null) await ready();
      if (given instanceof Plan) {
        plan = given;
      } else if (given !== null) {
        plan = owned = Plan.fromObject(given);
      } else if (src) {
        const format = this.getAttribute('format')?.trim().toLowerCase() || null;
        if (format !== null && !FORMATS.includes(format)) {
          throw coded('bad_argument', `format "${format}" is not one of ${FORMATS.join(', ')}`, { argument: 'format' });
        }
        const url = new URL(src, document.baseURI);
        // Both under way at once; a module that cannot load is the error
        // shown, ahead of the file's.
        const fetching = fetchPlan(url);
        fetching.catch(() => {}); // handled below, after the module
        await ready();
        plan = owned = await planFromResponse(url, await fetching, format === 'auto' ? null : format);
      } else {
        plan = owned = await builtinPlan(this.getAttribute('builtin') || 'lancashire');
      }
      performance.mark?.('los-plan-read');
      const asOf = this.getAttribute('as-of') || today();
      evaluation = plan.evaluate(asOf);
      performance.mark?.('los-evaluated');
      // The summary first (a few objectives), painted before the actions
      // and measures are read; `rows: null` renders a status in their place.
      const head = {
        title: plan.title,
        organisation: plan.organisation,
        asOf: evaluation.asOf,
        styles: plan.ratingStyles(),
        summary: evaluation.summary(),
        objectives: evaluation.objectives(),
        rows: null,
        measures: null,
      };
      if (load !== this.loads) return;
      this.data = head;
      this.resetView();
      this.render();
      performance.mark?.('los-summary');
      await afterPaint();
      performance.mark?.('los-summary-painted');
      if (load !== this.loads) return;
      const rows = rowsOfTable(evaluation.table(), head.objectives);
      performance.mark?.('los-rows-read');
      const measures = evaluation.measures();
      const data = {
        ...head,
        rows,
        measures: measures.map((m) => ({ ...m, chart: evaluation.measureChart(m.measure_id) ?? '' })),
      };
      performance.mark?.('los-measures-read');
      this.data = data;
      // The summary stays as painted: the actions and measures go in
      // where "Loading the actions…" stood.
      this.renderActions();
      performance.mark?.('los-rows');
      this.dispatchEvent(
        new CustomEvent('los-ready', {
          bubbles: true,
          composed: true,
          detail: { counts: data.summary.counts, rows: data.rows.length },
        }),
      );
    } catch (e) {
      if (load !== this.loads) return;
      const { code, message, detail } = explain(e);
      this.data = null;
      this.body.replaceChildren(
        el(
          'div',
          { class: 'error', role: 'alert', 'data-code': code, part: 'error' },
          el('p', {}, 'The plan could not be shown.'),
          el('p', {}, message),
          detail ? el('p', { class: 'muted' }, detail) : null,
        ),
      );
      this.dispatchEvent(new CustomEvent('los-error', { bubbles: true, composed: true, detail: { code, message } }));
    } finally {
      evaluation?.free();
      owned?.free(); // never a Plan the page passed in
    }
  }

  /** The badge for a rating: colour, shape and text (never colour alone). */
  badge(rating) {
    const s = this.styleOf(rating);
    return el(
      'span',
      { class: `badge r-${rating}`, part: `badge badge-${rating.replaceAll('_', '-')}` },
      el('span', { class: 'shape', 'aria-hidden': 'true' }, s.symbol),
      el('span', {}, s.label),
    );
  }

  styleOf(rating) {
    return this.data.styles.find((s) => s.rating === rating) ?? { rating, label: rating, symbol: '', colour: '#ffffff' };
  }

  render() {
    const d = this.data;
    const level = this.headingLevel;
    const root = this.body;
    root.replaceChildren();
    // The core's colours are the defaults; page CSS may override --los-*.
    // Only `#rrggbb`/`#rgb` is set: a colour is never CSS that could fetch.
    for (const s of d.styles) {
      if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(s.colour)) root.style.setProperty(`${RATING_VARS[s.rating]}-default`, s.colour);
    }

    root.append(
      el(
        'div',
        { class: 'header', part: 'header' },
        heading(level, { class: 'title', part: 'title' }, d.title),
        el('p', { class: 'muted' }, `${d.organisation ? `${d.organisation} · ` : ''}rated as of ${formatDate(d.asOf)}`),
        el('p', { part: 'overall' }, 'Overall: ', this.badge(d.summary.rating), ' ', d.summary.reason.message),
      ),
    );

    // Ratings present anywhere in the plan, worst first.
    const order = d.styles.map((s) => s.rating);
    const present = order.filter((r) => d.summary.counts[r] > 0);

    root.append(heading(level + 1, { id: 'summary-heading', class: 'section-heading' }, 'RAG summary by objective'));
    const summary = el('table', { class: 'summary reflow static', 'aria-labelledby': 'summary-heading', part: 'summary' });
    const headRow = el('tr', {}, el('th', { scope: 'col' }, 'Objective'), el('th', { scope: 'col' }, 'Rating'));
    for (const r of present) headRow.append(el('th', { scope: 'col', class: 'num' }, this.styleOf(r).label));
    summary.append(el('thead', {}, headRow));
    const body = el('tbody');
    const countCells = (tr, counts, total) => {
      for (const r of present) {
        tr.append(el('td', { class: 'num', 'data-label': this.styleOf(r).label, 'data-total': total ? r : null }, counts[r]));
      }
      return tr;
    };
    for (const o of d.objectives) {
      const tr = el('tr', {}, el('th', { scope: 'row' }, o.title), el('td', { 'data-label': 'Rating' }, this.badge(o.rating)));
      body.append(countCells(tr, o.counts, false));
    }
    const total = el('tr', {}, el('th', { scope: 'row' }, 'Whole plan'), el('td', { 'data-label': 'Rating' }, this.badge(d.summary.rating)));
    summary.append(body, el('tfoot', {}, countCells(total, d.summary.counts, true)));
    root.append(summary);

    root.append(heading(level + 1, { id: 'actions-heading', class: 'section-heading' }, 'Actions'));
    this.pending = el('p', { class: 'status', role: 'status', part: 'status' }, 'Loading the actions…');
    root.append(this.pending);
    if (d.rows !== null) this.renderActions();
  }

  /** The actions (filters, table, pager) and the measures, in place of the "Loading the actions…" status. */
  renderActions() {
    const d = this.data;
    const level = this.headingLevel;
    const root = this.body;
    this.pending?.remove();
    this.pending = null;
    const present = d.styles.map((s) => s.rating).filter((r) => d.summary.counts[r] > 0);
    // Rows with what sorting needs, worked out once per plan; the text
    // searched (`hay`) when first searched.
    const rank = new Map(d.styles.map((s, i) => [s.rating, i]));
    this.rows = d.rows.map((r, i) => ({ r, i, rank: rank.get(r.rating) ?? d.styles.length, hay: null }));
    root.append(this.renderFilters(present));
    this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'actions-status', part: 'status' });
    root.append(this.status);
    this.tableBody = el('tbody');
    this.sortHeads = COLUMNS.map(([key, label]) => {
      const button = el('button', { type: 'button', class: 'sort', 'data-sort': key }, label);
      button.addEventListener('click', () => this.sortBy(key));
      return el('th', { scope: 'col', 'data-column': key }, button);
    });
    this.actionsTable = el(
      'table',
      { class: 'actions reflow', 'aria-labelledby': 'actions-heading', 'aria-describedby': 'actions-status', part: 'table' },
      el('thead', {}, el('tr', {}, ...this.sortHeads)),
      this.tableBody,
    );
    root.append(this.actionsTable, this.renderPager());

    if (d.measures.length > 0) {
      root.append(heading(level + 1, { id: 'measures-heading', class: 'section-heading' }, 'Measures of success'));
      // Measures with published values get the core's chart; the rest a table.
      const charted = d.measures.filter((m) => m.series.length > 0);
      const others = d.measures.filter((m) => m.series.length === 0);
      if (charted.length > 0) {
        const grid = el('div', { class: 'measures', part: 'measures' });
        for (const m of charted) grid.append(this.renderMeasure(m, level + 2));
        root.append(grid);
      }
      if (others.length > 0) {
        const table = el(
          'table',
          { class: 'other-measures reflow static', part: 'other-measures' },
          el('caption', {}, `Measures without published values (${others.length})`),
          el('thead', {}, el('tr', {}, ...['Measure', 'Rating', 'Reason'].map((h) => el('th', { scope: 'col' }, h)))),
        );
        const body = el('tbody');
        for (const m of others) {
          body.append(
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, m.text),
              el('td', { 'data-label': 'Rating' }, this.badge(m.rating)),
              el('td', { 'data-label': 'Reason' }, m.reason.message),
            ),
          );
        }
        table.append(body);
        root.append(table);
      }
    }
    this.renderRows();
  }

  renderFilters(present) {
    const d = this.data;
    const form = el('div', { class: 'filters', part: 'filters', role: 'search', 'aria-label': 'Filter the actions' });
    const search = el('input', { type: 'search', 'data-filter': 'text', autocomplete: 'off', spellcheck: 'false' });
    search.value = this.filters.text;
    search.addEventListener('input', () => {
      this.filters.text = search.value;
      this.page = 1;
      this.renderRows();
    });
    form.append(el('label', {}, 'Search', search));
    const select = (label, key, options) => {
      const s = el('select', { 'data-filter': key });
      s.append(el('option', { value: '' }, 'All'));
      for (const [value, text] of options) s.append(el('option', { value }, text));
      s.value = this.filters[key];
      s.addEventListener('change', () => {
        this.filters[key] = s.value;
        this.page = 1;
        this.renderRows();
      });
      return el('label', {}, label, s);
    };
    const objectives = d.objectives.map((o) => [o.id, o.title]);
    const leads = [...new Set(d.rows.flatMap((r) => r.leads))].sort((a, b) => a.localeCompare(b)).map((l) => [l, l]);
    form.append(select('Objective', 'objective', objectives), select('Lead', 'lead', leads));

    const group = el('fieldset', { class: 'rag-buttons' }, el('legend', {}, 'Rating'));
    const all = el('button', { type: 'button', 'data-rating': '' }, 'All');
    group.append(all);
    const counts = new Map();
    for (const row of d.rows) counts.set(row.rating, (counts.get(row.rating) ?? 0) + 1);
    for (const r of present) {
      group.append(el('button', { type: 'button', 'data-rating': r }, this.badge(r), ` ${counts.get(r) ?? 0}`));
    }
    this.ragButtons = [...group.querySelectorAll('button')];
    for (const b of this.ragButtons) {
      b.addEventListener('click', () => {
        this.filters.rating = b.dataset.rating;
        this.page = 1;
        this.renderRows();
      });
    }
    form.append(group);
    return form;
  }

  renderPager() {
    const prev = el('button', { type: 'button', 'data-page': 'previous' }, '‹ Previous');
    const next = el('button', { type: 'button', 'data-page': 'next' }, 'Next ›');
    this.pageText = el('span', { class: 'page-of' });
    prev.addEventListener('click', () => this.goTo(this.page - 1, prev, next));
    next.addEventListener('click', () => this.goTo(this.page + 1, next, prev));
    this.pager = el('nav', { class: 'pager', 'aria-label': 'Pages of actions', part: 'pager' }, prev, this.pageText, next);
    this.pagerButtons = { prev, next };
    return this.pager;
  }

  /** Shows page `n`; if the button pressed is now disabled, focus moves to the other one. */
  goTo(n, pressed, other) {
    this.page = n;
    this.renderRows();
    if (pressed.disabled && !other.disabled) other.focus();
  }

  /** Sorts the actions by a column: ascending first, then descending; the rating column worst first. */
  sortBy(key) {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: false };
    this.page = 1;
    this.renderRows();
  }

  /** The rows matching every filter, in the chosen order. */
  matchingRows() {
    const f = this.filters;
    const words = f.text.toLocaleLowerCase().split(/\s+/).filter((w) => w);
    if (words.length > 0) {
      for (const row of this.rows) {
        const r = row.r;
        row.hay ??= [r.ref, r.text, r.leads.join(' '), r.timescale, r.commentary_note, r.reason, this.styleOf(r.rating).label]
          .filter((x) => x)
          .join('\n')
          .toLocaleLowerCase();
      }
    }
    const rows = this.rows.filter(
      ({ r, hay }) =>
        (!f.objective || r.objective_id === f.objective) &&
        (!f.lead || r.leads.includes(f.lead)) &&
        (!f.rating || r.rating === f.rating) &&
        words.every((w) => hay.includes(w)),
    );
    const { key, descending } = this.sort;
    if (key) {
      const sign = descending ? -1 : 1;
      const text = SORT_KEYS[key];
      rows.sort((a, b) => {
        let c;
        if (text) {
          const x = text(a.r);
          const y = text(b.r);
          // Blanks last, whichever the direction.
          c = x === y ? 0 : x === '' ? 1 : y === '' ? -1 : sign * collator.compare(x, y);
        } else {
          c = sign * (a.rank - b.rank);
        }
        return c || a.i - b.i;
      });
    }
    return rows;
  }

  renderRows() {
    const d = this.data;
    const f = this.filters;
    for (const b of this.ragButtons) b.setAttribute('aria-pressed', String(b.dataset.rating === f.rating));
    const rows = this.matchingRows();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    this.page = Math.min(Math.max(1, this.page), pages);
    const first = (this.page - 1) * PAGE_SIZE;
    const shown = rows.slice(first, first + PAGE_SIZE);
    const frag = document.createDocumentFragment();
    for (const { r } of shown) {
      frag.append(
        el(
          'tr',
          { 'data-rating': r.rating, part: 'row' },
          el('td', { 'data-label': 'Ref', class: 'ref' }, r.ref ?? ''),
          el('td', { 'data-label': 'Action' }, r.text),
          el('td', { 'data-label': 'Lead' }, r.leads.join(', ')),
          el('td', { 'data-label': 'Timescale' }, r.timescale),
          this.updateCell(r),
          el('td', { 'data-label': 'Rating' }, this.badge(r.rating)),
          el('td', { 'data-label': 'Reason' }, r.reason),
        ),
      );
    }
    if (rows.length === 0) {
      frag.append(el('tr', {}, el('td', { colspan: '7' }, 'No actions match these filters.')));
    }
    this.tableBody.replaceChildren(frag);
    this.actionsTable.dataset.matching = String(rows.length);
    // aria-sort on the sorted column only.
    for (const th of this.sortHeads) {
      if (th.dataset.column === this.sort.key) th.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    const { prev, next } = this.pagerButtons;
    this.pager.hidden = pages === 1;
    prev.disabled = this.page === 1;
    next.disabled = this.page === pages;
    this.pageText.textContent = `Page ${this.page} of ${pages}`;
    const of = rows.length === d.rows.length ? `${rows.length} actions` : `${rows.length} matching actions (of ${d.rows.length})`;
    const range = rows.length > PAGE_SIZE ? `${first + 1}–${first + shown.length} of ` : '';
    const column = COLUMNS.find(([k]) => k === this.sort.key);
    const order = column
      ? `, sorted by ${column[1].toLowerCase()}${column[0] === 'rating' ? (this.sort.descending ? ', best first' : ', worst first') : this.sort.descending ? ', descending' : ''}`
      : '';
    this.status.textContent = `Showing ${range}${of}${order}.`;
  }

  /** The commentary the core decided to show: its date (or "Undated") and note. */
  updateCell(r) {
    const td = el('td', { class: 'update', 'data-label': 'Latest update' });
    if (r.commentary_note == null) return td;
    const when = r.commentary_date
      ? el('time', { datetime: r.commentary_date }, formatDate(r.commentary_date))
      : 'Undated';
    td.append(el('span', { class: 'when' }, when, ':'), ' ', r.commentary_note);
    return td;
  }

  renderMeasure(m, level) {
    const box = el(
      'section',
      { class: 'measure', part: 'measure' },
      heading(level, { class: 'sub-heading' }, m.text),
      el('p', {}, this.badge(m.rating), ' ', m.reason.message),
    );
    if (m.chart) {
      // Trusted core output: the core escapes every plan string in its SVG.
      const svg = new DOMParser().parseFromString(m.chart, 'image/svg+xml').documentElement;
      if (svg && svg.nodeName === 'svg') {
        svg.setAttribute('part', 'chart');
        this.themeChart(svg);
        box.append(document.importNode(svg, true));
      }
    } else if (m.series.length > 0) {
      const t = el(
        'table',
        { class: 'reflow static' },
        el('caption', { class: 'visually-hidden' }, `Values of ${m.text}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Period'), el('th', { scope: 'col', class: 'num' }, 'Value'), el('th', { scope: 'col' }, 'Rating'))),
      );
      const tb = el('tbody');
      for (const p of m.series.slice(-6)) {
        tb.append(
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, p.period),
            el('td', { class: 'num', 'data-label': 'Value' }, p.value),
            el('td', { 'data-label': 'Rating' }, this.badge(p.rating)),
          ),
        );
      }
      t.append(tb);
      box.append(t);
    }
    return box;
  }

  /**
   * Lets `--los-<rating>` reach the chart's markers: each point is a `<g>`
   * whose `<title>` ends "(Label)" and whose shapes are filled (or, for
   * the cross, stroked) with the rating's colour, the rest in ink. The group gets the
   * rating's class and those shapes `mark-fill`/`mark-stroke`, which the
   * stylesheet colours from the same custom properties as the badges.
   */
  themeChart(svg) {
    const byLabel = new Map(this.data.styles.map((s) => [s.label, s]));
    for (const g of svg.querySelectorAll('g')) {
      const title = g.firstElementChild?.nodeName === 'title' ? g.firstElementChild.textContent : '';
      const label = /\(([^()]*)\)\s*$/.exec(title)?.[1];
      const style = label !== undefined ? byLabel.get(label) : undefined;
      if (!style || !RATING_VARS[style.rating]) continue;
      g.setAttribute('class', `mark r-${style.rating}`);
      // The rating's colour is whatever is not the ink (#1a1a1a) or none.
      const coloured = (v) => v !== null && v !== 'none' && v.toLowerCase() !== '#1a1a1a';
      for (const shape of g.children) {
        if (shape.nodeName === 'title') continue;
        if (coloured(shape.getAttribute('fill'))) shape.classList.add('mark-fill');
        if (coloured(shape.getAttribute('stroke'))) shape.classList.add('mark-stroke');
      }
    }
  }
}

if (!customElements.get('los-dashboard')) customElements.define('los-dashboard', LosDashboard);
