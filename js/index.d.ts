// Types of index.mjs; the report types come from the wasm-bindgen declarations.
import { Extractor, DocumentReport, ExtractOptions } from './casualty_lens_js.js';
export * from './casualty_lens_js.js';

export type Source = URL | string | Uint8Array | ArrayBuffer;

export interface LoadOptions {
  /** The wasm module (default: casualty_lens_js_bg.wasm beside index.mjs). */
  wasm?: Source;
  /** The gazetteer (default: gazetteer.bin beside index.mjs). */
  gazetteer?: Source;
  /** "literal" (default) or "acled". */
  policy?: 'literal' | 'acled';
}

/** Loads the module and a gazetteer; the first extractor also serves `extract`. */
export function load(options?: LoadOptions): Promise<Extractor>;

/** One document's report with the first loaded extractor. */
export function extract(text: string, options?: ExtractOptions): DocumentReport;
