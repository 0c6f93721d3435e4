// Loads the Node.js build (bindings-wasm/pkg/node) for the tests.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const los = require('../pkg/node/lineofsight_wasm.js');

/** A shared test vector file from tests/vectors/ at the repository root. */
export function vectors(name) {
  const path = fileURLToPath(new URL(`../../tests/vectors/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A file from the repository, as bytes. */
export function repoFile(path) {
  return readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)));
}
