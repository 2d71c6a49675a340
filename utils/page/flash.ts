/**
 * Flashing a phrase the reader was sent to (the popup's "show on the page", an essay deep link):
 * one highlight, `tifa-flash`, above the others, for one fixed time.
 */
import { FLASH_NAME } from '../core/highlight-names';
import { supportsCustomHighlights } from './highlight-painter';

const FLASH_MS = 1600;

export function flashRange(range: AbstractRange): void {
  if (!supportsCustomHighlights()) return;
  const flash = new Highlight(range);
  flash.priority = 10;
  CSS.highlights.set(FLASH_NAME, flash);
  setTimeout(() => {
    if (CSS.highlights.get(FLASH_NAME) === flash) CSS.highlights.delete(FLASH_NAME);
  }, FLASH_MS);
}
