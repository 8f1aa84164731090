// End-to-end tests of the review workflow (issue 14): undo/redo, rejected figures kept and
// restorable, the review queue and its keys, the audit trail in the exports, the phone layout
// and axe-core. Run: cd e2e && DIST=../dist node --test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as H from './harness.mjs';

const { ART, drop, allDone, shot, axe } = H;
const h = H.serve('/review/', 9000);
const open = (opts) => H.open(h, opts);

const A = 'Storm and raid\n\nAt least 14 people were killed and more than 30 injured in a raid ' +
  'near the river crossing on Tuesday, officials said. Police said 6 men had been arrested.';
const B = 'Camp report\n\nAbout 200 families were displaced by the fighting, and 3 aid workers ' +
  'were kidnapped on the road north, a spokesman said. Nine people are still missing. ' +
  'Officials counted 55 tents.';

const reviews = (page) => page.$$eval('article.doc-text mark.fig', (ms) => ms.map((m) => m.dataset.review));
const progressOf = (page, name) => page.getAttribute(`[data-doc="${name}"] .doc-progress`, 'data-progress');

test('review: keys, queue, double-click, rejected kept and restored, undo/redo of everything', async () => {
  const { context, page, errors } = await open();
  await drop(page, [['alpha.txt', A], ['beta.txt', B]]);
  await allDone(page, 2);
  await page.click('[data-doc="alpha.txt"] .doc-name');
  await page.waitForSelector('mark[data-category="killed"][data-value="14"]');
  const n = await page.locator('article.doc-text mark.fig').count();
  assert.equal(await progressOf(page, 'alpha.txt'), `0/${n}`);

  // Keyboard-first review: a accepts and moves on, r rejects and moves on.
  await page.locator('article.doc-text').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('j');
  await page.waitForSelector('.inspector[data-inspect="0"]');
  await page.keyboard.press('a');
  await page.waitForSelector('.inspector[data-inspect="1"]');
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelector('mark[data-fig="1"]')?.dataset.review === 'rejected');
  let r = await reviews(page);
  assert.equal(r[0], 'accepted');
  assert.equal(r[1], 'rejected');
  assert.equal(r.length, n, 'a rejected figure stays listed');
  assert.equal(await progressOf(page, 'alpha.txt'), `2/${n}`);
  assert.match(await page.textContent('.review-progress'), new RegExp(`2 of ${n} reviewed`));
  // Struck through.
  const deco = await page.$eval('mark[data-fig="1"]', (m) => getComputedStyle(m).textDecorationLine);
  assert.match(deco, /line-through/);
  // The rejected figure is in no total: the injured total of the document is gone.
  assert.ok(!(await page.textContent('[data-doc="alpha.txt"] .doc-totals')).includes('injured'));

  // Ctrl+Z undoes the rejection, Ctrl+Shift+Z redoes it.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('mark[data-fig="1"]')?.dataset.review === 'machine');
  assert.match(await page.textContent('.notice'), /Undone: rejection/);
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelector('mark[data-fig="1"]')?.dataset.review === 'rejected');

  // The review queue: only unreviewed figures are visited.
  await page.check('.review-progress input[type="checkbox"]');
  await page.locator('article.doc-text').click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('j');
  await page.waitForSelector('.inspector[data-inspect="2"]');
  assert.equal(await page.getAttribute('mark[data-fig="0"]', 'class').then((c) => c.includes('dim')), true);
  await page.uncheck('.review-progress input[type="checkbox"]');

  // Restore a rejected figure from its form.
  await page.click('.correct-toggle');
  await page.locator('mark[data-fig="1"]').focus();
  await page.waitForSelector('.corrector .restore');
  await page.click('.corrector .restore');
  await page.waitForFunction(() => document.querySelector('mark[data-fig="1"]')?.dataset.review === 'machine');

  // A double click on Reject rejects one figure only.
  await page.click('[data-doc="beta.txt"] .doc-name');
  await page.waitForSelector('mark[data-category="displaced"]');
  await page.locator('mark[data-fig="0"]').focus();
  await page.waitForSelector('.inspector[data-inspect="0"] .corrector .reject');
  await page.dblclick('.corrector .reject');
  await page.waitForTimeout(300);
  r = await reviews(page);
  assert.equal(r.filter((x) => x === 'rejected').length, 1, r.join());
  assert.equal(r[0], 'rejected');
  await shot(page, 'review-rejected');

  // Edit the next figure with the e key: focus lands in the value field.
  await page.locator('mark[data-fig="1"]').focus();
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.activeElement?.matches('.corrector input[type="number"]'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.waitForSelector('mark.fig.edited[data-value="4"]');

  // Add a figure the extractor missed, from a selection of "55".
  await page.evaluate(() => {
    const art = document.querySelector('article.doc-text');
    const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const i = node.data.indexOf('55');
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 2);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return;
      }
    }
    throw new Error('no 55');
  });
  await page.click('.add-selection');
  await page.waitForSelector('mark.fig.added[data-value="55"]');
  assert.match(await page.textContent('.inspector'), /none \(added by hand\)/);

  // Table: review and confidence filters, rejected rows struck through.
  await page.click('#tab-table');
  await page.waitForSelector('tr[data-row]');
  await page.selectOption('#filter-review', 'rejected');
  await page.waitForFunction(() => [...document.querySelectorAll('tr[data-row]')].every((t) => t.dataset.review === 'rejected'));
  assert.equal(await page.locator('tr[data-row]').count(), 1);
  assert.ok(await page.locator('tr.rejected').count() === 1);
  await page.selectOption('#filter-review', 'machine');
  const machine = await page.locator('tr[data-row]').count();
  assert.ok(machine >= 3, String(machine));
  await page.selectOption('#filter-review', 'added');
  assert.equal(await page.locator('tr[data-row]').count(), 1);
  // Hand-added figures have no confidence, so a confidence filter never shows them.
  await page.selectOption('#filter-confidence', 'below 90%');
  assert.equal(await page.locator('tr[data-row]').count(), 0);
  await page.selectOption('#filter-review', '');
  const low = await page.$$eval('tr[data-row] td:nth-child(8)', (tds) => tds.map((t) => parseInt(t.textContent, 10)));
  assert.ok(low.every((c) => c < 90), low.join());
  await page.selectOption('#filter-confidence', 'any');
  await shot(page, 'review-table');
  await page.click('#tab-read');

  // × removes a document; Undo puts it back with its corrections.
  await page.click('[data-doc="beta.txt"] .remove');
  await page.waitForFunction(() => !document.querySelector('[data-doc="beta.txt"]'));
  assert.match(await page.textContent('.notice'), /Removed beta.txt/);
  await page.click('button.undo');
  await page.waitForSelector('[data-doc="beta.txt"][data-status="done"]');
  await allDone(page, 2);
  await page.click('[data-doc="beta.txt"] .doc-name');
  await page.waitForSelector('[data-doc="beta.txt"].selected');
  await page.waitForSelector('mark.fig.edited[data-value="4"]');
  assert.equal((await reviews(page))[0], 'rejected');

  // Clear all, then undo and redo.
  await page.click('button.clear');
  await page.waitForFunction(() => document.querySelectorAll('[data-doc]').length === 0);
  await page.locator('body').click({ position: { x: 2, y: 300 } });
  await page.keyboard.press('Control+z');
  await allDone(page, 2);
  await page.click('button.redo');
  await page.waitForFunction(() => document.querySelectorAll('[data-doc]').length === 0);
  await page.click('button.undo');
  await allDone(page, 2);
  // The undone removal survives a reload (documents and corrections were stored again).
  await H.stored(page);
  await page.reload();
  await allDone(page, 2);
  await page.click('[data-doc="beta.txt"] .doc-name');
  await page.waitForSelector('mark.fig.edited[data-value="4"]');
  assert.equal((await reviews(page))[0], 'rejected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports carry the audit trail; empty exports and Copy Markdown say what happened', async () => {
  const { context, page, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  // Nothing loaded: no download, a message instead.
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.click('[data-export="csv"]');
  await page.waitForFunction(() => /Nothing to export/.test(document.querySelector('.notice')?.textContent || ''));
  await page.waitForTimeout(300);
  assert.equal(downloaded, false);

  await drop(page, [['alpha.txt', A]]);
  await allDone(page, 1);
  await page.click('[data-doc="alpha.txt"] .doc-name');
  await page.waitForSelector('mark[data-fig="2"]');
  await page.click('.correct-toggle');
  await page.locator('mark[data-fig="1"]').focus();
  await page.click('.corrector .reject');
  await page.locator('mark[data-fig="0"]').focus();
  await page.fill('.corrector input[type="number"] >> nth=0', '15');
  await page.locator('.corrector input[type="number"] >> nth=0').dispatchEvent('change');
  await page.click('.corrector .save');
  await page.waitForSelector('mark.fig.edited[data-value="15"]');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const bytes = readFileSync(await dl.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).trim().split('\n');
  const head = lines[0].split(',');
  for (const c of ['confidence', 'part_of', 'review_state', 'machine_value', 'reviewed_at', 'incident', 'page']) {
    assert.ok(head.includes(c), c);
  }
  const col = (row, name) => row.split(',')[head.indexOf(name)];
  const states = lines.slice(1).map((l) => col(l, 'review_state'));
  assert.deepEqual(states, ['edited', 'rejected', 'machine']);
  assert.equal(col(lines[1], 'value'), '15');
  assert.equal(col(lines[1], 'machine_value'), '14');
  assert.match(col(lines[1], 'reviewed_at'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(col(lines[3], 'reviewed_at'), '');

  const [dj] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  const json = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  const figs = json.documents[0].figures;
  assert.equal(figs[0].review.state, 'edited');
  assert.equal(figs[0].review.machine.value, 14);
  assert.equal(figs[1].review.state, 'rejected');
  assert.equal(figs[2].review.state, 'machine');
  assert.equal(json.documents[0].totals.injured, undefined, 'a rejected figure is in no total');

  // HTML report: rejected figures left out, and copying text never glues row numbers on.
  const [dh] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
  const html = readFileSync(await dh.path(), 'utf8');
  const view = await context.newPage();
  await view.setContent(html);
  const copied = await view.evaluate(() => {
    const el = document.querySelector('.text');
    const r = document.createRange();
    r.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return getSelection().toString();
  });
  assert.ok(copied.includes('At least 14 people were killed'), copied);
  assert.ok(!/14\d/.test(copied), copied);
  assert.ok(await view.locator('sup.ref').count() >= 1, 'row numbers still shown');
  await view.close();

  // Copy Markdown says it copied.
  await page.click('[data-export="markdown"]');
  await page.waitForSelector('[data-export="markdown"][data-copied="true"]');
  assert.match(await page.textContent('.notice'), /Copied/);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(clip.includes('|'), clip);
  assert.deepEqual(errors, []);
  await context.close();
});

test('totals, places, hidden categories, skip link and axe-core', async () => {
  const { context, page, errors } = await open();
  await drop(page, [
    ['north.txt', 'Market blast\n\nA car bomb killed 12 people and injured more than 40 in Mosul, Iraq, on Friday, police said.'],
    ['east.txt', 'Attack on school\n\nAt least 7 people were killed and 15 wounded in an attack in Kabul, Afghanistan, officials said.'],
  ]);
  await allDone(page, 2);
  await page.waitForSelector('.gaz.ready', { timeout: 30000 });
  await page.click('[data-doc="north.txt"] .doc-name');
  await page.waitForSelector('article.doc-text [data-place]', { timeout: 30000 });
  // A place is focusable and inspectable.
  await page.locator('article.doc-text .place[data-place*="Mosul"]').first().focus();
  await page.waitForSelector('.place-inspector');
  const insp = await page.textContent('.place-inspector');
  assert.match(insp, /Country\s*IQ/);
  assert.match(insp, /GeoNames id\d+/);
  assert.match(insp, /Coordinates-?\d+\.\d+, -?\d+\.\d+/);
  await shot(page, 'place-inspector');
  await axe(page, 'reading view');

  // The skip link is the first tab stop and lands on the panel.
  await page.reload();
  await allDone(page, 2);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#panel');

  // Totals never shown below their own lower bound: "more than 40" is at least 41.
  await page.click('#tab-table');
  await page.waitForSelector('[data-total-category="injured"]');
  const inj = await page.textContent('[data-total-category="injured"] td.num');
  assert.match(inj, /^56 \(at least 56\)$|^at least 56$/, inj);
  await axe(page, 'table view');

  // Map popup: its counts agree with the lines under them.
  await page.click('#tab-map');
  await page.waitForFunction(() => document.querySelectorAll('[data-marker]').length >= 2, null, { timeout: 30000 });
  const title = await page.$eval('[data-marker*="Mosul"]', (m) => m.querySelector('title')?.textContent || m.getAttribute('aria-label') || '');
  assert.match(title, /Counted here: 12 killed, 40 injured/, title);
  await axe(page, 'map view');

  // Hidden categories are stated, also after a reload.
  await page.click('#tab-read');
  await page.click('[data-legend="injured"]');
  await H.stored(page);
  await page.reload();
  await allDone(page, 2);
  await page.click('[data-doc="north.txt"] .doc-name');
  await page.waitForSelector('[data-hidden-note]');
  assert.match(await page.textContent('[data-hidden-note]'), /Hidden: Injured/);
  await page.click('[data-legend="injured"]');
  await page.waitForFunction(() => !document.querySelector('[data-hidden-note]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone width: document text comes into view, inspector as a sheet, no sideways scroll', async () => {
  const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const docs = [];
  for (let i = 0; i < 6; i++) docs.push([`phone-${i}.txt`, A]);
  await drop(page, docs);
  await allDone(page, 6);
  await page.click('[data-doc="phone-5.txt"] .doc-name');
  await page.waitForSelector('mark[data-fig="0"]');
  await page.waitForTimeout(400);
  const top = await page.$eval('#panel', (p) => p.getBoundingClientRect().top);
  assert.ok(top < 844 / 2 && top > -100, `panel top ${top}`);
  await page.tap('mark[data-fig="0"]');
  await page.waitForSelector('.side-panel.open .inspector[data-inspect="0"]');
  const sheet = await page.$eval('.side-panel.open', (s) => s.getBoundingClientRect().toJSON());
  assert.ok(sheet.bottom <= 845 && sheet.top < 844 && sheet.top > 844 * 0.3, JSON.stringify(sheet));
  await shot(page, 'phone-sheet');
  await page.click('.sheet-close');
  await page.waitForFunction(() => !document.querySelector('.side-panel.open'));
  for (const tab of ['table', 'map']) {
    await page.click(`#tab-${tab}`);
    await page.waitForTimeout(500);
    const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(sw <= w, `${tab}: page ${sw} px wide in a ${w} px window`);
    await shot(page, `phone-${tab}`);
  }
  await axe(page, 'phone map');
  assert.deepEqual(errors, []);
  await context.close();
});

test('search within and across documents, plain words and regular expressions; help', async () => {
  const { context, page, errors } = await open();
  await drop(page, [['alpha.txt', A], ['beta.txt', B]]);
  await allDone(page, 2);
  await page.click('[data-doc="alpha.txt"] .doc-name');
  await page.waitForSelector('mark[data-fig="0"]');
  // Plain words: literal, case-insensitive, across documents.
  await page.fill('#search-input', 'SAID');
  await page.waitForSelector('[data-search-total]');
  assert.equal(await page.getAttribute('[data-search-total]', 'data-search-total'), '3');
  assert.match(await page.textContent('.search-count'), /3 matches in 2 documents/);
  assert.equal(await page.locator('article.doc-text mark.hit').count(), 2);
  assert.deepEqual(await page.$$eval('article.doc-text mark.hit', (m) => m.map((x) => x.textContent)), ['said', 'said']);
  // A result opens its document with its matches highlighted.
  await page.click('[data-search-doc="beta.txt"]');
  await page.waitForSelector('[data-doc="beta.txt"].selected');
  await page.waitForFunction(() => document.querySelectorAll('article.doc-text mark.hit').length === 1);
  // Punctuation in plain words is literal.
  await page.fill('#search-input', '55 tents.');
  await page.waitForFunction(() => document.querySelector('[data-search-total]')?.dataset.searchTotal === '1');
  // A regular expression: numbers followed by a space and a word.
  await page.check('.search-re input');
  await page.fill('#search-input', '\\b\\d+ (people|aid)\\b');
  await page.waitForFunction(() => document.querySelector('[data-search-total]')?.dataset.searchTotal === '2');
  assert.deepEqual(await page.$$eval('[data-search-doc]', (b) => b.map((x) => x.dataset.searchDoc)), ['alpha.txt', 'beta.txt']);
  // A highlight inside a figure keeps the figure.
  await page.click('[data-search-doc="alpha.txt"]');
  await page.waitForSelector('mark.fig mark.hit, mark.hit mark.fig, mark.fig[data-fig="0"]');
  await shot(page, 'search');
  // An invalid pattern says so; a pathological one answers at once (linear time).
  await page.fill('#search-input', '(a+');
  await page.waitForSelector('.search-error');
  const t0 = Date.now();
  await page.fill('#search-input', '(a+)+$');
  await page.waitForSelector('[data-search-total]');
  assert.ok(Date.now() - t0 < 3000);
  await page.fill('#search-input', '');
  await page.waitForFunction(() => !document.querySelector('mark.hit') && !document.querySelector('[data-search-total]'));
  // Help: bounds, policies, totals and keys.
  await page.click('#tab-help');
  const help = await page.textContent('.help');
  for (const w of ['more than', 'ACLED', 'totals', 'Ctrl+Z', 'accept']) assert.ok(help.includes(w), w);
  await shot(page, 'help');
  await axe(page, 'help');
  assert.deepEqual(errors, []);
  await context.close();
});

test('paste opens at once, a pasted link is explained, an empty file says so, headlines name documents', async () => {
  const { context, page, errors } = await open();
  await page.click('.paste summary');
  const paste = async (text) => {
    await page.focus('#paste-box');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.querySelector('#paste-box').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  };
  await paste('https://example.com/news/article-1');
  await page.waitForSelector('.url-note');
  assert.match(await page.textContent('.url-note'), /never fetches/);
  assert.equal(await page.locator('[data-doc]').count(), 0);
  await paste(A);
  await allDone(page, 1);
  // Opened at once, named by its headline; the file name stays visible.
  await page.waitForSelector('mark[data-category="killed"][data-value="14"]');
  assert.match(await page.textContent('.reader-head h2'), /^Storm and raid\s*pasted-/);
  assert.match(await page.textContent('.doc .doc-name'), /Storm and raid/);
  await page.setInputFiles('#file-input', [{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') }]);
  await page.waitForSelector('[data-doc="empty.txt"][data-status="failed"]');
  assert.match(await page.textContent('[data-doc="empty.txt"]'), /empty/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Word and OpenDocument files are read by the core; a broken one fails alone', async () => {
  const { context, page, errors } = await open();
  const fx = (n) => ({ name: n, mimeType: 'application/octet-stream', buffer: readFileSync(join('fixtures', n)) });
  await page.setInputFiles('#file-input', [fx('broken.docx'), fx('flood.docx'), fx('convoy.odt')]);
  await allDone(page, 3);
  assert.equal(await page.getAttribute('[data-doc="broken.docx"]', 'data-status'), 'failed');
  assert.match(await page.textContent('[data-doc="broken.docx"]'), /Word document/);
  await page.click('[data-doc="flood.docx"] .doc-name');
  await page.waitForSelector('mark[data-category="killed"][data-value="23"]');
  assert.ok(await page.locator('mark[data-category="injured"][data-value="60"]').count() === 1);
  const text = await page.textContent('article.doc-text');
  assert.ok(text.startsWith('Flood in the valley\n\nAt least 23 people were killed and about 60 injured'), text);
  assert.ok(text.includes('missing & feared'), text);
  assert.match(await page.textContent('.reader-head h2'), /^Flood in the valley\s*flood\.docx$/);
  await page.click('[data-doc="convoy.odt"] .doc-name');
  await page.waitForSelector('mark[data-category="killed"][data-value="9"]');
  assert.ok(await page.locator('mark[data-category="kidnapped"][data-value="3"]').count() === 1);
  await shot(page, 'odt');
  assert.deepEqual(errors, []);
  await context.close();
});
