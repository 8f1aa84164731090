// The extraction worker: the same wasm module as the page. Its `main` sees no `window`, installs
// the message handler and posts {type: "ready"}; the page sends nothing before that.
import init from './casualty-lens.js';

init({ module_or_path: './casualty-lens_bg.wasm' }).catch((e) => {
  postMessage({ type: 'fatal', error: String(e) });
});
