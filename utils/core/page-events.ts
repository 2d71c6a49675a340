/**
 * Events between the extension's page-world script and its content script. They travel through
 * the page's DOM (the two worlds share it), so their names are prefixed to stay clear of the page's.
 */

/** Dispatched (composed, on the host) when the page attaches an open shadow root. */
export const SHADOW_ROOT_EVENT = 'tifa-lens:shadow-root';
