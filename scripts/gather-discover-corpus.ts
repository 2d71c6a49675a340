/**
 * Gathers the real corpus that `tifa discover` is evaluated on (docs/discover.md) as NDJSON lines
 * of {"id","date","source","text"}, the input `tifa discover -` reads.
 *
 * Why a script and not a file: the articles belong to their publishers, so they stay out of this
 * repository. Each source is read at a pinned commit from a local snapshot (scripts/discover/
 * git-snapshot.ts), so every run writes the same lines in the same order. No network access.
 *
 *   npx tsx scripts/gather-discover-corpus.ts [mirror-root] > corpus.ndjson
 *
 * The sources:
 * - duty-machine/chinadigitaltimes: every article (China Digital Times, Simplified: reposted official
 *   texts, censored posts, commentary);
 * - hkarchivist/hkcnews-article-archive: the articles of the China desk (眾新聞中國組) and those tagged
 *   習近平 (Citizen News, Hong Kong, Traditional: reports on the Party-state that quote its wording);
 * - tangyixiao/Shaoxingyizhong: the pages of a secondary school's Party and administration office
 *   (党政办), its study column (学习专栏: Party study material) and its clean-school column (清廉学校:
 *   discipline cases) — official text as a Party branch writes and reposts it (Simplified);
 * - Judenpech/Catching-a-Python: two central documents kept as exercise texts, the 19th Party
 *   Congress report (excerpt) and the 2018 No. 1 document on rural revitalisation.
 * Articles whose text is the same are kept once.
 */
import { createHash } from 'node:crypto';
import { filesContaining, listFiles, readFiles, type Snapshot } from './discover/git-snapshot';
import { frontMatter, markupText } from './discover/markup-text';

const mirrorRoot = process.argv[2] ?? '/work/.mirror';

const CHINA_DIGITAL_TIMES: Snapshot = { repo: 'duty-machine/chinadigitaltimes', commit: '5183a6f43e889137178dead7d1449001ab94fdc0' };
const CITIZEN_NEWS: Snapshot = { repo: 'hkarchivist/hkcnews-article-archive', commit: '635cc02f3c0fcd3d8c829c68cd2fe07f50adfc25' };
const SCHOOL: Snapshot = { repo: 'tangyixiao/Shaoxingyizhong', commit: 'a73197e4a216b404e2b864f258c4c9b653dba4c8' };
const EXERCISES: Snapshot = { repo: 'Judenpech/Catching-a-Python', commit: '1a8495bfc35f4a98d061783c65d84bfe415c3f13' };
/** The school's sections written in the Party-state's register (the page title ends with the section's name). */
const SCHOOL_SECTIONS = ['党政办', '学习专栏', '清廉学校'];

interface Doc {
  id: string;
  date: string;
  source: string;
  text: string;
}

function chinaDigitalTimes(): Doc[] {
  const paths = listFiles(mirrorRoot, CHINA_DIGITAL_TIMES, 'articles/');
  const files = readFiles(mirrorRoot, CHINA_DIGITAL_TIMES, paths);
  return paths.map((path) => {
    // "[title](url)", a rule, "日期：Thu, 02 Jul 2020 …", then the post's HTML.
    const [titleLine, , dateLine, ...body] = files.get(path)!.split('\n');
    const title = /^\[(.*)\]\(/.exec(titleLine)?.[1] ?? '';
    const date = new Date(dateLine.replace(/^日期：/, '')).toISOString().slice(0, 10);
    // The feed's footer (copyright, permalink, tags) is not the article.
    const article = body.join('\n').replace(/<hr \/>\s*<p><small>[\s\S]*$/, '');
    return { id: `cdt-${/articles\/(\d+)_/.exec(path)![1]}`, date, source: 'chinadigitaltimes', text: `${title}\n${markupText(article)}` };
  });
}

function citizenNews(): Doc[] {
  const paths = [
    ...new Set([
      ...filesContaining(mirrorRoot, CITIZEN_NEWS, 'articles', '眾新聞中國組'),
      ...filesContaining(mirrorRoot, CITIZEN_NEWS, 'articles', '  - "習近平"'),
    ]),
  ].sort();
  const files = readFiles(mirrorRoot, CITIZEN_NEWS, paths);
  const docs: Doc[] = [];
  for (const path of paths) {
    const article = frontMatter(files.get(path)!);
    if (!article) continue;
    const field = (name: string) => new RegExp(`^${name}: "(.*)"$`, 'm').exec(article.fields)?.[1] ?? '';
    // The grep found the desk's name or the tag anywhere; only the byline and the tags count.
    if (field('author') !== '眾新聞中國組' && !/^ {2}- "(眾新聞中國組|習近平)"$/m.test(article.fields)) continue;
    docs.push({
      id: `hkcnews-${/article_(\d+)\.md$/.exec(path)![1]}`,
      date: field('date'),
      source: 'hkcnews',
      text: markupText(article.body),
    });
  }
  return docs;
}

function schoolPages(): Doc[] {
  const paths = [
    ...new Set(SCHOOL_SECTIONS.flatMap((section) => filesContaining(mirrorRoot, SCHOOL, 'Item', `--${section}-绍兴市第一中学</title>`))),
  ].sort((a, b) => Number(/(\d+)\.(?:aspx|html)$/.exec(a)![1]) - Number(/(\d+)\.(?:aspx|html)$/.exec(b)![1]));
  const files = readFiles(mirrorRoot, SCHOOL, paths);
  const docs: Doc[] = [];
  for (const path of paths) {
    const html = files.get(path)!;
    // The article is the page's print area, up to the links to the previous and next items.
    const start = html.indexOf('<div class="printArea">');
    const end = html.indexOf('<div class="prev">', start);
    if (start < 0 || end < 0) continue;
    const article = html.slice(start, end).replace(/<div class="property">[\s\S]*?<\/div>/, '');
    const date = /发布时间：(\d{4})年(\d{2})月(\d{2})日/.exec(html);
    docs.push({
      id: `sxyz-${/(\d+)\.(?:aspx|html)$/.exec(path)![1]}`,
      date: date ? `${date[1]}-${date[2]}-${date[3]}` : '',
      source: 'shaoxingyizhong',
      text: markupText(article),
    });
  }
  return docs;
}

function centralDocuments(): Doc[] {
  const documents = [
    { id: 'doc-19th-congress-report', date: '2017-10-18', path: 'Exercises/w7/新时代中国特色社会主义.txt' },
    { id: 'doc-2018-no1-rural-revitalisation', date: '2018-01-02', path: 'Exercises/w7/关于实施乡村振兴战略的意见.txt' },
  ];
  const files = readFiles(
    mirrorRoot,
    EXERCISES,
    documents.map((d) => d.path),
  );
  return documents.map(({ id, date, path }) => ({ id, date, source: 'central-documents', text: files.get(path)!.replace(/^\ufeff/, '') }));
}

const seen = new Set<string>();
let count = 0;
let characters = 0;
for (const doc of [...chinaDigitalTimes(), ...citizenNews(), ...schoolPages(), ...centralDocuments()]) {
  const hash = createHash('sha256').update(doc.text).digest('hex');
  if (seen.has(hash) || doc.text.trim() === '') continue;
  seen.add(hash);
  count++;
  characters += doc.text.length;
  process.stdout.write(`${JSON.stringify(doc)}\n`);
}
process.stderr.write(`${count} documents, ${(characters / 1e6).toFixed(2)} million characters\n`);
