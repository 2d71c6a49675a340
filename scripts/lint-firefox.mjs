// `npm run lint:firefox`: runs web-ext lint (addons.mozilla.org's own linter) on the built Firefox
// add-on. Fails on any error, and on any warning that docs/firefox.md has not accounted for: each
// accounted warning is recognised by the code at the reported place, so a new innerHTML (ours or a
// library's) fails here until it has been looked at and written down.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = process.env.TIFA_FIREFOX_EXTENSION_DIR ?? join(root, '.output/firefox-mv2');

/** Warnings looked at and explained in docs/firefox.md, by the code that starts at the reported column. */
const ACCOUNTED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    where: 'Preact diff(): dangerouslySetInnerHTML, which no code of ours uses',
    at: /^[\w$]+\.innerHTML=[\w$]+\.__html\)/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    where: '@mozilla/readability _grabArticle(): restores its cached copy of the inert DOMParser document',
    at: /^[\w$]+\.innerHTML=[\w$]+,this\._attempts\.push\(/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    where: '@mozilla/readability _unwrapNoscriptImages(): re-parses a <noscript> of the inert DOMParser document',
    at: /^[\w$]+\.innerHTML=[\w$]+\.innerHTML;var [\w$]+=[\w$]+\.previousElementSibling/,
  },
  {
    code: 'DANGEROUS_EVAL',
    where: 'pdf.js FeatureTest.isEvalSupported: builds an empty function inside try, to learn that the CSP forbids it',
    at: /^(?:new )?Function\((?:``|""|'')\)[,;](?:return)?!0\}catch/,
  },
  {
    code: 'DANGEROUS_EVAL',
    where: 'pdf.js PostScript functions: compiled only where eval is allowed, which isEvalSupported: false and the CSP both refuse',
    at: /^new Function\("src","srcOffset","dest","destOffset",/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    where: 'pdf.js fake worker: imports the worker from workerSrc, the file shipped in the extension',
    at: /^import\(this\.workerSrc\)\)\.WorkerMessageHandler/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    where: 'pdf.js JPEG 2000 decoder: imports its JavaScript fallback from wasmUrl, the folder shipped in the extension',
    before: /openjpeg_nowasm_fallback\.js`;let [\w$]+=null;try\{[\w$]+=\(await $/,
    at: /^import\($/,
  },
];

let report;
try {
  report = execFileSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', sourceDir, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // No look-up of newer web-ext versions: the lint must not depend on the network.
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
} catch (error) {
  // web-ext exits non-zero when there are errors; the report is still on stdout.
  report = error.stdout;
  if (!report) throw error;
}
const { errors, warnings, notices } = JSON.parse(report);

/** The code from the reported place on (up to 200 characters of its line), and the 200 before it. */
const codeAround = (message) => {
  if (!message.file || !message.line || !message.column) return { at: '', before: '' };
  const line = readFileSync(join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  return {
    at: line.slice(message.column - 1, message.column + 199),
    before: line.slice(Math.max(0, message.column - 201), message.column - 1),
  };
};
const place = (m) => (m.file ? `${m.file}${m.line ? `:${m.line}:${m.column}` : ''}` : 'manifest');

let failed = errors.length > 0;
for (const m of errors) console.log(`error    ${m.code} ${place(m)}: ${m.message}`);
for (const m of warnings) {
  const code = codeAround(m);
  const accounted = ACCOUNTED.find((a) => a.code === m.code && a.at.test(code.at) && (!a.before || a.before.test(code.before)));
  if (accounted) console.log(`warning  ${m.code} ${place(m)}: ${accounted.where} (docs/firefox.md)`);
  else {
    failed = true;
    console.log(`warning  ${m.code} ${place(m)}: ${m.message} — NOT ACCOUNTED FOR in docs/firefox.md`);
  }
}
for (const m of notices) console.log(`notice   ${m.code} ${place(m)}: ${m.message}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(failed ? 1 : 0);
