// Parity with Rust (issue 12): tests/api_parity.json maps each public Rust
// function to its JavaScript name (or a deliberate reason); every name must
// be an export of the package, or a static or prototype member (method or
// getter) of an exported class. tests/api_parity.rs checks that every Rust
// function is listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { los } from './load.mjs';

const list = JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/api_parity.json', import.meta.url)), 'utf8'));

function exists(name) {
  const [head, member, ...rest] = name.split('.');
  if (rest.length > 0 || !(head in los)) return false;
  if (member === undefined) return typeof los[head] === 'function';
  const cls = los[head];
  return member in cls || member in cls.prototype;
}

test('every JavaScript name in the parity list exists', () => {
  const entries = Object.entries(list.functions);
  assert.ok(entries.length > 150);
  const missing = entries
    .filter(([, e]) => !e.js.startsWith('deliberate: ') && !exists(e.js))
    .map(([key, e]) => `${key} -> ${e.js}`);
  assert.deepStrictEqual(missing, [], 'names in tests/api_parity.json not exported by the package');
  assert.equal(exists('Plan.noSuchMethod'), false);
  assert.equal(exists('Evaluation.dueWithin'), true);
});
