// The shared set-up of the end-to-end suites: serve dist/ from a sub-path on a random port,
// launch headless Chromium, open the app, drop files, wait for extraction, run axe-core.
//   import { serve, open, drop, allDone, axe, shot } from './harness.mjs';
//   const h = serve('/review/', 9000);   // registers node:test before/after hooks
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(process.env.DIST || '../dist');
export const ART = resolve('artifacts');
export const AXE = resolve('node_modules/axe-core/axe.min.js');

/// Serves the build under `sub` on a port in [base, base + 1000) for the suite's tests and
/// starts the browser; returns { url, origin, browser() }.
export function serve(sub, base) {
  const port = base + Math.floor(Math.random() * 1000);
  const origin = `http://127.0.0.1:${port}`;
  const h = { url: origin + sub, origin, browser: null };
  let server, root;
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `no build in ${DIST}`);
    root = mkdtempSync(join(tmpdir(), 'cl-e2e-'));
    mkdirSync(join(root, sub), { recursive: true });
    cpSync(DIST, join(root, sub), { recursive: true });
    mkdirSync(ART, { recursive: true });
    server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
      cwd: root, stdio: 'ignore',
    });
    for (let i = 0; i < 50; i++) {
      try { if ((await fetch(h.url)).ok) break; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    h.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic'],
    });
  });
  after(async () => {
    await h.browser?.close();
    server?.kill();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return h;
}

/// A fresh context and page on the app; console errors and page errors are collected.
export async function open(h, opts = {}) {
  // bypassCSP only so the tests can inject axe-core; the app itself never needs it.
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 850 }, bypassCSP: true, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => d.accept());
  await page.goto(h.url);
  await page.waitForSelector('[data-dropzone]');
  return { context, page, errors };
}

/// Drops files (name -> text) on the drop zone through a DataTransfer, as a browser would.
export async function drop(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
    return dt;
  }, files);
  await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: dt });
}

/// Waits until `n` documents are listed and none is being read.
export async function allDone(page, n, timeout = 60000) {
  await page.waitForFunction((n) => {
    const s = document.querySelector('.status');
    return document.querySelectorAll('[data-doc]').length >= n
      && s && s.dataset.pending === '0' && s.textContent.includes(`${n} documents`);
  }, n, { timeout });
}

/// A screenshot of the viewport into artifacts/NAME.png.
export const shot = (page, name) => page.screenshot({ path: join(ART, name + '.png'), fullPage: false });

/// Fails on any serious or critical axe-core violation of the page.
export async function axe(page, label) {
  await page.addScriptTag({ path: AXE });
  const bad = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(bad, [], `axe-core, ${label}`);
}

/// Whether the page scrolls sideways (document wider than the window).
export const sideways = (page) => page.evaluate(() =>
  document.documentElement.scrollWidth > window.innerWidth + 1);

/// Waits until every storage write the app started has settled (`data-saving` is 0), as
/// before a reload that must find them.
export const stored = (page) => page.waitForFunction(
  () => (document.documentElement.dataset.saving ?? '0') === '0');
