
// Added by scripts/build-wasm.sh from bindings-wasm/js/builtin.node.d.ts.
export declare namespace Plan {
  /**
   * A built-in plan by name, read from `<name>.json` in the package (the
   * module embeds no plan: the same module serves browsers): `lancashire`
   * (the combined set) or one of its plans (see `builtinNames()`). Throws
   * `code: "unknown_builtin"`. In browsers it fetches the file and returns a
   * Promise (`await` works in both).
   */
  function builtin(name: string): Plan;
}
