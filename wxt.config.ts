import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONTENT_SCRIPT_FILE, deferredContentScript } from './scripts/build/deferred-content-script';
import { pdfjsAssets } from './scripts/build/pdfjs-assets';

/** The add-on's id on addons.mozilla.org; it can never change once published. */
const FIREFOX_ID = 'tifa-lens@tifa-lens.example';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Every import is written out: auto-imports hid which layer a name came from (and let a local
  // name shadow a util of the same name).
  imports: false,
  // Preact has no WXT module: it goes in as a Vite plugin.
  // `npm run dev` opens a browser; scripts/dev.mjs turns that off where there is no display to open it on.
  webExt: { disabled: process.env.TIFA_NO_BROWSER === '1' },
  zip: {
    // The sources zip (for addons.mozilla.org reviewers) holds what `npm ci && npm run build:firefox`
    // needs; pictures, benchmarks and what the build regenerates stay out.
    excludeSources: ['docs/screenshots/**', 'bench/**', 'generated/**', 'test-results/**', '.output/**'],
  },
  vite: () => ({
    plugins: [preact(), deferredContentScript()],
  }),
  hooks: {
    // The PDF viewer's pdf.js worker, CMaps and standard fonts, from node_modules.
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The offscreen document (conversion, Readability) is Chrome's; Firefox's background page does it.
    permissions: [
      'storage',
      'activeTab',
      'contextMenus',
      ...(browser === 'firefox'
        ? // Opening PDFs in the viewer, on the sites a reader chose (off by default): Firefox
          // redirects by the response's content type with blocking webRequest.
          ['webRequest', 'webRequestBlocking']
        : // Chrome does it with a declarativeNetRequest rule, which acts only where a site's
          // permission was granted (WithHostAccess: no warning at install).
          ['offscreen', 'declarativeNetRequestWithHostAccess']),
    ],
    // The PDF viewer reads a document from its site only once the reader allows that site (the
    // viewer or the options ask); nothing is granted at install.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: 'Tifa Lens' },
    // A site's PDF may be redirected to the viewer (automatic opening, off by default) only if web
    // pages may open it; it still reads only the sites the reader allowed.
    web_accessible_resources: browser === 'firefox' ? ['pdf.html'] : [{ resources: ['pdf.html'], matches: ['http://*/*', 'https://*/*'] }],
    // Every frame gets the first content script and, after it, the content script as a function that
    // the first one calls once the frame shows Chinese (scripts/build/deferred-content-script.ts).
    // Declared here because the first is an unlisted script (no WXT wrapper: see its comment) and
    // the second is built with registration 'runtime', which keeps WXT from declaring it.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content-loader.js', CONTENT_SCRIPT_FILE],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    // Highlight inheritance (Chrome 134) lets the highlight rules hang on the root element alone
    // (entrypoints/content/highlighting.ts): without it they would paint nothing.
    ...(browser !== 'firefox' && { minimum_chrome_version: '134' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Fixed, so that an update on addons.mozilla.org replaces this add-on (and keeps its
          // storage), and so that tests can pin its moz-extension:// UUID (e2e-firefox/browser.ts).
          id: FIREFOX_ID,
          // The CSS Custom Highlight API, which draws every highlight, came in Firefox 140.
          strict_min_version: '140.0',
          // AMO requires new add-ons to declare what they collect: nothing (docs/firefox.md).
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint warns
        // otherwise); whether the add-on is offered on Android at all is chosen on AMO.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    commands: {
      'next-phrase': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next highlighted phrase and explain it',
      },
      'previous-phrase': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous highlighted phrase and explain it',
      },
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Convert the page to your chosen script, or back to the original',
      },
    },
  }),
});
