/**
 * Candidates as the reader's own phrases (own-phrases.ts), so that `tifa discover --own-phrases
 * FILE.csv` writes a list the extension's options import as it is: each candidate goes through the
 * same check as a phrase typed into the options, and one the check refuses is left out and said.
 *
 * Pure.
 */
import { checkOwnPhrase, type KeyOf, type OwnPhrase } from '../own-phrases';
import type { Candidate } from './discover';

export interface CandidatePhrases {
  phrases: OwnPhrase[];
  /** Forms the options would not take, with the problem. */
  refused: { form: string; problem: string }[];
}

export function candidatesAsOwnPhrases(candidates: readonly Candidate[], documents: number, key: KeyOf): CandidatePhrases {
  const phrases: OwnPhrase[] = [];
  const refused: CandidatePhrases['refused'] = [];
  for (const candidate of candidates) {
    const checked = checkOwnPhrase(
      {
        form: candidate.form,
        note: `tifa discover: in ${candidate.documents} of ${documents} documents, cited in ${candidate.citations} (${candidate.kinds.join(', ')})`,
        category: candidate.kinds.includes('numbered') ? 'numbered-formula' : 'set-phrase',
      },
      key,
    );
    if (checked.ok) phrases.push(...checked.phrases);
    else refused.push({ form: candidate.form, problem: checked.errors.map((e) => e.problem).join(', ') });
  }
  return { phrases, refused };
}
