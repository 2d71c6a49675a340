/**
 * The files of pdf.js the PDF viewer loads at run time, copied into the extension by the build
 * (wxt.config.ts): its worker, the CJK CMaps (Chinese PDFs with non-embedded fonts read nothing
 * without them), the standard fonts and the image decoders. They come from node_modules, so the repository holds no copy.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) =>
    readdirSync(join(root, name)).map((file) => ({ absoluteSrc: join(root, name, file), relativeDest: `pdfjs/${name}/${file}` }));
  return [
    { absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
    ...folder('cmaps'),
    ...folder('standard_fonts'),
    // JPEG 2000 and JBIG2 decoders (scans often use them): WebAssembly where the page's CSP allows
    // it, and the JavaScript fallback pdf.js imports from the same folder where it does not.
    ...folder('wasm'),
  ];
}
