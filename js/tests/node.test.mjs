// The ES module in Node: reports equal the CLI's JSONL for our fixtures, the gazetteer loads
// from bytes or a URL, and bad input throws (never a crash).
//   PKG=js/pkg CASUALTY_LENS_BIN=target/release/casualty-lens node --test js/tests/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PKG = resolve(process.env.PKG ?? join(ROOT, 'js', 'pkg'));
const BIN = process.env.CASUALTY_LENS_BIN ?? join(ROOT, 'target', 'release', 'casualty-lens');
const FIXTURES = join(ROOT, 'python', 'tests', 'fixtures.jsonl');
const cl = await import(pathToFileURL(join(PKG, 'index.mjs')).href);

const docs = readFileSync(FIXTURES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const cliReports = (...extra) =>
  execFileSync(BIN, ['extract', '--input', 'jsonl', '--format', 'jsonl', ...extra, FIXTURES])
    .toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

test('extract() before load() throws', () => {
  assert.throws(() => cl.extract('x'), /load\(\)/);
});

test('reports equal the CLI line by line (plain objects)', async () => {
  await cl.load();
  const want = cliReports();
  const got = docs.map((d) => cl.extract(d.text, { name: d.id }));
  assert.equal(Object.getPrototypeOf(got[0]), Object.prototype);
  assert.ok(Array.isArray(got[0].figures));
  assert.deepStrictEqual(got, want);
  assert.ok(want.some((r) => r.figures.length > 0));
});

test('the acled policy, from gazetteer bytes', async () => {
  const bytes = readFileSync(join(PKG, 'gazetteer.bin'));
  const ex = await cl.load({ gazetteer: new Uint8Array(bytes), policy: 'acled' });
  assert.ok(ex.gazetteerSize > 1000);
  const want = cliReports('--policy', 'acled');
  assert.deepStrictEqual(docs.map((d) => ex.extract(d.text, { name: d.id })), want);
  assert.deepStrictEqual(docs.map((d) => JSON.parse(ex.extractJson(d.text, { name: d.id }))), want);
});

test('errors are exceptions', async () => {
  await assert.rejects(cl.load({ policy: 'generous' }), /unknown policy/);
  await assert.rejects(cl.load({ gazetteer: new Uint8Array([1, 2, 3]) }), /gazetteer/);
  const bytes = new Uint8Array(readFileSync(join(PKG, 'gazetteer.bin')));
  bytes[bytes.length - 9] ^= 0xff;
  await assert.rejects(cl.load({ gazetteer: bytes }), /gazetteer/);
  await assert.rejects(cl.load({ gazetteer: new URL('file:///nonexistent/gazetteer.bin') }));
  assert.throws(() => cl.extract('x', { name: 5 }), /bad options/);
  // Hostile text still gives a report.
  for (const t of ['\0'.repeat(100), '9'.repeat(5000), 'killed '.repeat(2000), '']) {
    assert.equal(cl.extract(t).name, '');
  }
});
