// Casualty Lens as an ES module: `await load()`, then `extract(text, options)`.
//
// Works in browsers (the wasm and the gazetteer are fetched next to this file by default) and
// in Node (file: URLs are read from disk). The wasm module is `casualty_lens_js_bg.wasm`, built
// by wasm-bindgen (`--target web`) from `js/src/lib.rs`; the gazetteer is `gazetteer.bin`.
import init, { Extractor } from './casualty_lens_js.js';

export { Extractor };

let ready = null;
let defaultExtractor = null;

/** The bytes behind a URL, a path string (Node) or bytes already in hand. */
async function bytesOf(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const url = source instanceof URL ? source : new URL(source, import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the wasm module (once) and a gazetteer, and returns an Extractor; the first one
 * also becomes the one `extract()` uses.
 * @param {{wasm?: URL|string|Uint8Array|ArrayBuffer, gazetteer?: URL|string|Uint8Array|ArrayBuffer, policy?: 'literal'|'acled'}} [options]
 */
export async function load(options = {}) {
  const wasm = options.wasm ?? new URL('casualty_lens_js_bg.wasm', import.meta.url);
  ready ??= bytesOf(wasm).then((module_or_path) => init({ module_or_path }));
  await ready;
  const gazetteer = await bytesOf(options.gazetteer ?? new URL('gazetteer.bin', import.meta.url));
  const extractor = new Extractor(gazetteer, { policy: options.policy ?? 'literal' });
  defaultExtractor ??= extractor;
  return extractor;
}

/**
 * One document's report (SCHEMA.md's document object) as plain objects, with the extractor
 * the first `load()` made.
 * @param {string} text
 * @param {{name?: string}} [options]
 */
export function extract(text, options) {
  if (defaultExtractor === null) throw new Error('casualty-lens: call `await load()` first');
  return defaultExtractor.extract(text, options);
}
