// Both entry points on one page share one WebAssembly instance: a Plan made
// with `lineofsight` is shown by the element from `lineofsight/dashboard`
// (after it has started on the built-in plan, so the two inits overlap).
import init, { Plan } from 'lineofsight';
import 'lineofsight/dashboard';

init().then(async () => {
  const board = document.querySelector('los-dashboard');
  if (board) board.plan = await Plan.builtin('lancashire-cip-2017'); // fetched from beside the module
});
