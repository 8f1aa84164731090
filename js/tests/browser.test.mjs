// The ES module in headless Chromium (Playwright core, Debian's chromium): the page imports
// index.mjs, which fetches the wasm and the gazetteer by URL; its reports equal the CLI's.
//   PKG=js/pkg CASUALTY_LENS_BIN=target/release/casualty-lens node --test js/tests/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PKG = resolve(process.env.PKG ?? join(ROOT, 'js', 'pkg'));
const BIN = process.env.CASUALTY_LENS_BIN ?? join(ROOT, 'target', 'release', 'casualty-lens');
const FIXTURES = join(ROOT, 'python', 'tests', 'fixtures.jsonl');
const PORT = Number(process.env.JS_TEST_PORT ?? 8767);
const { chromium } = createRequire(join(ROOT, 'e2e', 'package.json'))('playwright-core');

let server, browser, root;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'cl-js-'));
  cpSync(PKG, join(root, 'pkg'), { recursive: true });
  writeFileSync(join(root, 'favicon.ico'), '');
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>t</title>');
  server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('reports in Chromium equal the CLI line by line', async () => {
  const docs = readFileSync(FIXTURES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const want = execFileSync(BIN, ['extract', '--input', 'jsonl', '--format', 'jsonl', FIXTURES])
    .toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`http://127.0.0.1:${PORT}/index.html`);
  const got = await page.evaluate(async (docs) => {
    const cl = await import('./pkg/index.mjs');
    await cl.load();
    return docs.map((d) => cl.extract(d.text, { name: d.id }));
  }, docs);
  assert.deepStrictEqual(got, want);
  assert.deepStrictEqual(errors, []);
  await page.close();
});
