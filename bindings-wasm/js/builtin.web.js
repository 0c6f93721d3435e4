
// ---- Added by scripts/build-wasm.sh from bindings-wasm/js/builtin.web.js ----
// The built-in plans are not in the module (to keep the download small):
// each is `<name>.json` beside this file. Each URL is written out in full so
// that bundlers (Vite, webpack, esbuild) see `new URL('./x.json',
// import.meta.url)` and emit the file; the names are `Plan.builtinNames()`.
const BUILTIN_PLAN_URLS = {
  'lancashire.json': () => new URL('./lancashire.json', import.meta.url),
  'lancashire-cla-2014-17.json': () => new URL('./lancashire-cla-2014-17.json', import.meta.url),
  'lancashire-cip-2017.json': () => new URL('./lancashire-cip-2017.json', import.meta.url),
  'lancashire-cps-2018-20.json': () => new URL('./lancashire-cps-2018-20.json', import.meta.url),
};

/**
 * A built-in plan by name, fetched from `<name>.json` beside the module:
 * `lancashire` (the combined set) or one of its plans (see `builtinNames()`).
 * Rejects with `code: "unknown_builtin"`, or `code: "fetch"` when the file
 * cannot be fetched. Call after `init()`.
 */
Plan.builtin = async function builtin(name) {
  const file = Plan.__builtinFile(name);
  const url = Object.hasOwn(BUILTIN_PLAN_URLS, file) ? BUILTIN_PLAN_URLS[file]() : new URL(file, import.meta.url);
  return Plan.fromUrl(url.href);
};
