// A long document in the reading view: a 5 MB text opens without freezing the page, only the
// blocks near the screen carry highlights, the whole text stays in the page (find, selection
// offsets), and keys reach a figure at the far end.
// Run: cd e2e && DIST=../dist node --test big.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, open, drop, allDone, shot } from './harness.mjs';

const h = serve('/big/', 11000);

/// About `size` bytes of dense news paragraphs: a figure or two and a place in every sentence.
function longText(size) {
  const towns = ['Mosul', 'Kabul', 'Maiduguri', 'Aleppo', 'Mogadishu', 'Kandahar', 'Kirkuk', 'Goma'];
  const parts = ['A long record of attacks\n\n'];
  let len = parts[0].length;
  for (let k = 1; len < size; k++) {
    const p = `On day ${k}, officials said ${k % 40 + 2} people were killed and ${k % 17 + 3} were `
      + `wounded when a bomb exploded near a market in ${towns[k % towns.length]}. Witnesses described `
      + `smoke over the roofs and roads closed for hours while ambulances came and went.\n\n`;
    parts.push(p);
    len += p.length;
  }
  return parts.join('');
}

/// Starts collecting main-thread tasks longer than 50 ms into window.__long.
const watchLongTasks = (page) => page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask' });
});
const longest = async (page) => {
  const long = await page.evaluate(() => window.__long.splice(0));
  return long.length ? Math.max(...long) : 0;
};

test('a 5 MB document opens block by block, without freezing the page', async () => {
  const { context, page, errors } = await open(h);
  await page.waitForSelector('.gaz.ready', { timeout: 60000 });
  const text = longText(5_000_000);
  await watchLongTasks(page);
  const t0 = Date.now();
  await drop(page, [['long-record.txt', text]]);
  await allDone(page, 1, 240000);
  await page.waitForSelector('article.doc-text mark[data-category]', { timeout: 60000 });
  const opened = Date.now() - t0;
  await page.waitForTimeout(500);
  const openLongest = await longest(page);

  // Every byte of the text is in the page (browser find, selection offsets), but only the
  // blocks near the screen carry highlights.
  const [chars, blocks, liveBlocks, marks] = await page.evaluate(() => {
    const a = document.querySelector('article.doc-text');
    return [a.textContent.length, a.querySelectorAll('[data-block]').length,
      a.querySelectorAll('[data-block][data-live]').length, a.querySelectorAll('mark[data-fig]').length];
  });
  const figures = await page.evaluate(() => [...document.querySelectorAll('[data-legend]')]
    .map((b) => Number((b.textContent.match(/\((\d+)\)/) || [0, 0])[1])).reduce((a, b) => a + b, 0));
  assert.equal(chars, text.length, 'the whole text is in the reading view');
  assert.ok(blocks > 100, `the text is cut into blocks (${blocks})`);
  assert.ok(figures > 20000, `the legend counts every figure (${figures})`);
  assert.ok(marks > 0 && marks < figures / 20,
    `only blocks near the screen are highlighted (${marks} marks of ${figures}, ${liveBlocks} live blocks)`);
  await shot(page, 'big-top');

  // Scroll to the end: the last blocks get their highlights, the page keeps responding.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('article.doc-text [data-block]')].pop();
    return b && b.hasAttribute('data-live') && b.querySelector('mark[data-fig]');
  }, null, { timeout: 10000 });
  const scrollLongest = await longest(page);
  await shot(page, 'big-end');

  // Back to the top, then "k" (previous figure from none) focuses the very last figure.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.keyboard.press('k');
  await page.waitForFunction((n) => document.activeElement?.dataset?.fig === String(n - 1), figures,
    { timeout: 10000 });
  const keyLongest = await longest(page);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
  assert.ok(inView, 'the focused last figure is on screen');
  const live = await page.evaluate(() => document.querySelectorAll('[data-block][data-live]').length);
  assert.ok(live < blocks / 4, `blocks far from the screen are plain text again (${live} of ${blocks} live)`);
  await shot(page, 'big-last-figure');

  // At phone width the text still wraps inside the screen (an unrendered block must not
  // claim a width of its own).
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = await page.waitForFunction(() => window.innerWidth === 390
    && document.querySelector('article.doc-text').getBoundingClientRect().width <= 390, null,
  { timeout: 10000 }).then(() => true, () => false);
  const textWidth = await page.evaluate(() =>
    document.querySelector('article.doc-text').getBoundingClientRect().width);
  assert.ok(fits, `the text fits a phone's width (${textWidth} px of 390)`);
  await page.keyboard.press('k');
  await page.waitForTimeout(300);
  await shot(page, 'big-phone');

  console.log(`# 5 MB document (${figures} figures, ${blocks} blocks): drop -> highlights ${opened} ms`);
  console.log(`# longest main-thread task: opening ${openLongest.toFixed(0)} ms, scrolling to the end ${scrollLongest.toFixed(0)} ms, key to the last figure ${keyLongest.toFixed(0)} ms (target: 200 ms)`);
  // Timings on a shared machine vary: the figures are printed above; only a freeze fails.
  assert.ok(Math.max(openLongest, scrollLongest, keyLongest) < 1500,
    `the page froze: ${openLongest} / ${scrollLongest} / ${keyLongest} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
