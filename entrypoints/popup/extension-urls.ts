/** Where the popup's phrase lists link to: an occurrence in the essays, an entry in the glossary. */
import { browser } from 'wxt/browser';
import type { Occurrence } from '@/utils/core/corpus-index';
import { essayPath, glossaryPath } from '@/utils/core/links';

export const essayLink = (o: Occurrence): string => browser.runtime.getURL(essayPath(o));
export const entryLink = (id: string): string => browser.runtime.getURL(glossaryPath({ id }));
