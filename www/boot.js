// Starts the app: helpers first (globalThis.clHelpers), then the wasm module, then the
// service worker. An external module instead of Trunk's inline script, so the page's
// Content-Security-Policy can forbid inline scripts.
import './helpers.js';
import init from './casualty-lens.js';

try {
  await init({ module_or_path: './casualty-lens_bg.wasm' });
} catch (e) {
  const p = document.getElementById('boot-error');
  if (p) p.textContent = 'Casualty Lens could not start: ' + e;
  throw e;
}

if ('serviceWorker' in navigator) {
  // Relative URL: the service worker's scope is whatever folder the site is served from.
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('service worker:', e));
}
