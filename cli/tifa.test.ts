import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from './tifa';

function run(argv: string[], stdin = Buffer.alloc(0)) {
  let out = '';
  let err = '';
  const io: Io = { readStdin: async () => stdin, out: (t) => (out += t), err: (t) => (err += t) };
  return main(argv, io).then((code) => ({ code, out, err }));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('tifa annotate --json', () => {
  it('prints matches with the text as it stands in the input and offsets into it', async () => {
    const text = '基层反映，政策落实卡在“最後一公裡”，有的地方上有政策，下有對策。';
    const { code, out, err } = await run(['annotate', '--json', file('news.txt', text)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.source).toBe('text');
    const texts = result.matches.map((m: any) => m.text);
    expect(texts).toContain('最後一公裡');
    expect(texts).toContain('上有政策，下有對策');
    for (const m of result.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(result.phrases.find((p: any) => p.simplified === '最后一公里').count).toBe(1);
  });

  it('reads standard input', async () => {
    const { code, out } = await run(['annotate', '--json', '-'], Buffer.from('要把权力关进制度的笼子里。'));
    expect(code).toBe(0);
    expect(JSON.parse(out).matches).toHaveLength(1);
  });

  it('reads the article of an HTML page, and the whole page with --whole-page', async () => {
    const nav = '<nav><ul><li><a href="/">首页</a></li><li><a href="/a">八项规定专题</a></li></ul></nav>';
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>第${i + 1}段：各级干部要坚持从群众最关心的问题抓起，解决好联系服务群众“最后一公里”问题，防止政策始终“走在路上”，切实把工作落到实处，让群众真正得到实惠。</p>`,
    ).join('');
    const html = `<!doctype html><html><head><title>新闻</title></head><body>${nav}<article><h1>解决好最后一公里</h1>${paragraphs}</article><footer>版权所有 八项规定</footer></body></html>`;
    const path = file('page.html', html);
    const article = JSON.parse((await run(['annotate', '--json', path])).out);
    expect(article.source).toBe('article');
    const ids = (r: any) => new Set(r.matches.map((m: any) => m.text));
    expect(ids(article)).not.toContain('八项规定');
    expect(article.matches.length).toBeGreaterThanOrEqual(6);
    const whole = JSON.parse((await run(['annotate', '--json', '--whole-page', path])).out);
    expect(whole.source).toBe('page');
    expect(ids(whole)).toContain('八项规定');
  });

  it('prints a readable report without --json', async () => {
    const { code, out } = await run(['annotate', file('short.txt', '干部要严以律己，严以用权。')]);
    expect(code).toBe(0);
    expect(out).toMatch(/2 phrases, 2 occurrences/);
    expect(out).toMatch(/In the essays \(\d+\):/);
    expect(out).toMatch(/essay \d ¶\d+/);
  });
});

describe('bad input gets one line and a non-zero exit', () => {
  const cases: [string, () => string[], RegExp, number?][] = [
    ['a missing file', () => ['annotate', join(dir, 'nope.txt')], /no such file/],
    [
      'a directory',
      () => {
        const d = join(dir, 'sub');
        mkdirSync(d, { recursive: true });
        return ['annotate', d];
      },
      /is a directory/,
    ],
    ['a binary file', () => ['annotate', file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))], /binary/],
    ['invalid UTF-8', () => ['annotate', file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]))], /not valid UTF-8/],
    ['an empty file', () => ['annotate', file('empty.txt', '')], /is empty/],
    ['white space only', () => ['annotate', file('blank.txt', ' \n\t\n')], /is empty/],
    ['no file argument', () => ['annotate'], /usage/, 2],
    ['an unknown option', () => ['annotate', '--yaml', 'x'], /unknown option --yaml/, 2],
    ['an unknown command', () => ['frobnicate'], /unknown command/, 2],
  ];
  it.each(cases)('%s', async (_name, argv, message, exitCode = 1) => {
    const { code, out, err } = await run(argv());
    expect(code).toBe(exitCode);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe('the tifa bin (as npx tifa runs it)', () => {
  it('annotates a file and fails cleanly on a missing one', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(__dirname, '../bin/tifa.mjs');
    const ok = spawnSync(process.execPath, [bin, 'annotate', '--json', file('bin.txt', '解决好最后一公里。')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).matches[0]).toMatchObject({ text: '最后一公里', start: 3, end: 8 });
    const bad = spawnSync(process.execPath, [bin, 'annotate', join(dir, 'missing.html')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tifa: .*no such file$/)]);
  });
});

describe('tifa annotate --format', () => {
  const text = '各地要打通“最后一公里”，防止上有政策、下有对策；再说一次最后一公里。';
  it('exports Markdown with a footnote per phrase at its first occurrence', async () => {
    const { code, out } = await run(['annotate', '--format', 'md', file('md.txt', text)]);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Annotated text/);
    expect(out.match(/最后一公里\[\^\d\]/g)).toHaveLength(1);
    expect(out).toMatch(/\n\[\^1\]: \*\*/);
    expect(out).toContain('上有政策、下有对策');
  });

  it('exports JSON with offsets, ids and context, and CSV with one row per match', async () => {
    const json = JSON.parse((await run(['annotate', '--format=json', file('j.txt', text)])).out);
    expect(json.matches.length).toBeGreaterThanOrEqual(3);
    for (const m of json.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(json.matches[0]).toHaveProperty('before');
    const csv = (await run(['annotate', '--format', 'csv', file('c.txt', text)])).out.trim().split('\r\n');
    expect(csv[0]).toBe('id,text,start,end,category,simplified,traditional,pinyin,before,after,meaning_en');
    expect(csv).toHaveLength(json.matches.length + 1);
  });

  it('rejects an unknown format and --json with --format', async () => {
    expect((await run(['annotate', '--format', 'xml', 'x'])).code).toBe(2);
    expect((await run(['annotate', '--json', '--format', 'md', 'x'])).code).toBe(2);
  });
});

describe('the article, not the page furniture', () => {
  it('reports the article’s phrases and none of the navigation’s, sidebar’s, comments’ or footer’s', async () => {
    const { FURNITURE_PAGE, ARTICLE_PHRASES, FURNITURE_PHRASES } = await import('../test-support/furniture-page');
    const result = JSON.parse((await run(['annotate', '--json', file('furniture.html', FURNITURE_PAGE)])).out);
    expect(result.source).toBe('article');
    const found = new Set(result.phrases.map((p: any) => p.simplified));
    for (const phrase of ARTICLE_PHRASES) expect(found).toContain(phrase);
    for (const phrase of FURNITURE_PHRASES) expect(found).not.toContain(phrase);
    const whole = JSON.parse((await run(['annotate', '--json', '--whole-page', file('furniture.html', FURNITURE_PAGE)])).out);
    const all = new Set(whole.phrases.map((p: any) => p.simplified));
    for (const phrase of FURNITURE_PHRASES) expect(all).toContain(phrase);
  });
});
