/**
 * `tifa discover`'s core: candidate 提法 in a set of documents that neither the glossary nor the
 * reader's own phrases hold, ranked, each with where it occurs.
 *
 * 1. Duplicates are left out (duplicates.ts), boilerplate lines blanked (boilerplate.ts), the texts
 *    folded (every script to one).
 * 2. Four finders propose forms: numbered formulas, quoted slogans, parallel series of
 *    four-character phrases, cohesive sequences (each in its module).
 * 3. Forms that the known phrases match whole, in any script or variant, are dropped.
 * 4. The rest are matched in every document by the project's own matcher (occurrences.ts), so
 *    that 兩個維護 and 两个维护 are one candidate, written either way.
 * 5. A candidate must be cited as a formula (citation.ts) in at least --min-docs passages, stand
 *    whole (not a piece of a known phrase or of a longer candidate, not framed by particles) and be
 *    far more frequent than in ordinary text (keyness.ts). It is ranked by the passages that cite
 *    it, the share of its documents that do, and its keyness.
 *
 * Pure: the documents, the known phrases and the reference are given.
 */
import type { FoldTable } from '../fold';
import { keyOf, type Matcher } from '../matcher';
import { blankBoilerplate, findBoilerplate } from './boilerplate';
import { createCitation } from './citation';
import { findCohesiveSequences, type CohesionThresholds } from './cohesive-sequences';
import { findDuplicates } from './duplicates';
import { foldText } from '../fold';
import { isFramedByFunctionWords } from './function-words';
import { isHanCode } from '../fold';
import { logLikelihood, logRatio } from './keyness';
import { findNumberedFormulasInCorpus, isNumberedShape } from './numbered-formulas';
import { tallyOccurrences, type CandidateContext, type Tally } from './occurrences';
import { findParallelSeries } from './parallel-series';
import { findQuotedSlogans } from './quoted-slogans';
import type { ReferenceTable } from './reference-table';

export const CANDIDATE_KINDS = ['numbered', 'quoted', 'series', 'cohesive'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface DiscoverDocument {
  id: string;
  text: string;
}

export interface DiscoverOptions {
  /** A candidate must be cited in at least this many documents. */
  minDocuments: number;
  /** How many candidates to return, best first. */
  top: number;
  kinds: readonly CandidateKind[];
  /** Contexts kept per candidate, from different documents. */
  contexts: number;
}

export const DEFAULT_DISCOVER_OPTIONS: DiscoverOptions = { minDocuments: 2, top: 50, kinds: CANDIDATE_KINDS, contexts: 3 };

export interface Candidate {
  /** As most often written in the corpus. */
  form: string;
  /** Other ways it is written (another script, other separators), commonest first. */
  otherForms: string[];
  /** Which finders proposed it. */
  kinds: CandidateKind[];
  documents: number;
  occurrences: number;
  /**
   * Passages that cite it as a formula, in quotation marks or governed by 坚持, 贯彻 … (citation.ts):
   * one per document, and copies of one sentence in several documents once.
   */
  citations: number;
  /** Documents where it stands in quotation marks. */
  quotedDocuments: number;
  /** Documents where a verb of upholding governs it. */
  governedDocuments: number;
  /** Occurrences in the reference of ordinary text (estimated when rare there: reference-table.ts). */
  referenceCount: number;
  /** log₂ of how much more frequent it is than in the reference. */
  logRatio: number;
  logLikelihood: number;
  score: number;
  /** Where it is cited first (else where it occurs), one document each. */
  contexts: CandidateContext[];
}

export interface DiscoverResult {
  /** Documents read, and those left out as duplicates of another. */
  documents: number;
  duplicates: number;
  /** Han characters read, duplicates and boilerplate left out. */
  characters: number;
  /** Forms proposed by the finders, before any was checked. */
  proposed: number;
  /** Candidates that passed every check (the result holds the first `top`). */
  found: number;
  candidates: Candidate[];
}

/** A candidate must be at least this much (log₂) more frequent than in ordinary text: 4×. */
const MIN_LOG_RATIO = 2;
/** A form is a piece of a longer one when this share of its occurrences is inside it. */
const PIECE_SHARE = 0.8;
/** A form longer than this is a sentence, not a formula (the extension's own phrases stop at 40). */
const MAX_FORM = 40;
/** Past 2⁸ times more frequent, ordinary text has simply never seen it: no more to learn. */
const KEYNESS_CAP = 8;

const COHESION: Omit<CohesionThresholds, 'minDocuments'> = {
  minLength: 4,
  maxLength: 8,
  minCount: 3,
  minCohesion: 6,
  minFreedom: 1.5,
  minLogRatio: MIN_LOG_RATIO,
};

interface Proposal {
  form: string;
  /** Folded, separators left out: what makes two forms one. */
  key: string;
  kinds: Set<CandidateKind>;
}

export function discover(
  input: readonly DiscoverDocument[],
  known: Matcher,
  fold: FoldTable,
  reference: ReferenceTable,
  options: DiscoverOptions = DEFAULT_DISCOVER_OPTIONS,
): DiscoverResult {
  // 1. One copy of each text, boilerplate blanked, folded.
  const duplicates = findDuplicates(input.map((d) => d.text));
  const documents = input.filter((_, i) => !duplicates.has(i));
  const boilerplate = findBoilerplate(documents.map((d) => d.text));
  const texts = documents.map((d) => blankBoilerplate(d.text, boilerplate));
  const folded = texts.map((t) => foldText(t, fold));

  // 2. Proposals, each seen by its finder in enough documents.
  const wants = (kind: CandidateKind) => options.kinds.includes(kind);
  const proposals = new Map<string, Proposal>();
  const propose = (kind: CandidateKind, form: string) => {
    const key = keyOf(form, fold).key;
    let proposal = proposals.get(key);
    if (!proposal) proposals.set(key, (proposal = { form, key, kinds: new Set() }));
    proposal.kinds.add(kind);
  };
  const proposeSpans = (kind: CandidateKind, spansByDocument: readonly { start: number; end: number }[][]) => {
    const seen = new Map<string, Set<number>>();
    spansByDocument.forEach((spans, doc) => {
      for (const { start, end } of spans) {
        const form = folded[doc].slice(start, end);
        let docs = seen.get(form);
        if (!docs) seen.set(form, (docs = new Set()));
        docs.add(doc);
      }
    });
    for (const [form, docs] of seen) {
      if (docs.size < options.minDocuments || form.length > MAX_FORM) continue;
      propose(kind, form);
      // “四风”, “两会”: a numeral and one character are a numbered formula only when quoted, so found here.
      if (kind === 'quoted' && wants('numbered') && isNumberedShape(form)) propose('numbered', form);
    }
  };
  if (wants('numbered')) proposeSpans('numbered', findNumberedFormulasInCorpus(folded));
  if (wants('quoted')) proposeSpans('quoted', folded.map(findQuotedSlogans));
  if (wants('series')) proposeSpans('series', folded.map(findParallelSeries));
  if (wants('cohesive')) {
    for (const found of findCohesiveSequences(folded, reference, { ...COHESION, minDocuments: options.minDocuments })) {
      propose('cohesive', found.form);
    }
  }

  // 3. What the known phrases match whole is not new.
  const fresh = [...proposals.values()].filter((p) => !known.findAllMatches(p.form).some((m) => m.start === 0 && m.end === p.form.length));

  // 4. Every occurrence of every proposal.
  const tallies = tallyOccurrences(
    { ids: documents.map((d) => d.id), texts, folded },
    fresh.map((p) => p.form),
    known,
    fold,
    { contexts: options.contexts, longestForm: MAX_FORM },
  );

  // 5. Checks, scores, ranking; longer forms first, so that a piece is judged by what it is a piece of.
  const characters = folded.reduce((n, text) => n + hanCount(text), 0);
  const citation = createCitation(fold);
  const kept = fresh.map(() => false);
  const candidates: Candidate[] = [];
  const longestFirst = fresh.map((_, i) => i).sort((a, b) => fresh[b].key.length - fresh[a].key.length || a - b);
  for (const i of longestFirst) {
    const proposal = fresh[i];
    const tally = tallies[i];
    const citations = tally.citingPassages.size;
    if (citations < options.minDocuments || !isWhole(proposal, tally, kept)) continue;
    // 做到两个维护 is a verb and a formula, unless it is quoted whole (“构建人类命运共同体”).
    if (citation.beginsWithVerb(proposal.key) && tally.quotedDocuments < options.minDocuments) continue;
    const referenceCount = reference.count(proposal.key);
    const ratio = logRatio(tally.occurrences, characters, referenceCount, reference.characters);
    if (ratio < MIN_LOG_RATIO) continue;
    kept[i] = true;
    const forms = [...tally.forms].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([form]) => form);
    candidates.push({
      form: forms[0],
      otherForms: forms.slice(1),
      kinds: CANDIDATE_KINDS.filter((k) => proposal.kinds.has(k)),
      documents: tally.documents,
      occurrences: tally.occurrences,
      citations,
      quotedDocuments: tally.quotedDocuments,
      governedDocuments: tally.governedDocuments,
      referenceCount,
      logRatio: ratio,
      logLikelihood: logLikelihood(tally.occurrences, characters, referenceCount, reference.characters),
      score: scoreOf(citations, tally.documents, ratio),
      contexts: [...tally.citedContexts, ...tally.otherContexts].slice(0, options.contexts),
    });
  }
  candidates.sort((a, b) => b.score - a.score || b.documents - a.documents || compare(a.form, b.form));
  return {
    documents: input.length,
    duplicates: duplicates.size,
    characters,
    proposed: proposals.size,
    found: candidates.length,
    candidates: candidates.slice(0, options.top),
  };
}

/**
 * A formula stands whole: not mostly inside a known phrase or a longer candidate, not framed by
 * particles (习近平总书记关于), and, for a series, not cut short (人民当家 of 人民当家作主).
 */
function isWhole(proposal: Proposal, tally: Tally, kept: readonly boolean[]): boolean {
  if (tally.insideKnown >= tally.occurrences * PIECE_SHARE || isFramedByFunctionWords(proposal.key)) return false;
  if (proposal.kinds.has('series') && cutShort(tally)) return false;
  for (const [outer, count] of tally.inside) if (kept[outer] && count >= tally.occurrences * PIECE_SHARE) return false;
  return true;
}

/**
 * A series whose last item is cut short: nearly always the same character follows it, one that is
 * not a particle (补足精神 of 补足精神之钙); a formula is followed by whatever the sentence needs
 * (总揽全局、协调各方的…, …，…).
 */
function cutShort(tally: Tally): boolean {
  let most = 0;
  let code = 0;
  for (const [c, n] of tally.after) {
    if (n > most) {
      most = n;
      code = c;
    }
  }
  return most >= PIECE_SHARE * tally.occurrences && !isFramedByFunctionWords(`一${String.fromCharCode(code)}`);
}

/**
 * The passages that cite it, on a log scale, weighed by the square root of the share of its
 * documents that cite it (a formula is cited wherever it is used; a name in 600 documents is
 * quoted in a few of them) and by its keyness, capped.
 */
function scoreOf(citations: number, documents: number, ratio: number): number {
  return Math.log2(1 + citations) * Math.sqrt(Math.min(1, citations / documents)) * (Math.min(ratio, KEYNESS_CAP) / KEYNESS_CAP);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}
