/**
 * Whether a text is about policy, and so which tiers of the glossary it shows (docs/glossary-style.md,
 * "Tiers"; docs/highlight-levels.md for the design and the measurements).
 *
 * Formula entries (形同虚设, 一团和气, 千方百计) are also everyday idioms: a recipe or a match report
 * may use them in their plain sense, and a highlight there would be noise. They are shown only where
 * the page (or, with article scope, the article) shows evidence of Party-state discourse:
 * - a key phrase (八项规定, 群众路线 …) counts twice: on its own it marks the text;
 * - each distinct policy cue counts once: words that only Party-state text uses (党委, 纪委, 干部,
 *   国务院 …, data/policy-cues.json), which are not glossary entries and are never highlighted;
 * - each distinct formula of official wording (category set-phrase, institution, ideology, campaign:
 *   贯彻落实, 廉洁自律) counts once; idioms and sayings count nothing, since they are the ones in
 *   doubt.
 * Two points make the text policy text. The evidence only grows: once a page has shown it, later
 * changes (a live feed, a reply) do not take highlights away.
 *
 * A formula in quotation marks is shown wherever it is: quoting it names the expression itself
 * (官场流行「穿小鞋」一说), which is what the card explains.
 *
 * Pure: the DOM side feeds it text and matches block by block (utils/page/page-highlighter.ts), the
 * CLI feeds it a whole document (utils/core/annotate.ts).
 */
import type { Category, Tier } from './glossary-schema';
import type { Match, Matcher } from './matcher';

/** What a reader chose to see: key phrases only, the default, or everything. */
export const HIGHLIGHT_LEVELS = ['key', 'context', 'all'] as const;
export type HighlightLevel = (typeof HIGHLIGHT_LEVELS)[number];
export const DEFAULT_HIGHLIGHT_LEVEL: HighlightLevel = 'context';

/** The tiers a level matches at all (vocabulary only at 'all'). */
export function tiersOf(level: HighlightLevel): readonly Tier[] {
  if (level === 'key') return ['key'];
  if (level === 'context') return ['key', 'formula'];
  return ['key', 'formula', 'vocabulary'];
}

/** Points that make a text policy text. */
const POLICY_THRESHOLD = 2;
const KEY_POINTS = 2;
/** Formulas of official wording; idioms and sayings are what the evidence is needed for. */
const OFFICIAL_CATEGORIES: ReadonlySet<Category> = new Set(['set-phrase', 'institution', 'ideology', 'campaign', 'numbered-formula']);

export interface EntryMeta {
  readonly tiers: readonly Tier[];
  readonly categories: readonly Category[];
  /**
   * Entries from here on are the reader's own phrases: shown like key phrases, but no evidence
   * that a page is about policy (a reader may add any word at all).
   */
  readonly ownFrom?: number;
}

/**
 * The evidence gathered from the text read so far, and what it lets through. With level 'key' or
 * 'all' nothing is gated: the reader asked for exactly those tiers, wherever they are.
 */
export class PolicyContext {
  private readonly keys = new Set<number>();
  private readonly formulas = new Set<number>();
  private readonly cueIds = new Set<number>();
  private policy = false;

  constructor(
    private readonly meta: EntryMeta,
    /** The cue words' matcher (policy cues are matched on their own, never highlighted). */
    private readonly cues: Pick<Matcher, 'findMatches'>,
    readonly level: HighlightLevel = DEFAULT_HIGHLIGHT_LEVEL,
  ) {
    if (level !== 'context') this.policy = true;
  }

  /** True once the text read so far is policy text (always true when nothing is gated). */
  get isPolicy(): boolean {
    return this.policy;
  }

  /**
   * Takes in one more piece of text and the glossary's matches in it; true when this made the text
   * policy text (the caller then shows what it held back).
   */
  observe(text: string, matches: readonly Pick<Match, 'entry'>[]): boolean {
    if (this.policy) return false;
    for (const m of matches) {
      if (m.entry >= (this.meta.ownFrom ?? Number.POSITIVE_INFINITY)) continue;
      const tier = this.meta.tiers[m.entry];
      if (tier === 'key') this.keys.add(m.entry);
      else if (tier === 'formula' && OFFICIAL_CATEGORIES.has(this.meta.categories[m.entry])) this.formulas.add(m.entry);
    }
    // Cues are looked for only while they can still make a difference.
    if (this.points() < POLICY_THRESHOLD) for (const m of this.cues.findMatches(text)) this.cueIds.add(m.entry);
    this.policy = this.points() >= POLICY_THRESHOLD;
    return this.policy;
  }

  /**
   * Takes the caller's word that the text is policy text, from evidence it read elsewhere (the PDF
   * viewer reads the whole document, but draws only the pages near the screen). True when this
   * changed the verdict.
   */
  declarePolicy(): boolean {
    const changed = !this.policy;
    this.policy = true;
    return changed;
  }

  /** Whether a match of this entry is shown now (`quoted`: see isQuoted). */
  shows(entry: number, quoted = false): boolean {
    return this.policy || quoted || this.meta.tiers[entry] !== 'formula';
  }

  private points(): number {
    return KEY_POINTS * this.keys.size + this.formulas.size + this.cueIds.size;
  }
}

/**
 * The matches a reader sees in one whole text at a level: what the CLI annotates, what the
 * precision figures score. `matches` come from a matcher restricted to tiersOf(level).
 */
export function shownMatches<M extends Match>(
  text: string,
  matches: readonly M[],
  meta: EntryMeta,
  cues: Pick<Matcher, 'findMatches'>,
  level: HighlightLevel,
): M[] {
  const context = new PolicyContext(meta, cues, level);
  context.observe(text, matches);
  return matches.filter((m) => context.shows(m.entry, isQuoted(text, m.start, m.end)));
}

const OPENING_QUOTES = '“「『‘"\'《〈﹁﹃';
const CLOSING_QUOTES = '”」』’"\'》〉﹂﹄';

/** Whether text[start, end) stands between quotation marks, as a term being named. */
export function isQuoted(text: string, start: number, end: number): boolean {
  return start > 0 && end < text.length && OPENING_QUOTES.includes(text[start - 1]) && CLOSING_QUOTES.includes(text[end]);
}
