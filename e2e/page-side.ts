/**
 * Functions evaluated inside test pages, shared by the Chromium (Playwright) and Firefox
 * (Puppeteer) helpers. Each is self-contained: it is serialized and run in the page.
 */

/**
 * The highlights registered in the page, with their text (and boxes, when asked): the same reader
 * the browser-project tests call directly.
 */
export { readHighlights } from '../test-support/highlights';
