
// Added by scripts/build-wasm.sh from bindings-wasm/js/builtin.web.d.ts.
export declare namespace Plan {
  /**
   * A built-in plan by name, fetched from `<name>.json` beside the module
   * (the module embeds no plan, to keep the download small): `lancashire`
   * (the combined set) or one of its plans (see `builtinNames()`). Rejects
   * with `code: "unknown_builtin"`, or `code: "fetch"` when the file cannot
   * be fetched. Call after `init()`. Node.js reads the file instead, and
   * returns the Plan itself (`await` works in both).
   */
  function builtin(name: string): Promise<Plan>;
}
