// `lineofsight` alone: the default `init()` finds the .wasm by the glue's
// own `new URL('lineofsight_wasm_bg.wasm', import.meta.url)`.
import init, { Plan, type RatingCounts } from 'lineofsight';

declare global {
  interface Window {
    __api?: { counts: RatingCounts; actions: number } | { error: string };
  }
}

init()
  .then(() => Plan.builtin('lancashire')) // fetched from beside the module
  .then((plan) => {
    const ev = plan.evaluate('2019-12-31');
    const result = { counts: ev.counts(), actions: ev.actions().length };
    ev.free();
    plan.free();
    const out = document.getElementById('counts');
    if (out) out.textContent = JSON.stringify(result);
    window.__api = result;
  })
  .catch((e: unknown) => {
    window.__api = { error: String(e) };
  });
