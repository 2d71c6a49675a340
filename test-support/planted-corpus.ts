/**
 * Documents with glossary phrases planted in plain filler, and what should be found in them: every
 * occurrence with its offsets in code points, its paragraph and the script it is written in. The
 * tests of `tifa corpus` and `tifa stats` check against them, and `npm run bench corpus` makes its
 * corpus with them.
 */
import type { CompiledGlossary, CompiledPhrases } from '../utils/core/compiled-data';
import { createFoldTable } from '../utils/core/fold';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';

type Script = 'simplified' | 'traditional' | 'mixed' | 'either';

export interface PlantableForm {
  surface: string;
  script: Script;
}

export interface PlantablePhrase {
  id: string;
  canonical: string;
  /** The Simplified form first, then (where they differ) the Traditional one and a mixed one. */
  forms: PlantableForm[];
}

/** Everyday sentences with no phrase of the glossary in them, in each script. */
export const FILLER = {
  simplified: [
    '今天下午下了一场小雨。',
    '图书馆的灯还亮着。',
    '他把自行车停在门口。',
    '我们在河边吃了午饭。',
    '孩子们在操场上踢球。',
    '这本小说写得很有意思。',
  ],
  traditional: [
    '今天下午下了一場小雨。',
    '圖書館的燈還亮著。',
    '他把自行車停在門口。',
    '我們在河邊吃了午飯。',
    '孩子們在操場上踢球。',
    '這本小說寫得很有意思。',
  ],
};

/**
 * Key phrases (shown in any text, as the default level shows them) that are matched as themselves
 * when they stand alone, with their forms in each script. A form's script is known by construction:
 * only phrases whose Simplified and Traditional forms differ character for character in pairs that
 * the fold table joins (the Traditional character folds to the Simplified one, and neither is used
 * by the other form) give a Simplified, a Traditional and a mixed form; a phrase written alike in
 * both scripts gives its one form, `either`.
 */
export function plantablePhrases(data: { phrases: CompiledPhrases; glossary: CompiledGlossary }): PlantablePhrase[] {
  // At the default level, as the corpus is read: a longer set formula would take the phrase's place.
  const matcher = createPhraseMatcher(data.phrases).forLevel('context');
  const fold = createFoldTable(data.phrases.foldPairs);
  const alone = (form: string, entry: number) => {
    const found = matcher.findMatches(`。${form}。`);
    return found.length === 1 && found[0].entry === entry && found[0].start === 1 && found[0].end === form.length + 1;
  };
  const phrases: PlantablePhrase[] = [];
  for (const entry of data.glossary.entries) {
    const index = matcher.ids.indexOf(entry.id);
    if (entry.tier !== 'key' || entry.quotedOnly || index === -1) continue;
    const { simplified: s, traditional: t } = entry;
    if (s === t) {
      if (alone(s, index)) phrases.push({ id: entry.id, canonical: s, forms: [{ surface: s, script: 'either' }] });
      continue;
    }
    if (s.length !== t.length) continue;
    const differing = [...s].map((_, i) => i).filter((i) => s[i] !== t[i]);
    const paired = differing.every(
      (i) => fold[t.charCodeAt(i)] === s.charCodeAt(i) && !t.includes(s[i]) && !s.includes(t[i]) && s.charCodeAt(i) < 0xd800,
    );
    if (!paired || differing.length < 2) continue;
    const mixed = [...s].map((c, i) => (i === differing[0] ? t[i] : c)).join('');
    const forms: PlantableForm[] = [
      { surface: s, script: 'simplified' },
      { surface: t, script: 'traditional' },
      { surface: mixed, script: 'mixed' },
    ];
    if (forms.every((f) => alone(f.surface, index))) phrases.push({ id: entry.id, canonical: s, forms });
  }
  return phrases;
}

export interface PlantedOccurrence {
  phrase_id: string;
  canonical: string;
  surface: string;
  script: Script;
  char_start: number;
  char_end: number;
  paragraph: number;
}

/** A document written piece by piece, counting code points and paragraphs as it goes. */
export class PlantedDocument {
  private written = '';
  private points = 0;
  /** Paragraphs with text before the current one: blank ones are none (as a reader sees them). */
  private paragraphs = 0;
  private paragraphHasText = false;
  readonly occurrences: PlantedOccurrence[] = [];

  /** Plain text (filler, punctuation, 𠮷 …): nothing in it is a phrase. */
  write(text: string): this {
    this.written += text;
    this.points += [...text].length;
    if (text.trim().length > 0) this.paragraphHasText = true;
    return this;
  }

  plant(phrase: PlantablePhrase, form: PlantableForm): this {
    const start = this.points;
    this.write(form.surface);
    this.occurrences.push({
      phrase_id: phrase.id,
      canonical: phrase.canonical,
      surface: form.surface,
      script: form.script,
      char_start: start,
      char_end: this.points,
      paragraph: this.paragraphs,
    });
    return this;
  }

  /** Ends the paragraph: a blank line, as plain text separates paragraphs. */
  paragraph(): this {
    this.write('\n\n');
    if (this.paragraphHasText) this.paragraphs++;
    this.paragraphHasText = false;
    return this;
  }

  get text(): string {
    return this.written;
  }
}

/** Whole numbers below n from a fixed sequence (mulberry32): a generated corpus is the same on every run. */
export function seededNumbers(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/gu;

/** Han characters of a text, counted by hand for the tests: the ranges of utils/core/fold.ts, by code point. */
export const hanCount = (text: string) => text.match(HAN)?.length ?? 0;
