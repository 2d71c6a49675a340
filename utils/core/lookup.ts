/**
 * Glossary lookup: any script or mixture, pinyin with or without tones (and with or without spaces),
 * English words (of the gloss, the meaning, or any English rendering: "eight-point" finds 八项规定),
 * or a fragment of any of these. Pure; the popup and the glossary browser share it.
 */
import type { GlossaryEntry } from './glossary-schema';
import { formsOf } from './glossary-schema';
import { hasChinese } from './fold';

/** Pinyin without tone marks, ü as v, lowercase, letters only: "zuìhòu yī gōnglǐ" → "zuihouyigongli". */
export function plainPinyin(text: string): string {
  return text
    .replace(/[ǖǘǚǜüÜ]|u:/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Pinyin syllables written with tone numbers ("zui4hou4") lose them. */
function stripToneNumbers(text: string): string {
  return text.replace(/([a-zü:]+)[1-5]/gi, '$1');
}

const WORD = /[a-z][a-z'-]*/g;

export interface LookupIndex {
  search(query: string, limit?: number): GlossaryEntry[];
}

interface Indexed {
  entry: GlossaryEntry;
  keys: string[];
  pinyin: string;
  english: string;
  englishWords: Set<string>;
  /** The gloss and the renderings: the phrase's own English names, which rank above its meaning. */
  names: string;
}

/** `key` folds a form the way the matcher does (script-insensitive, separators removed). */
export function createLookupIndex(entries: readonly GlossaryEntry[], key: (form: string) => string): LookupIndex {
  const indexed: Indexed[] = entries.map((entry) => {
    const names = [entry.gloss, ...(entry.english?.renderings ?? []).map((r) => r.text)].join(' ').toLowerCase();
    const english = `${names} ${entry.meaningEn}`.toLowerCase();
    return {
      entry,
      keys: formsOf(entry).map(key),
      pinyin: plainPinyin(entry.pinyin),
      english,
      englishWords: new Set(english.match(WORD) ?? []),
      names,
    };
  });
  return {
    search(query, limit = 50) {
      const q = query.trim();
      if (!q) return [];
      const scored: { entry: GlossaryEntry; score: number }[] = [];
      const hasHan = hasChinese(q);
      const qKey = hasHan ? key(q) : '';
      const qPinyin = hasHan ? '' : plainPinyin(stripToneNumbers(q));
      const qWords = hasHan ? [] : (q.toLowerCase().match(WORD) ?? []);
      for (const item of indexed) {
        let score = 0;
        if (hasHan) {
          if (item.keys.includes(qKey)) score = 100;
          else if (item.keys.some((k) => k.startsWith(qKey))) score = 80;
          else if (item.keys.some((k) => k.includes(qKey))) score = 60;
          else if (qKey.length >= 2 && item.keys.some((k) => qKey.includes(k))) score = 40; // the query holds the phrase
        } else {
          if (qPinyin.length >= 2) {
            if (item.pinyin === qPinyin) score = 95;
            else if (item.pinyin.startsWith(qPinyin)) score = 75;
            else if (qPinyin.length >= 4 && item.pinyin.includes(qPinyin)) score = 55;
          }
          if (qWords.length > 0) {
            const whole = qWords.every((w) => item.englishWords.has(w));
            const partial = qWords.every((w) => w.length >= 3 && item.english.includes(w));
            const inGloss = qWords.every((w) => item.names.includes(w));
            const english = whole ? (inGloss ? 70 : 50) : partial ? 30 : 0;
            score = Math.max(score, english);
          }
          if (item.entry.id === q.toLowerCase()) score = 100;
        }
        if (score > 0) scored.push({ entry: item.entry, score });
      }
      scored.sort((a, b) => b.score - a.score || a.entry.simplified.length - b.entry.simplified.length);
      return scored.slice(0, limit).map((s) => s.entry);
    },
  };
}
