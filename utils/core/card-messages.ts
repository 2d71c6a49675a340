/**
 * The strings the phrase card shows, and nothing else: the content script, which every web page
 * loads, carries these (generated/card-messages.json, written by scripts/build-data.ts) instead of
 * every table. A test checks that the card asks for no other key.
 */
import type { MessageKey, MessageTables } from './i18n';
import { LANGUAGES } from './i18n';

export const CARD_MESSAGE_KEYS = [
  'allInEssays',
  'close',
  'tierFormula',
  'tierKey',
  'tierVocabulary',
  'essayParagraph',
  'explain',
  'nextPhrase',
  'phrasePosition',
  'previousPhrase',
  'moreRenderings',
  'renderingAnalytic',
  'renderingOfficial',
  'renderingStateMedia',
  'inEssays',
  'less',
  'more',
  'notInEssays',
  'note',
  'onPageTimes',
  'origin',
  'ownBadge',
  'ownNoMeaning',
  'ownNotInGlossary',
  'categoryCampaign',
  'categoryNumberedFormula',
  'categoryInstitution',
  'categoryIdeology',
  'categorySetPhrase',
  'categorySaying',
  'categoryIdiom',
] as const satisfies readonly MessageKey[];

/** The tables restricted to `keys`. */
export function pickMessages(tables: MessageTables, keys: readonly MessageKey[]): MessageTables {
  const pick = (table: MessageTables[keyof MessageTables]) =>
    Object.fromEntries(keys.flatMap((k) => (table[k] === undefined ? [] : [[k, table[k]]])));
  return Object.fromEntries(LANGUAGES.map((language) => [language, pick(tables[language])])) as MessageTables;
}
