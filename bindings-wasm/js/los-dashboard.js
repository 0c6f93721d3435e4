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
// (default "lancashire").
// Attributes, each reflected by a property: src (src), as-of (asOf,
// YYYY-MM-DD; default today), builtin (builtin), format (format: json, csv,
// tsv, markdown, xlsx or auto; without it the format comes from the file
// name's extension, then the response's Content-Type, then the content:
// `{` is JSON, anything else a table the core sniffs), upcoming-days
// (upcomingDays; unused by the table, kept for the board report).
// Workbooks need a build with the `xlsx` feature (off by default); without
// it the error box says so (code "unsupported").
// Theming: --los-red, --los-amber-red, --los-amber, --los-amber-green,
// --los-green, --los-blue, --los-not-rated, --los-no-data (rating
// backgrounds), --los-text, --los-muted, --los-background, --los-border,
// --los-focus, --los-font.
// Events (bubbling, composed; typed in los-dashboard.d.ts): `los-ready`
// (detail: { counts, rows }) once rendered, `los-error` (detail: { code,
// message }) when the plan cannot be shown: `code` is the library's
// LineOfSightError code, or "csp" (the page's Content Security Policy
// refuses WebAssembly) or "wasm" (the .wasm could not be loaded).

import init, { Plan } from './lineofsight_wasm.js';


let wasmReady = null;
/** Instantiates the WebAssembly module once per page. */
function ready() {
  if (!wasmReady) {
    wasmReady = init({ module_or_path: new URL('./lineofsight_wasm_bg.wasm', import.meta.url) }).catch((e) => {
      wasmReady = null; // let a later load try again
      throw e;
    });
  }
  return wasmReady;
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
}
:host([hidden]) { display: none; }
.wrap { padding: 0.5rem 0; }
h2 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
p { margin: 0 0 0.5rem; }
.muted { color: var(--los-muted, #505a5f); }
.badge {
  display: inline-flex; align-items: center; gap: 0.3em;
  padding: 0.1em 0.5em; border-radius: 0.25em; white-space: nowrap;
  border: 1px solid var(--los-border, #6f777b);
  color: #0b0c0c; font-weight: 600;
}
.badge .shape { font-size: 0.9em; }
${Object.entries(RATING_VARS)
  .map(([r, v]) => `.r-${r} { background: var(${v}, var(${v}-default)); }`)
  .join('\n')}
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--los-border, #6f777b); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom-width: 2px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; margin: 0.5rem 0; }
.filters label { display: flex; flex-direction: column; font-weight: 600; gap: 0.2rem; }
select, button {
  font: inherit; color: #0b0c0c; background: #ffffff;
  border: 2px solid #0b0c0c; border-radius: 0.2rem; padding: 0.25rem 0.5rem;
  min-height: 2.25rem;
}
select { max-width: 22rem; }
button { cursor: pointer; }
button[aria-pressed="true"] { background: #0b0c0c; color: #ffffff; }
button[aria-pressed="true"] .badge { outline: 2px solid #ffffff; }
.rag-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; border: 0; padding: 0; margin: 0; }
.rag-buttons legend { font-weight: 600; padding: 0; margin-bottom: 0.2rem; }
button .badge { font-weight: 600; }
:focus-visible { outline: 3px solid var(--los-focus, #ffdd00); outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.status { font-weight: 600; margin: 0.5rem 0; }
td.update { white-space: pre-line; min-width: 12rem; }
.when { font-weight: 600; white-space: nowrap; }
.error { border-left: 5px solid #d4351c; padding: 0.5rem 0.75rem; }
.measures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 38rem), 1fr)); gap: 1rem; margin-bottom: 1rem; }
.other-measures th[scope="row"] { font-weight: 400; }
.measure { border: 1px solid var(--los-border, #6f777b); padding: 0.75rem; border-radius: 0.25rem; }
.measure svg { width: 100%; max-width: 40rem; height: auto; display: block; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
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

/** Fetches `url` (a URL object) and reads it as a plan in `format`, or the format worked out; the caller frees it. */
async function planFromUrl(url, format) {
  let response;
  try {
    response = await fetch(url.href);
  } catch (e) {
    throw coded('fetch', `could not fetch ${url.href}: ${e instanceof Error ? e.message : e}`, { url: url.href });
  }
  if (!response.ok) {
    throw coded('fetch', `could not fetch ${url.href}: HTTP status ${response.status}`, { url: url.href, status: response.status });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
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

export class LosDashboard extends HTMLElement {
  static observedAttributes = ['src', 'as-of', 'builtin', 'format', 'upcoming-days'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = [stylesheet()];
    this.filters = { objective: '', lead: '', rating: '' };
    this.data = null;
    this.loads = 0;
    this._plan = null;
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

  /** Sets the attribute to `value` as text, or removes it for null/undefined. */
  reflect(name, value) {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  connectedCallback() {
    // A property set before the element was defined sits on the instance,
    // hiding the accessor: take it and set it through the accessor.
    for (const key of ['src', 'asOf', 'builtin', 'format', 'upcomingDays', 'plan']) {
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
    if (name === 'upcoming-days') return; // the table does not use it
    if (this.isConnected && oldValue !== newValue && this.loads > 0) this.load();
  }

  /** Loads and rates the plan, then renders. */
  async load() {
    const load = ++this.loads;
    this.shadowRoot.replaceChildren(el('p', { class: 'status', role: 'status' }, 'Loading the plan…'));
    let plan = null;
    let owned = null; // a Plan the element made, and so frees
    let evaluation = null;
    try {
      await ready();
      const given = this._plan;
      const src = this.getAttribute('src');
      if (given instanceof Plan) {
        plan = given;
      } else if (given !== null) {
        plan = owned = Plan.fromObject(given);
      } else if (src) {
        const format = this.getAttribute('format')?.trim().toLowerCase() || null;
        if (format !== null && !FORMATS.includes(format)) {
          throw coded('bad_argument', `format "${format}" is not one of ${FORMATS.join(', ')}`, { argument: 'format' });
        }
        plan = owned = await planFromUrl(new URL(src, document.baseURI), format === 'auto' ? null : format);
      } else {
        plan = owned = Plan.builtin(this.getAttribute('builtin') || 'lancashire');
      }
      const asOf = this.getAttribute('as-of') || today();
      evaluation = plan.evaluate(asOf);
      const measures = evaluation.measures();
      const data = {
        title: plan.title,
        organisation: plan.organisation,
        asOf: evaluation.asOf,
        styles: plan.ratingStyles(),
        summary: evaluation.summary(),
        objectives: evaluation.objectives(),
        rows: evaluation.rows(),
        measures: measures.map((m) => ({ ...m, chart: evaluation.measureChart(m.measure_id) ?? '' })),
      };
      if (load !== this.loads) return;
      this.data = data;
      this.render();
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
      this.shadowRoot.replaceChildren(
        el(
          'div',
          { class: 'error', role: 'alert', 'data-code': code },
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

  /** The badge for a rating: colour, shape and text. */
  badge(rating) {
    const s = this.styleOf(rating);
    return el(
      'span',
      { class: `badge r-${rating}` },
      el('span', { class: 'shape', 'aria-hidden': 'true' }, s.symbol),
      el('span', {}, s.label),
    );
  }

  styleOf(rating) {
    return this.data.styles.find((s) => s.rating === rating) ?? { rating, label: rating, symbol: '', colour: '#ffffff' };
  }

  render() {
    const d = this.data;
    const root = el('div', { class: 'wrap' });
    // The core's colours are the defaults; page CSS may override --los-*.
    // Only `#rrggbb`/`#rgb` is set: a colour is never CSS that could fetch.
    for (const s of d.styles) {
      if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(s.colour)) root.style.setProperty(`${RATING_VARS[s.rating]}-default`, s.colour);
    }

    root.append(
      el('h2', {}, d.title),
      el('p', { class: 'muted' }, `${d.organisation} · rated as of ${formatDate(d.asOf)}`),
      el('p', {}, 'Overall: ', this.badge(d.summary.rating), ' ', d.summary.reason.message),
    );

    // Ratings present anywhere in the plan, worst first.
    const order = d.styles.map((s) => s.rating);
    const present = order.filter((r) => d.summary.counts[r] > 0);

    root.append(el('h3', { id: 'summary-heading' }, 'RAG summary by objective'));
    const summary = el('table', { class: 'summary', 'aria-labelledby': 'summary-heading' });
    const headRow = el('tr', {}, el('th', { scope: 'col' }, 'Objective'), el('th', { scope: 'col' }, 'Rating'));
    for (const r of present) headRow.append(el('th', { scope: 'col', class: 'num' }, this.styleOf(r).label));
    summary.append(el('thead', {}, headRow));
    const body = el('tbody');
    for (const o of d.objectives) {
      const tr = el('tr', {}, el('th', { scope: 'row' }, o.title), el('td', {}, this.badge(o.rating)));
      for (const r of present) tr.append(el('td', { class: 'num' }, o.counts[r]));
      body.append(tr);
    }
    const total = el('tr', {}, el('th', { scope: 'row' }, 'Whole plan'), el('td', {}, this.badge(d.summary.rating)));
    for (const r of present) total.append(el('td', { class: 'num', 'data-total': r }, d.summary.counts[r]));
    summary.append(body, el('tfoot', {}, total));
    root.append(summary);

    root.append(el('h3', { id: 'actions-heading' }, 'Actions'));
    root.append(this.renderFilters(present));
    this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    root.append(this.status);
    this.tableBody = el('tbody');
    const actions = el(
      'table',
      { class: 'actions', 'aria-labelledby': 'actions-heading', 'aria-describedby': 'actions-status' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Ref', 'Action', 'Lead', 'Timescale', 'Latest update', 'Rating', 'Reason'].map((h) =>
            el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      this.tableBody,
    );
    this.status.id = 'actions-status';
    root.append(actions);

    if (d.measures.length > 0) {
      root.append(el('h3', { id: 'measures-heading' }, 'Measures of success'));
      // Measures with published values get the core's chart; the rest a table.
      const charted = d.measures.filter((m) => m.series.length > 0);
      const others = d.measures.filter((m) => m.series.length === 0);
      if (charted.length > 0) {
        const grid = el('div', { class: 'measures' });
        for (const m of charted) grid.append(this.renderMeasure(m));
        root.append(grid);
      }
      if (others.length > 0) {
        const table = el(
          'table',
          { class: 'other-measures' },
          el('caption', {}, `Measures without published values (${others.length})`),
          el(
            'thead',
            {},
            el('tr', {}, ...['Measure', 'Rating', 'Reason'].map((h) => el('th', { scope: 'col' }, h))),
          ),
        );
        const body = el('tbody');
        for (const m of others) {
          body.append(
            el('tr', {}, el('th', { scope: 'row' }, m.text), el('td', {}, this.badge(m.rating)), el('td', {}, m.reason.message)),
          );
        }
        table.append(body);
        root.append(table);
      }
    }

    this.shadowRoot.replaceChildren(root);
    this.renderRows();
  }

  renderFilters(present) {
    const d = this.data;
    const form = el('div', { class: 'filters' });
    const select = (label, key, options) => {
      const s = el('select', { 'data-filter': key });
      s.append(el('option', { value: '' }, 'All'));
      for (const [value, text] of options) s.append(el('option', { value }, text));
      s.value = this.filters[key];
      s.addEventListener('change', () => {
        this.filters[key] = s.value;
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
    for (const r of present) {
      const n = d.rows.filter((row) => row.rating === r).length;
      const b = el('button', { type: 'button', 'data-rating': r }, this.badge(r), ` ${n}`);
      group.append(b);
    }
    this.ragButtons = [...group.querySelectorAll('button')];
    for (const b of this.ragButtons) {
      b.addEventListener('click', () => {
        this.filters.rating = b.dataset.rating;
        this.renderRows();
      });
    }
    form.append(group);
    return form;
  }

  renderRows() {
    const d = this.data;
    const f = this.filters;
    for (const b of this.ragButtons) b.setAttribute('aria-pressed', String(b.dataset.rating === f.rating));
    const rows = d.rows.filter(
      (r) =>
        (!f.objective || r.objective_id === f.objective) &&
        (!f.lead || r.leads.includes(f.lead)) &&
        (!f.rating || r.rating === f.rating),
    );
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      frag.append(
        el(
          'tr',
          { 'data-rating': r.rating },
          el('td', {}, r.ref ?? ''),
          el('td', {}, r.text),
          el('td', {}, r.leads.join(', ')),
          el('td', {}, r.timescale),
          this.updateCell(r),
          el('td', {}, this.badge(r.rating)),
          el('td', {}, r.reason.message),
        ),
      );
    }
    if (rows.length === 0) {
      frag.append(el('tr', {}, el('td', { colspan: '7' }, 'No actions match these filters.')));
    }
    this.tableBody.replaceChildren(frag);
    this.status.textContent = `Showing ${rows.length} of ${d.rows.length} actions.`;
  }

  /** The commentary the core decided to show: its date (or "Undated") and note. */
  updateCell(r) {
    const td = el('td', { class: 'update' });
    if (r.commentary_note == null) return td;
    const when = r.commentary_date
      ? el('time', { datetime: r.commentary_date }, formatDate(r.commentary_date))
      : 'Undated';
    td.append(el('span', { class: 'when' }, when, ':'), ' ', r.commentary_note);
    return td;
  }

  renderMeasure(m) {
    const box = el('section', { class: 'measure' }, el('h4', {}, m.text), el('p', {}, this.badge(m.rating), ' ', m.reason.message));
    if (m.chart) {
      // Trusted core output: the core escapes every plan string in its SVG.
      const svg = new DOMParser().parseFromString(m.chart, 'image/svg+xml').documentElement;
      if (svg && svg.nodeName === 'svg') box.append(document.importNode(svg, true));
    } else if (m.series.length > 0) {
      const t = el(
        'table',
        {},
        el('caption', { class: 'visually-hidden' }, `Values of ${m.text}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Period'), el('th', { scope: 'col', class: 'num' }, 'Value'), el('th', { scope: 'col' }, 'Rating'))),
      );
      const tb = el('tbody');
      for (const p of m.series.slice(-6)) {
        tb.append(el('tr', {}, el('th', { scope: 'row' }, p.period), el('td', { class: 'num' }, p.value), el('td', {}, this.badge(p.rating))));
      }
      t.append(tb);
      box.append(t);
    }
    return box;
  }
}

if (!customElements.get('los-dashboard')) customElements.define('los-dashboard', LosDashboard);
