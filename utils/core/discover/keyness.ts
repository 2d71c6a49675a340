/**
 * Keyness: how much more often a sequence occurs in the corpus than in a reference of ordinary
 * text, given its count in each and the size of each (both in Han characters).
 *
 * Two measures, as corpus linguistics uses them together: Dunning's log-likelihood (G²) says how
 * sure the difference is, and grows with frequency; the log ratio (Hardie 2014) says how large it
 * is, whatever the frequency. Pure.
 */

/** Signed G²: positive when the sequence is relatively more frequent in the corpus than in the reference. */
export function logLikelihood(corpusCount: number, corpusSize: number, referenceCount: number, referenceSize: number): number {
  const total = corpusCount + referenceCount;
  if (total === 0) return 0;
  const expectedCorpus = (corpusSize * total) / (corpusSize + referenceSize);
  const expectedReference = (referenceSize * total) / (corpusSize + referenceSize);
  const term = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  const g2 = 2 * (term(corpusCount, expectedCorpus) + term(referenceCount, expectedReference));
  return corpusCount / corpusSize >= referenceCount / referenceSize ? g2 : -g2;
}

/**
 * log₂ of the ratio of relative frequencies. A count of 0 is taken as 0.5, the usual correction,
 * so that a sequence absent from the reference gets a large but finite ratio.
 */
export function logRatio(corpusCount: number, corpusSize: number, referenceCount: number, referenceSize: number): number {
  const corpus = Math.max(corpusCount, 0.5) / corpusSize;
  const reference = Math.max(referenceCount, 0.5) / referenceSize;
  return Math.log2(corpus / reference);
}
