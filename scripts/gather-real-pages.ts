/**
 * Regenerates the real-pages benchmark set (bench/real-pages/manifest.json) as plain text.
 *
 * Why: the set is made of real published Chinese pages (news, discipline reports, recipes, blogs…)
 * whose text belongs to their publishers, so it stays out of this repository. The manifest only
 * says where each page lives in a public GitHub repository (repo, commit, path, how to pick the
 * article out of the file); this script reads it back from local bare snapshots of those
 * repositories and writes one UTF-8 text file per page, paragraphs as lines. No network access.
 *
 *   npx tsx scripts/gather-real-pages.ts [mirror-root] [out-dir]
 *
 * mirror-root (default /work/.mirror) holds one snapshot per repository as `owner+name/repo`
 * (a bare git directory, or a clone whose git directory is `repo/.git`), as the session tool
 * `fetch github:owner/name` lays them out. out-dir defaults to ~/.cache/tifa-lens/real-pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

/** How to pick the article out of the file; absent: the whole file is the page. */
interface Select {
  /** One line (1-based) of a line-per-article file. */
  line?: number;
  /** A range of lines, 1-based and inclusive. */
  lines?: [number, number];
  /** With `line`: the line is JSON, take this field. */
  jsonField?: string;
  /** HTML: the elements holding the article (a selector list; every match, in document order). */
  css?: string;
  /**
   * RSS/Atom feed: the entry (<item>/<entry>) whose <link>, <guid> or <id> is this; the page is its title,
   * then its content:encoded, content or description as HTML (with `css`, only the elements it selects there).
   */
  item?: string;
}

interface Entry {
  id: string;
  domain: 'policy' | 'other';
  script: 'simplified' | 'traditional';
  topic: string;
  title: string;
  repo: string;
  commit: string;
  path: string;
  select: Select | null;
  /** html | markdown | text; default from the file name (.htm/.html/.aspx/.jsp → html, .md → markdown). */
  format?: 'html' | 'markdown' | 'text';
  /** Source encoding when not UTF-8 (a WHATWG label, e.g. gbk). */
  encoding?: string;
  url: string | null;
  published: string | null;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mirrorRoot = process.argv[2] ?? '/work/.mirror';
const outDir = process.argv[3] ?? join(homedir(), '.cache/tifa-lens/real-pages');
const manifest: Entry[] = JSON.parse(readFileSync(join(root, 'bench/real-pages/manifest.json'), 'utf8'));

/** The git directory of owner/name under the mirror root, or null. */
function gitDir(repo: string): string | null {
  const base = join(mirrorRoot, repo.replace('/', '+'));
  for (const dir of [join(base, 'repo/.git'), join(base, 'repo'), base]) {
    if (existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && statSync(dir).isDirectory()) return dir;
  }
  return null;
}

const BLOCK =
  'address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tr|ul';
const BLOCK_TAGS = new Set(BLOCK.split('|').flatMap((t) => (t === 'h[1-6]' ? ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] : [t])));

/** Trim each line, squeeze inner runs of spaces, drop empty lines. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u200b]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Visible text of an HTML document or fragment, one block element's text per line. */
function htmlText(html: string, css?: string): string {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const scopes: Element[] = css ? [...document.querySelectorAll(css)] : [document.body];
  if (!scopes.length) throw new Error(`no element matches ${css}`);
  for (const el of document.querySelectorAll('script, style, noscript, template, iframe, object, svg')) el.remove();
  const parts: string[] = [];
  let cellDepth = 0; // inside a table cell, blocks are separated by spaces so that a row stays one line
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toLowerCase();
      const cell = tag === 'td' || tag === 'th';
      const sep = BLOCK_TAGS.has(tag) ? (cellDepth ? ' ' : '\n') : cell ? ' ' : '';
      if (cell) cellDepth++;
      parts.push(sep);
      for (const child of node.childNodes) walk(child);
      parts.push(sep);
      if (cell) cellDepth--;
    }
  };
  for (const scope of scopes) walk(scope);
  return tidy(parts.join(''));
}

const ENTITIES: Record<string, string> = {
  ...{ nbsp: ' ', ensp: ' ', emsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®' },
  ...{ hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', times: '×' },
};

/** Named, decimal and hexadecimal character references decoded; unknown names left as they are. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10)) : (ENTITIES[e] ?? m),
  );
}

/** The text of an XML element's content: a CDATA section as it is, anything else with its references decoded. */
function xmlValue(content: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(content);
  return cdata ? cdata[1] : decodeEntities(content.trim());
}

/** The entry of an RSS or Atom feed whose link, guid or id is `key`: its title and its body (HTML). */
function feedEntry(xml: string, key: string): { title: string; html: string } {
  const field = (entry: string, tag: string) => {
    const found = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(entry);
    return found ? xmlValue(found[1]) : undefined;
  };
  for (const [, , entry] of xml.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const ids = [...entry.matchAll(/<(link|guid|id)\b[^>]*>([\s\S]*?)<\/\1>|<link\b[^>]*\bhref="([^"]*)"/g)].map((m) =>
      m[3] !== undefined ? decodeEntities(m[3]) : xmlValue(m[2]),
    );
    if (!ids.includes(key)) continue;
    const html = field(entry, 'content:encoded') ?? field(entry, 'content') ?? field(entry, 'description');
    if (html === undefined) throw new Error(`feed entry ${key} has no content or description`);
    return { title: (field(entry, 'title') ?? '').trim().replace(/[ \t\r]*\n[ \t\r]*/g, ' '), html };
  }
  throw new Error(`no feed entry ${key}`);
}

/** Markdown (with front matter, site-generator shortcodes and inline HTML) to plain text; the title from the front matter leads. */
function markdownText(md: string): string {
  const front = /^\uFEFF?---\n([\s\S]*?)\n---\n/.exec(md);
  const title = front ? /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1])?.[1] : undefined;
  const body = tidy(
    md
      .slice(front ? front[0].length : 0)
      .replace(/\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/g, '') // Hugo / Hexo shortcodes
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&(?:#x[0-9a-f]+|#\d+|\w+);/gi, decodeEntities)
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
      .replace(/^\s{0,3}(?:#{1,6}\s*|>+\s*|[-*+]\s+|\d+\.\s+)+/gm, '') // headings, quotes, list markers
      .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '') // table rules, horizontal rules
      .replace(/^-{3,}$|^={3,}$/gm, '')
      .replace(/\\\s*$/gm, '') // hard line breaks
      .replace(/\|/g, ' ')
      .replace(/\*\*|__|`+/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'),
  );
  return title && !body.startsWith(title) ? `${title}\n${body}` : body;
}

function formatOf(entry: Entry): 'html' | 'markdown' | 'text' {
  if (entry.format) return entry.format;
  if (/\.(html?|aspx|jsp|php)$/i.test(entry.path)) return 'html';
  if (/\.md$/i.test(entry.path)) return 'markdown';
  return 'text';
}

function pageText(entry: Entry, raw: Buffer): string {
  let source = new TextDecoder(entry.encoding ?? 'utf-8').decode(raw);
  const select = entry.select ?? {};
  if (select.line !== undefined || select.lines) {
    const lines = source.split(/\r?\n/);
    const [from, to] = select.lines ?? [select.line as number, select.line as number];
    if (from < 1 || to > lines.length || from > to) throw new Error(`lines ${from}-${to} outside the file (${lines.length} lines)`);
    source = lines.slice(from - 1, to).join('\n');
  }
  if (select.jsonField) source = String(JSON.parse(source)[select.jsonField] ?? '');
  if (select.item !== undefined) {
    const { title, html } = feedEntry(source, select.item);
    const body = htmlText(html, select.css);
    return title && !body.startsWith(title) ? `${title}\n${body}` : body;
  }
  const format = formatOf(entry);
  if (format === 'html') return htmlText(source, select.css);
  if (format === 'markdown') return markdownText(source);
  return tidy(source);
}

mkdirSync(outDir, { recursive: true });
const missing = new Set<string>();
let failed = 0;
for (const entry of manifest) {
  const dir = gitDir(entry.repo);
  if (!dir) {
    missing.add(entry.repo);
    console.log(`MISSING ${entry.id}: no snapshot of ${entry.repo} under ${mirrorRoot}`);
    failed++;
    continue;
  }
  try {
    const raw = execFileSync('git', ['--git-dir', dir, 'show', `${entry.commit}:${entry.path}`], { maxBuffer: 256 << 20 });
    const text = pageText(entry, raw);
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han < 300) throw new Error(`only ${han} Chinese characters`);
    writeFileSync(join(outDir, `${entry.id}.txt`), `${text}\n`);
    console.log(
      `ok ${entry.id.padEnd(28)} ${entry.domain.padEnd(6)} ${entry.script.padEnd(11)} ${String(han).padStart(6)} 字  ${entry.title}`,
    );
  } catch (error) {
    failed++;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`FAIL ${entry.id}: ${entry.repo} ${entry.commit.slice(0, 10)}:${entry.path}: ${message}`);
  }
}
if (missing.size) {
  console.error(`\nFetch the missing snapshots first (session tool), then run again:`);
  for (const repo of missing) console.error(`  fetch github:${repo}`);
}
console.log(`\n${manifest.length - failed}/${manifest.length} pages written to ${outDir}`);
process.exit(failed ? 1 : 0);
