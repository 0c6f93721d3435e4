
// ---- Added by scripts/build-wasm.sh from bindings-wasm/js/builtin.node.js ----
// The built-in plans are not in the module (the same module serves browsers,
// where every byte is downloaded): each is `<name>.json` in ../web/.

/**
 * A built-in plan by name, read from `<name>.json` in the package:
 * `lancashire` (the combined set) or one of its plans (see `builtinNames()`).
 * Throws `code: "unknown_builtin"`.
 */
Plan.builtin = function builtin(name) {
  const file = Plan.__builtinFile(name);
  return Plan.fromJson(require('fs').readFileSync(require('path').join(__dirname, '..', 'web', file)));
};
