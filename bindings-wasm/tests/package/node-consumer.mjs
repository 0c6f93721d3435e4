// Run by tests/package/package.test.mjs with node, from the fresh project:
// `import { Plan } from 'lineofsight'` picks the exports map's `node`
// condition (the CommonJS build in pkg/node, which loads its .wasm itself,
// no init needed). Prints the built-in plan's counts as JSON.
import { Plan, version } from 'lineofsight';
import manifest from 'lineofsight/package.json' with { type: 'json' };

const plan = Plan.builtin('lancashire');
const ev = plan.evaluate('2019-12-31');
console.log(JSON.stringify({
  version: version(),
  packageVersion: manifest.version,
  counts: ev.counts(),
  actions: ev.actions().length,
}));
ev.free();
plan.free();
