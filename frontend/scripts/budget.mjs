// Prints the gzip size of all JS in dist/ and fails when it is over the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = Number(process.env.JS_BUDGET_KB || 150) * 1024;
const root = new URL('../dist/', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

let files;
try {
  files = walk(root);
} catch {
  console.error('budget: dist/ not found; run vite build first');
  process.exit(1);
}
let js = 0, raw = 0, css = 0;
for (const f of files) {
  const buf = readFileSync(f);
  if (f.endsWith('.js') || f.endsWith('.mjs')) {
    const gz = gzipSync(buf, { level: 9 }).length;
    js += gz;
    raw += buf.length;
    console.log(`  ${relative(root, f).padEnd(40)} ${(buf.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(gz / 1024).toFixed(1).padStart(6)} KB`);
  } else if (f.endsWith('.css')) {
    css += gzipSync(buf, { level: 9 }).length;
  }
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`JS total: ${kb(raw)} raw, ${kb(js)} gzip (budget ${kb(BUDGET)}); CSS ${kb(css)} gzip`);
if (js > BUDGET) {
  console.error(`budget: JS gzip size ${kb(js)} is over the budget of ${kb(BUDGET)}`);
  process.exit(1);
}
