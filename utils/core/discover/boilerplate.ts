/**
 * Boilerplate: a line that stands, the same, in many documents of a corpus (a site's footer, a
 * subscription plea, the standing introduction of a series). It would recur across documents as a
 * slogan does, so it is blanked before anything is counted — with spaces, so that offsets into
 * the text stay those of the document as read.
 *
 * A line is boilerplate when it is long enough to be a sentence and at least MIN_DOCUMENTS
 * documents hold it: a slogan is rarely a whole line, a line of this length rarely repeats by chance.
 *
 * Pure.
 */
const MIN_LENGTH = 12;
const MIN_DOCUMENTS = 5;

const linesOf = (text: string) => text.split('\n').map((line) => line.trim());

/** The lines that are boilerplate in these documents. */
export function findBoilerplate(texts: readonly string[]): Set<string> {
  const documents = new Map<string, number>();
  for (const text of texts) {
    for (const line of new Set(linesOf(text))) {
      if (line.length >= MIN_LENGTH) documents.set(line, (documents.get(line) ?? 0) + 1);
    }
  }
  return new Set([...documents].filter(([, n]) => n >= MIN_DOCUMENTS).map(([line]) => line));
}

/** The text with its boilerplate lines blanked, its length and offsets unchanged. */
export function blankBoilerplate(text: string, boilerplate: ReadonlySet<string>): string {
  if (boilerplate.size === 0) return text;
  return text
    .split('\n')
    .map((line) => (boilerplate.has(line.trim()) ? ' '.repeat(line.length) : line))
    .join('\n');
}
