/**
 * Duplicates: a document that is mostly another one (a revision archived beside the first, a
 * repost, a translation page with the same text). Counting both would double every phrase in them,
 * and document frequency is what discover ranks by, so the later one is left out.
 *
 * A document is a duplicate of an earlier one when at least half of its text, in lines long
 * enough to be sentences, stands in that document too, in two lines or more (or in its only line).
 * Lines that very many documents share (a site's footer) say nothing about which document is a
 * copy of which, and are not compared.
 *
 * Pure.
 */
const MIN_LINE = 12;
const SHARE = 0.5;
/** A line in more documents than this is boilerplate (boilerplate.ts), not a sign of copying. */
const MAX_HOLDERS = 50;

/** Indexes of the documents that duplicate an earlier one. */
export function findDuplicates(texts: readonly string[]): Set<number> {
  const holders = new Map<string, number[]>();
  const duplicates = new Set<number>();
  texts.forEach((text, doc) => {
    const lines = [...new Set(text.split('\n').map((line) => line.trim()))].filter((line) => line.length >= MIN_LINE);
    const total = lines.reduce((n, line) => n + line.length, 0);
    const shared = new Map<number, { characters: number; lines: number }>();
    for (const line of lines) {
      const earlier = holders.get(line);
      if (!earlier || earlier.length > MAX_HOLDERS) continue;
      for (const other of earlier) {
        const common = shared.get(other) ?? { characters: 0, lines: 0 };
        common.characters += line.length;
        common.lines++;
        shared.set(other, common);
      }
    }
    // One shared line is a copy only when it is the whole text: a short notice under a long shared
    // footer is not a copy of another notice.
    const copy = (n: { characters: number; lines: number }) => n.characters >= total * SHARE && (n.lines >= 2 || n.lines === lines.length);
    if (total > 0 && [...shared.values()].some(copy)) {
      duplicates.add(doc);
      return;
    }
    for (const line of lines) {
      const list = holders.get(line);
      if (list) list.push(doc);
      else holders.set(line, [doc]);
    }
  });
  return duplicates;
}
