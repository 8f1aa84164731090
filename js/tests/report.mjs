// Prints the ES module's report of every {"id", "text"} line of a JSONL file, one JSON line
// each (for the cross-path determinism test, python/tests/test_determinism.py).
//   node js/tests/report.mjs PKG_DIR IN.jsonl
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, input] = process.argv.slice(2);
const cl = await import(pathToFileURL(join(resolve(pkg), 'index.mjs')).href);
await cl.load();
const out = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const d = JSON.parse(line);
  out.push(JSON.stringify(cl.extract(d.text, { name: String(d.id) })));
}
process.stdout.write(out.join('\n') + '\n');
