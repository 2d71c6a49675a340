/**
 * Builds the content script so that it is injected with every page but runs only when the first
 * content script starts it (entrypoints/content-loader.ts, once the frame shows Chinese or the
 * reader asks something of it).
 *
 * WXT writes the content script as a script that runs at once. This Vite plugin wraps the written
 * code in a function stored on the isolated world's global object, under DEFERRED_CONTENT_SCRIPT.
 * The engine only skims a function that is never called: a page without Chinese holds its source
 * (shared by every tab, outside the JavaScript heap) and almost nothing else. Loading the file on
 * demand instead, with import() of a web-accessible file, was measured too: as little heap, but the
 * browser served the file 200–300 ms after it was asked for, even a 2 KB one, on every page with
 * Chinese (docs/performance.md, "JavaScript heap per tab").
 */
import type { Plugin } from 'vite';
import { DEFERRED_CONTENT_SCRIPT } from '../../utils/extension/content-handoff';

/** Where WXT writes the content script (entrypoints/content/). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

function wrapDeferred(code: string): string {
  return `globalThis[Symbol.for(${JSON.stringify(DEFERRED_CONTENT_SCRIPT)})] = function () {\n${code}\n};\n`;
}

export function deferredContentScript(): Plugin {
  return {
    name: 'tifa-lens:deferred-content-script',
    generateBundle: {
      // Last, after minification and after WXT's own plugins, which add a line after the script
      // (its value, for scripting.executeScript): that line must be wrapped too.
      order: 'post',
      handler(_options, bundle) {
        const chunk = bundle[CONTENT_SCRIPT_FILE];
        if (chunk?.type === 'chunk') chunk.code = wrapDeferred(chunk.code);
      },
    },
  };
}
