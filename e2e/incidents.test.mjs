// End-to-end tests of incidents in the app (issue 11) and implicit victims (issue 10): the
// Incidents view (merged across documents, expand to sources and sentences, why merged), the
// map by incident, incident totals in the documents list, incident and background marks in the
// reading view, split and merge with undo, the events CSV and the JSON report; axe-core and
// screenshots at desktop and phone width. Run: cd e2e && DIST=../dist node --test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as H from './harness.mjs';

const { drop, allDone, shot, axe, sideways } = H;
const h = H.serve('/incidents/', 10000);
const open = (opts) => H.open(h, opts);

// Our own multi-article fixtures (also used by tests/cli.rs): one Kirkuk bombing reported three
// times (13 -> 18 -> 21 killed; the first also gives the war's toll), and two attacks on one
// day in two towns (with an implicit victim, "A civilian was also killed").
const FIX = ['kirkuk-1.txt', 'kirkuk-2.txt', 'kirkuk-3.txt', 'two-towns.txt'];
const files = FIX.map((n) => [n, readFileSync(new URL(`../tests/fixtures/incidents/${n}`, import.meta.url), 'utf8')]);

async function loaded(opts) {
  const o = await open(opts);
  await drop(o.page, files);
  await allDone(o.page, files.length);
  // Places (and so the merge by place) need the gazetteer.
  await o.page.waitForSelector('.gaz.ready', { timeout: 60000 });
  await o.page.waitForFunction(() => document.querySelector('.status')?.dataset.pending === '0');
  return o;
}

// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
function csvRows(text) {
  const rows = [[]];
  let f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { rows[rows.length - 1].push(f); f = ''; }
    else if (c === '\n') { rows[rows.length - 1].push(f); f = ''; rows.push([]); }
    else if (c !== '\r') f += c;
  }
  if (f || rows[rows.length - 1].length) rows[rows.length - 1].push(f);
  return rows.filter((r) => r.length > 1);
}

const totalsOf = (page, name) => page.textContent(`[data-doc="${name}"] .doc-totals`);

test('incidents view: merged across documents, ranges, sources, why, sentence opens the figure', async () => {
  const { context, page, errors } = await loaded({ viewport: { width: 1280, height: 900 } });
  // The documents list shows incident totals: the war's 200,000 is background, never summed.
  await page.waitForFunction(() => /13 killed/.test(document.querySelector('[data-doc="kirkuk-1.txt"] .doc-totals')?.textContent || ''));
  const t1 = await totalsOf(page, 'kirkuk-1.txt');
  assert.ok(t1.includes('13 killed') && t1.includes('(1 incident)') && !t1.includes('200,000'), t1);
  assert.ok((await totalsOf(page, 'two-towns.txt')).includes('(2 incidents)'));

  await page.click('#tab-incidents');
  await page.waitForSelector('tbody[data-incident]');
  const rows = await page.$$eval('tbody[data-incident]', (bs) => bs.map((b) => ({
    id: b.dataset.incident,
    place: b.querySelector('.inc-place').textContent,
    killed: b.querySelector('[data-cat="killed"]')?.textContent,
    sources: b.querySelector('.sources-n').textContent,
    date: b.querySelector('.date').textContent,
  })));
  assert.equal(rows.length, 3, JSON.stringify(rows));
  const kirkuk = rows.find((r) => r.place.startsWith('Kirkuk'));
  assert.equal(kirkuk.killed, '21 (13–21)');
  assert.equal(kirkuk.sources, '3');
  assert.equal(kirkuk.date, '2024-03-04 (day)');
  assert.equal(rows.filter((r) => r.sources === '1').length, 2, 'two attacks in two towns stay two');

  // Expand: its three sources, their sentences, and why they were merged.
  const row = page.locator(`tbody[data-incident="${kirkuk.id}"]`);
  await row.locator('button.expand').click();
  assert.equal(await row.locator('button.expand').getAttribute('aria-expanded'), 'true');
  assert.equal(await row.locator('li.source').count(), 3);
  const why = await row.locator('ul.why li').allTextContents();
  assert.equal(why.length, 2, why.join('\n'));
  assert.ok(why.every((w) => w.includes('same place (Kirkuk)')), why.join('\n'));
  await shot(page, 'incidents-desktop');
  await axe(page, 'incidents view (expanded)');

  // A sentence opens its figure in the reading view.
  const src = row.locator('li.source[data-source="kirkuk-2.txt"] button.source-sentence').first();
  const fig = await src.getAttribute('data-reveal-fig');
  await src.click();
  await page.waitForSelector(`article.doc-text[data-doc-text="kirkuk-2.txt"] mark.fig.active[data-fig="${fig}"]`);
  assert.equal(await page.getAttribute('#tab-read', 'aria-selected'), 'true');

  // Map by incident: one marker per incident, the popup with counts and sources.
  await page.click('#tab-map');
  await page.click('[data-map-mode="incident"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-marker]')].some((m) => m.dataset.marker.startsWith('E')));
  const markers = await page.$$eval('[data-marker]', (ms) => ms.map((m) => m.dataset.marker));
  assert.equal(markers.length, 3, markers.join(', '));
  const title = await page.$eval('[data-marker*="Kirkuk"]', (m) => m.querySelector('title')?.textContent || m.getAttribute('aria-label'));
  assert.ok(title.includes('21') && title.includes('kirkuk-3.txt'), title);
  await page.click('[data-map-mode="place"]');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-marker]')].some((m) => m.dataset.marker.startsWith('E')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('reading view: incident labels, background and implicit marks, split and merge with undo', async () => {
  const { context, page, errors } = await loaded({ viewport: { width: 1280, height: 900 } });
  await page.click('[data-doc="kirkuk-1.txt"]');
  const bg = page.locator('mark.fig.bg[data-background="true"]');
  await bg.first().waitFor();
  assert.equal(await bg.count(), 1);
  assert.equal(await bg.getAttribute('data-value'), '200000');
  assert.equal(await bg.getAttribute('data-incident'), null);
  await bg.focus();
  assert.equal(await page.textContent('[data-inspect-incident]'), 'background: not counted in totals');
  const inc = page.locator('mark.fig[data-incident="1"][data-category="killed"]').first();
  await inc.focus();
  const said = await page.textContent('[data-inspect-incident]');
  assert.ok(said.startsWith('Incident 1: 13 killed, 20 injured, Kirkuk, 4 March 2024'), said);
  // The incident number is drawn by CSS, never part of the text.
  assert.ok(!(await page.textContent('article.doc-text')).includes('131'));
  assert.ok(await page.locator('[data-legend-key="background"]').isVisible());
  await shot(page, 'reading-desktop');

  // Implicit singular victim: its own style, a legend entry, and the inspector says so.
  await page.click('[data-doc="two-towns.txt"]');
  const imp = page.locator('mark.fig.implicit[data-implicit="true"]');
  await imp.waitFor();
  assert.equal(await imp.getAttribute('data-value'), '1');
  assert.ok(await page.locator('[data-legend-key="implicit"]').isVisible());
  const style = await imp.evaluate((m) => getComputedStyle(m).borderBottomStyle);
  assert.equal(style, 'dotted');
  await imp.focus();
  assert.ok((await page.textContent('[data-inspect-implicit]')).startsWith('implicit'));
  await axe(page, 'reading view with incident, background and implicit marks');

  // Correction mode: merge incident 2 into incident 1, undo; split a figure out, undo.
  await page.click('.correct-toggle');
  const five = page.locator('mark.fig[data-value="5"]');
  await five.focus();
  assert.equal(await five.getAttribute('data-incident'), '2');
  await page.selectOption('select.merge-target', '0');
  await page.click('button.merge-incident');
  await page.waitForFunction(() => /\(1 incident\)/.test(document.querySelector('[data-doc="two-towns.txt"] .doc-totals').textContent));
  assert.equal(await five.getAttribute('data-incident'), '1');
  await page.click('button.undo');
  await page.waitForFunction(() => /\(2 incidents\)/.test(document.querySelector('[data-doc="two-towns.txt"] .doc-totals').textContent));
  // Basra's 7 and Mosul's 5 soldiers plus the civilian "also killed" there.
  assert.ok((await totalsOf(page, 'two-towns.txt')).startsWith('13 killed'));
  // Split "five" into an incident of its own: three incidents, the civilian stays in Mosul's.
  await five.focus();
  await page.selectOption('select.move-target', '');
  await page.click('button.move-figure');
  await page.waitForFunction(() => /\(3 incidents\)/.test(document.querySelector('[data-doc="two-towns.txt"] .doc-totals').textContent));
  // Incidents are numbered by their first figure: the split one comes second.
  assert.equal(await five.getAttribute('data-incident'), '2');
  assert.equal(await imp.getAttribute('data-incident'), '3');
  assert.ok((await totalsOf(page, 'two-towns.txt')).startsWith('13 killed'));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /\(2 incidents\)/.test(document.querySelector('[data-doc="two-towns.txt"] .doc-totals').textContent));
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => /\(3 incidents\)/.test(document.querySelector('[data-doc="two-towns.txt"] .doc-totals').textContent));
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports: events CSV (BOM, one row per incident) and JSON with incidents and background', async () => {
  const { context, page, errors } = await loaded({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="events"]')]);
  assert.equal(dl.suggestedFilename(), 'casualty-lens-events.csv');
  const csv = readFileSync(await dl.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFevent_id,date,date_precision,country,admin1,admin2,location,latitude,longitude'), csv.slice(0, 120));
  const lines = csv.trim().split('\n').filter((l) => /^E\d+,/.test(l));
  assert.equal(lines.length, 3, csv);
  assert.ok(lines.some((l) => l.includes('Kirkuk') && l.includes(',21,13,21,')), csv);
  // The same file from the Incidents view's button.
  await page.click('#tab-incidents');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('button.events-csv')]);
  assert.equal(readFileSync(await dl2.path(), 'utf8'), csv);

  // The audit CSV names each figure's incident, or background.
  const [da] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const audit = csvRows(readFileSync(await da.path(), 'utf8').replace(/^\uFEFF/, ''));
  const col = audit[0].indexOf('incident');
  const k1 = audit.filter((r) => r[0] === 'kirkuk-1.txt');
  assert.deepEqual(k1.map((r) => r[col]), ['1', '1', '1', 'background']);

  const [dj] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  const report = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  assert.equal(report.incidents.length, 3);
  const k = report.incidents.find((e) => e.place?.name === 'Kirkuk');
  assert.deepEqual(k.totals.killed, { value: 21, min: 13, max: 21 });
  assert.equal(k.sources.length, 3);
  const d0 = report.documents.find((d) => d.name === 'kirkuk-1.txt');
  assert.equal(d0.background.length, 1);
  assert.equal(d0.incidents.length, 1);
  assert.equal(d0.totals.killed.value, 13);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone width: incidents view and reading view without sideways scroll', async () => {
  const { context, page, errors } = await loaded({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.click('#tab-incidents');
  await page.waitForSelector('tbody[data-incident]');
  await page.locator('tbody[data-incident] button.expand').first().click();
  await page.locator('.incidents-view').scrollIntoViewIfNeeded();
  await shot(page, 'incidents-phone');
  assert.equal(await sideways(page), false, 'incidents view scrolls sideways');
  await axe(page, 'phone incidents view');
  await page.click('[data-doc="kirkuk-1.txt"]');
  await page.locator('mark.fig.bg').first().scrollIntoViewIfNeeded();
  await shot(page, 'reading-phone');
  assert.equal(await sideways(page), false, 'reading view scrolls sideways');
  assert.deepEqual(errors, []);
  await context.close();
});
