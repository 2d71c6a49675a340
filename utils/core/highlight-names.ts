/**
 * The names under which highlights are registered in the page's CSS.highlights (tests, the README's
 * testing hooks and the stylesheet rely on them). The page shares the registry, so every name of
 * ours starts with the same prefix.
 */
import type { Category } from './glossary-schema';

const HIGHLIGHT_PREFIX = 'tifa';
/** The phrase the reader was sent to (the popup's "show on the page", an essay deep link). */
export const FLASH_NAME = `${HIGHLIGHT_PREFIX}-flash`;

export function highlightName(category: Category): string {
  return `${HIGHLIGHT_PREFIX}-${category}`;
}

/**
 * The flash's rule: above the category colours (the flash highlight has a higher priority).
 * `originating` as in highlightCss.
 */
export function flashCss(originating = ''): string {
  return `${originating}::highlight(${FLASH_NAME}) { background-color: rgba(255, 110, 0, 0.65); color: inherit; }`;
}
