/**
 * The text a reader reads in a Markdown file with inline HTML (blog posts, archived articles,
 * feeds turned into files): blocks as lines, without tags, links' addresses, images, code or
 * Markdown's marks. Good enough for counting words; not a renderer.
 */
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|hr|section|article|pre)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  hellip: '…',
  mdash: '—',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

export function markupText(markup: string): string {
  return markup
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<figure[\s\S]*?<\/figure>/gi, (figure) => /<figcaption>([\s\S]*?)<\/figcaption>/i.exec(figure)?.[1] ?? '')
    .replace(BLOCK_TAG, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10)) : (ENTITIES[e] ?? m),
    )
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`[^`\n]*`/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s*|>+\s*|[-*+]\s+)+/gm, '')
    .replace(/\*\*|__/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '' && !/^[-=*_]{3,}$/.test(line))
    .join('\n');
}

/** A Markdown file's front matter fields (`name: "value"` lines) and its body. */
export function frontMatter(markdown: string): { fields: string; body: string } | undefined {
  const front = /^\uFEFF?---\n([\s\S]*?)\n---\n/.exec(markdown);
  return front ? { fields: front[1], body: markdown.slice(front[0].length) } : undefined;
}
