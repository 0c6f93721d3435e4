// `lineofsight/dashboard` alone: the element finds its .wasm (bundled by
// Vite from `new URL('./lineofsight_wasm_bg.wasm', import.meta.url)`).
import 'lineofsight/dashboard';
