// End-to-end tests of PDF input (issue 14): reading order, pages, scans, damaged files;
// and of place inspection: other candidates, choosing one, a document's country hint.
// Run: cd e2e && DIST=../dist node --test pdf.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, open as openApp, drop, allDone, axe, shot, stored } from './harness.mjs';

const h = serve('/pdf/', 9000);
const open = (opts = {}) => openApp(h, opts);

/** Rows of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function csv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); } else if (c !== '\r') field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1);
}

const fx = (n) => ({ name: n, mimeType: 'application/pdf', buffer: readFileSync(join('fixtures', n)) });

test('PDF: reading order, pages in the inspector and the CSV, scans and broken files fail alone', async () => {
  const { context, page, errors } = await open();
  await page.setInputFiles('#file-input', [fx('report.pdf'), fx('scan.pdf'), fx('broken.pdf'),
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Two people were killed in a fire, police said.') }]);
  await allDone(page, 4);
  // A scan and a damaged file fail with a message; the others load.
  assert.equal(await page.getAttribute('[data-doc="scan.pdf"]', 'data-status'), 'failed');
  assert.match(await page.textContent('[data-doc="scan.pdf"]'), /scan\.pdf[\s\S]*no text layer/);
  assert.equal(await page.getAttribute('[data-doc="broken.pdf"]', 'data-status'), 'failed');
  assert.match(await page.textContent('[data-doc="broken.pdf"]'), /not a readable PDF/);
  assert.notEqual(await page.getAttribute('[data-doc="note.txt"]', 'data-status'), 'failed');
  await page.click('[data-doc="scan.pdf"] .doc-name');
  assert.match(await page.textContent('.reader'), /scan\.pdf[\s\S]*no text layer[\s\S]*OCR/);

  await page.click('[data-doc="report.pdf"] .doc-name');
  await page.waitForSelector('mark[data-category="killed"][data-value="23"]');
  const text = await page.textContent('article.doc-text');
  // Columns one after the other, never interleaved line by line; the table row by row.
  const at = (s) => { const i = text.indexOf(s); assert.ok(i >= 0, `${s} missing in ${text}`); return i; };
  const order = ['Floods in the Riverside valley', 'LEFTCOLUMN-A', 'LEFTCOLUMN-B', 'RIGHTCOLUMN-A',
    'RIGHTCOLUMN-B', 'Figures by district', 'Tarbela\t23\t60', 'PAGETWO'].map(at);
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'reading order');
  assert.ok(text.includes('at least 23 people were killed in the town of Tarbela when the river burst its banks'));
  assert.ok(text.includes('district hospital, which has forty beds'), 'a paragraph cut by the column break is one');
  // The running header (title with a figure), footer (URL) and page numbers are not in the text.
  assert.ok(!/first night|file:\/\/|\b1\/2\b/.test(text), text);
  assert.equal(await page.locator('mark[data-category="killed"][data-value="7"]').count(), 0);
  assert.equal(await page.locator('mark[data-category="killed"][data-value="23"]').count(), 1);

  // The inspector says which page a figure is on.
  await page.locator('mark[data-category="killed"][data-value="23"]').focus();
  await page.waitForSelector('.inspector[data-inspect]');
  assert.match(await page.textContent('.inspector[data-inspect]'), /page 1 of 2/);
  await page.locator('mark[data-category="killed"][data-value="4"]').last().focus();
  await page.waitForFunction(() => /page 2 of 2/.test(document.querySelector('.inspector[data-inspect]')?.textContent || ''));
  await shot(page, 'pdf-desktop');

  // The CSV's page column.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const [head, ...rows] = csv(readFileSync(await dl.path(), 'utf8').slice(1));
  const pdfRows = rows.filter((r) => r[head.indexOf('document')] === 'report.pdf');
  const pages = pdfRows.map((r) => r[head.indexOf('page')]);
  assert.ok(pages.includes('1') && pages.includes('2'), pages.join(' '));
  assert.ok(pages.every((p) => p === '1' || p === '2'), pages.join(' '));
  const noteRows = rows.filter((r) => r[head.indexOf('document')] === 'note.txt');
  assert.ok(noteRows.length > 0 && noteRows.every((r) => r[head.indexOf('page')] === ''));
  await axe(page, 'PDF reading view');
  assert.deepEqual(errors, []);
  await context.close();
});

test('PDF at phone width: the inspector sheet shows the page', async () => {
  const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.setInputFiles('#file-input', [fx('report.pdf')]);
  await allDone(page, 1);
  await page.click('[data-doc="report.pdf"] .doc-name');
  await page.waitForSelector('mark[data-category="killed"][data-value="4"]');
  await page.tap('mark[data-category="killed"][data-value="4"] >> nth=-1');
  await page.waitForSelector('.side-panel.open .inspector[data-inspect]');
  assert.match(await page.textContent('.side-panel.open'), /page 2 of 2/);
  const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(sw <= w, `page ${sw} px wide in a ${w} px window`);
  await shot(page, 'pdf-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

const TRIPOLI = 'Clashes in Tripoli\n\nAt least 5 people were killed in Tripoli on Monday, police said. ' +
  'Another 3 were injured in Tripoli overnight, a hospital said.';
const marker = (page) => page.$eval('[data-marker="Tripoli"]', (m) => [m.getAttribute('cx'), m.getAttribute('cy')]);

test('places: other candidates, a choice moves every mention and the map marker, undo, audit', async () => {
  const { context, page, errors } = await open();
  await drop(page, [['tripoli.txt', TRIPOLI]]);
  await allDone(page, 1);
  await page.waitForSelector('.gaz.ready', { timeout: 30000 });
  await page.click('[data-doc="tripoli.txt"] .doc-name');
  await page.waitForSelector('article.doc-text .place[data-place="Tripoli"]', { timeout: 30000 });
  assert.equal(await page.locator('article.doc-text .place[data-place="Tripoli"]').count(), 3);
  await page.locator('article.doc-text .place[data-place="Tripoli"]').first().focus();
  await page.waitForSelector('.place-inspector [data-place-country="LY"]');
  const insp = await page.textContent('.place-inspector');
  assert.match(insp, /GeoNames id\d+/);
  assert.match(insp, /Other candidates/);
  assert.ok(await page.locator('.place-inspector .candidates li[data-candidate-country="LB"]').count() >= 1, insp);
  assert.match(await page.textContent('.place-inspector .candidates li[data-candidate-country="LB"] >> nth=0'), /score \d+\.\d\d/);
  await shot(page, 'place-candidates');
  await axe(page, 'place inspector');

  await page.click('#tab-map');
  await page.waitForSelector('[data-marker="Tripoli"]', { timeout: 30000 });
  const before = await marker(page);
  await page.click('#tab-read');
  await page.locator('article.doc-text .place[data-place="Tripoli"]').first().focus();
  await page.click('.place-inspector .candidates li[data-candidate-country="LB"] >> nth=0 >> .choose-place');
  await page.waitForSelector('.place-inspector [data-place-country="LB"]');
  assert.match(await page.textContent('.place-inspector'), /Mentions\s*3/);
  assert.ok(await page.locator('.place-inspector [data-place-chosen]').count() === 1);
  // Every figure of every mention follows the place.
  for (const v of ['5', '3']) {
    await page.locator(`mark[data-value="${v}"]`).focus();
    await page.waitForFunction((v) => document.querySelector('.inspector[data-inspect]')?.textContent.includes('LB'), v);
  }
  await page.click('#tab-map');
  await page.waitForSelector('[data-marker="Tripoli"]');
  const after = await marker(page);
  assert.notDeepEqual(after, before, 'the marker moved');

  // The audit trail says what the machine read.
  const [dj] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  const json = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  const place = json.documents[0].places[0];
  assert.equal(place.country, 'LB');
  assert.equal(place.review.state, 'chosen');
  assert.equal(place.review.machine.country, 'LY');

  // Undo puts it back, marker included.
  await page.click('button.undo');
  await page.waitForFunction((b) => {
    const m = document.querySelector('[data-marker="Tripoli"]');
    return m && m.getAttribute('cx') === b[0] && m.getAttribute('cy') === b[1];
  }, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('places: a country hint re-reads the document and changes an ambiguous place', async () => {
  const { context, page, errors } = await open();
  await drop(page, [['hint.txt', TRIPOLI]]);
  await allDone(page, 1);
  await page.waitForSelector('.gaz.ready', { timeout: 30000 });
  await page.click('[data-doc="hint.txt"] .doc-name');
  await page.waitForSelector('article.doc-text .place[data-place="Tripoli"]', { timeout: 30000 });
  await page.locator('article.doc-text .place[data-place="Tripoli"]').first().focus();
  await page.waitForSelector('.place-inspector [data-place-country="LY"]');
  await page.fill('#country-hint', 'lb');
  await page.click('.country-hint .set-country');
  await page.waitForSelector('.place-inspector [data-place-country="LB"]', { timeout: 30000 });
  // Not a choice of the reader: the extractor itself read it so.
  assert.equal(await page.locator('.place-inspector [data-place-chosen]').count(), 0);
  assert.equal(await page.inputValue('#country-hint'), 'LB');
  await shot(page, 'place-hint');
  // Kept after a reload.
  await stored(page);
  await page.reload();
  await allDone(page, 1);
  await page.waitForSelector('.gaz.ready', { timeout: 30000 });
  await page.click('[data-doc="hint.txt"] .doc-name');
  await page.waitForSelector('article.doc-text .place[data-place="Tripoli"]', { timeout: 30000 });
  await page.locator('article.doc-text .place[data-place="Tripoli"]').first().focus();
  await page.waitForSelector('.place-inspector [data-place-country="LB"]', { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('places at phone width: the candidates fit the sheet', async () => {
  const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await drop(page, [['phone.txt', TRIPOLI]]);
  await allDone(page, 1);
  await page.waitForSelector('.gaz.ready', { timeout: 30000 });
  await page.click('[data-doc="phone.txt"] .doc-name');
  await page.waitForSelector('article.doc-text .place[data-place="Tripoli"]', { timeout: 30000 });
  await page.tap('article.doc-text .place[data-place="Tripoli"] >> nth=0');
  await page.waitForSelector('.side-panel.open .place-inspector .candidates');
  const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(sw <= w, `page ${sw} px wide in a ${w} px window`);
  await shot(page, 'place-phone');
  assert.deepEqual(errors, []);
  await context.close();
});
