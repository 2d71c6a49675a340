import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Every import is written out: auto-imports hid which layer a name came from (and let a local
  // name shadow a util of the same name).
  imports: false,
  // Preact has no WXT module: it goes in as a Vite plugin.
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The offscreen document (conversion, Readability) is Chrome's; Firefox's background page does it.
    permissions: ['storage', 'activeTab', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    action: { default_title: 'Tifa Lens' },
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
