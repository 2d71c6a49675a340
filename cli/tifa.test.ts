import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPTIONS } from './annotate';
import { main, type Io } from './tifa';
import type { CompiledGlossary } from '../utils/core/compiled-data';

function run(argv: string[], stdin: Buffer = Buffer.alloc(0)) {
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
    expect(out).toMatch(
      /^2 phrases, 2 occurrences in the text \(13 characters; key phrases, and set formulas where the text is about policy; --all adds everyday vocabulary\)\n/,
    );
    expect(out).toMatch(/In the essays \(\d+\):/);
    expect(out).toMatch(/essay \d ¶\d+/);
  });

  it('counts in the singular and the plural', async () => {
    const one = (await run(['annotate', file('one.txt', '解决好最后一公里。')])).out;
    expect(one).toMatch(/^1 phrase, 1 occurrence in the text \(9 characters;/);
    const three = (await run(['annotate', file('three.txt', '最后一公里，又是最后一公里；严以律己。')])).out;
    expect(three).toMatch(/^2 phrases, 3 occurrences in the text/);
    const md = (await run(['annotate', '--format', 'md', file('one.md.txt', '解决好最后一公里。')])).out;
    expect(md).toContain('\n*1 phrase, 1 occurrence — annotated by Tifa Lens.*');
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
    ['an unknown short option', () => ['annotate', '-x', 'x'], /unknown option -x;/, 2],
    ['an unknown short option before the command', () => ['-x'], /unknown option -x;/, 2],
    ['an unknown long option before the command', () => ['--yaml'], /unknown option --yaml;/, 2],
    ['a value given to a flag', () => ['annotate', '--json=yes', 'x'], /--json takes no value/, 2],
    ['--encoding without a label', () => ['annotate', 'x', '--encoding'], /--encoding takes an encoding label/, 2],
    ['an unknown encoding', () => ['annotate', '--encoding', 'klingon', 'x'], /unknown encoding "klingon"/, 2],
    [
      'an even-length binary file',
      () => ['annotate', file('bin.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xcb, 0x48, 0xcd, 0xc9]))],
      /binary/,
    ],
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
    expect(out).toMatch(/\n\[\^1\]: \*\*最后一公里 \/ 最後一公里\*\* \([^;]+; [^;]+; key phrase; ×2\)/);
    expect(out).toContain('上有政策、下有对策');
  });

  it('exports JSON with offsets, ids and context, and CSV with one row per match', async () => {
    const json = JSON.parse((await run(['annotate', '--format=json', file('j.txt', text)])).out);
    expect(json.matches.length).toBeGreaterThanOrEqual(3);
    for (const m of json.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(json.matches[0]).toHaveProperty('before');
    const csvOut = (await run(['annotate', '--format', 'csv', file('c.txt', text)])).out;
    expect(csvOut.startsWith('\uFEFF')).toBe(true);
    const csv = csvOut.slice(1).trim().split('\r\n');
    expect(csv[0]).toBe(
      'id,text,start,end,category,tier,simplified,traditional,pinyin,before,after,meaning_en,official_en,official_en_source',
    );
    expect(csv).toHaveLength(json.matches.length + 1);
    for (const row of csv.slice(1)) expect(row).toMatch(/^[^,]+,[^,]+,\d+,\d+,[^,]+,key,/);
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

describe('help and version', () => {
  const help = (argv: string[]) => run(argv);

  it.each([[['--help']], [['-h']], [['help']], [['annotate', '--help']], [['annotate', '-h']], [['annotate', 'page.html', '--help']]])(
    'tifa %s prints the usage and exits 0',
    async (argv) => {
      const { code, out, err } = await help(argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(/^usage: tifa annotate \[options\] FILE\|-\n/);
    },
  );

  it('explains every option, one line each', async () => {
    const { out } = await help(['--help']);
    const lines = out.split('\n');
    const flags = OPTIONS.flatMap((o) => [o.flag, ...(o.short ? [o.short] : [])]);
    expect(flags.sort()).toEqual(
      ['--all', '--encoding', '--format', '--help', '--json', '--key-only', '--level', '--version', '--whole-page', '-V', '-h'].sort(),
    );
    for (const option of OPTIONS) {
      const described = lines.filter((line) => line.includes(option.flag));
      expect(described, option.flag).toHaveLength(1);
      expect(described[0]).toMatch(new RegExp(`^ {2}(${option.short}, )? *${option.flag}( \\S+)? {2,}\\S.{10,}$`));
      expect(described[0]).toContain(option.help);
    }
  });

  it('lists the commands, each of which prints its own help', async () => {
    const { out } = await help(['--help']);
    for (const command of ['annotate', 'corpus', 'stats', 'discover']) expect(out).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
    for (const command of ['corpus', 'stats'])
      expect((await help([command, '--help'])).out).toMatch(new RegExp(`^usage: tifa ${command} `));
  });

  it.each([[['--version']], [['-V']], [['annotate', '--version']]])('tifa %s prints the version from package.json', async (argv) => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const { code, out, err } = await help(argv);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(`tifa ${version}\n`);
  });
});

describe('the highlight levels: key, context (the default), all', () => {
  const glossary: CompiledGlossary = JSON.parse(readFileSync(join(__dirname, '../generated/glossary.json'), 'utf8'));
  const tierOf = new Map(glossary.entries.map((e) => [e.id, e.tier]));
  const ofTier = (tier: string) => glossary.entries.filter((e) => e.tier === tier && !e.quotedOnly);
  const formulas = ofTier('formula')
    .filter((e) => e.category === 'idiom')
    .slice(0, 6);
  const vocabulary = ofTier('vocabulary').slice(0, 6);
  // No key phrase and no policy cue: formulas here are everyday idioms.
  const everyday = `${formulas.map((e) => e.simplified).join('。\n\n')}。\n\n${vocabulary.map((e) => e.simplified).join('。\n\n')}。`;
  // The same text on a policy page.
  const policy = `县委要求解决好最后一公里。\n\n${everyday}`;
  const tiers = (annotation: { phrases: { tier: string }[] }) => new Set(annotation.phrases.map((p) => p.tier));

  it('by default: key phrases everywhere, formulas only where the text is about policy, no vocabulary', async () => {
    expect(formulas.length).toBe(6);
    const onPolicy = JSON.parse((await run(['annotate', '--json', file('policy.txt', policy)])).out);
    expect(tiers(onPolicy)).toEqual(new Set(['key', 'formula']));
    expect(onPolicy.phrases.filter((p: any) => p.tier === 'formula')).toHaveLength(formulas.length);
    const elsewhere = JSON.parse((await run(['annotate', '--json', file('everyday.txt', everyday)])).out);
    expect(elsewhere.phrases).toEqual([]);
    for (const p of onPolicy.phrases) expect(p.tier).toBe(tierOf.get(p.id));
  });

  it('--key-only, --level and --all', async () => {
    const path = file('levels.txt', policy);
    const key = JSON.parse((await run(['annotate', '--json', '--key-only', path])).out);
    expect(tiers(key)).toEqual(new Set(['key']));
    expect(JSON.parse((await run(['annotate', '--json', '--level', 'key', path])).out)).toEqual(key);
    const all = JSON.parse((await run(['annotate', '--json', '--all', path])).out);
    expect(tiers(all)).toEqual(new Set(['key', 'formula', 'vocabulary']));
    expect(JSON.parse((await run(['annotate', '--json', '--level=all', path])).out)).toEqual(all);
    // Everything means everything, whatever the page is about.
    const everydayAll = JSON.parse((await run(['annotate', '--json', '--all', file('everyday-all.txt', everyday)])).out);
    expect(everydayAll.phrases.length).toBe(formulas.length + vocabulary.length);
    const bad = await run(['annotate', '--level', 'some', path]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--level takes key, context or all/);
  });

  it('says the tier on every phrase row of the report and the exports', async () => {
    const path = file('tier-rows.txt', policy);
    const report = (await run(['annotate', '--all', path])).out;
    expect(report).toMatch(/every phrase of the glossary, everyday vocabulary too\)\n/);
    const rows = report.split('\n').filter((line) => / ×\d+ {2}\[/.test(line));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toMatch(/ · (key phrase|set formula|vocabulary)\] /);
    expect(rows.some((row) => row.includes(' · vocabulary] '))).toBe(true);
    const md = (await run(['annotate', '--all', '--format', 'md', path])).out;
    const notes = md.split('\n').filter((line) => line.startsWith('[^'));
    expect(notes.length).toBe(rows.length);
    for (const note of notes) expect(note).toMatch(/; (key phrase|set formula|vocabulary); ×\d+\)/);
    const csv = (await run(['annotate', '--all', '--format', 'csv', path])).out.slice(1).trim().split('\r\n');
    for (const row of csv.slice(1)) expect(row.split(',')[5]).toMatch(/^(key|formula|vocabulary)$/);
  });
});

/** Bytes from ASCII strings and byte lists. */
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** Known encodings of a few strings, checked against TextDecoder below so a typo here cannot pass for a bug. */
const ENCODED: Record<string, Record<string, number[]>> = {
  gbk: {
    解决好: [0xbd, 0xe2, 0xbe, 0xf6, 0xba, 0xc3],
    最后一公里: [0xd7, 0xee, 0xba, 0xf3, 0xd2, 0xbb, 0xb9, 0xab, 0xc0, 0xef],
    '。': [0xa1, 0xa3],
  },
  big5: {
    解決好: [0xb8, 0xd1, 0xa8, 0x4d, 0xa6, 0x6e],
    最後一公里: [0xb3, 0xcc, 0xab, 0xe1, 0xa4, 0x40, 0xa4, 0xbd, 0xa8, 0xbd],
    '。': [0xa1, 0x43],
  },
  gb18030: { 𠀀: [0x95, 0x32, 0x82, 0x36] },
};
const gbk = [...ENCODED.gbk.解决好, ...ENCODED.gbk.最后一公里, ...ENCODED.gbk['。']];
const big5 = [...ENCODED.big5.解決好, ...ENCODED.big5.最後一公里, ...ENCODED.big5['。']];
const page = (head: string, body: (string | number[])[]) =>
  bytes(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`, ...body, '</p></body></html>');
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : le.swap16();
};
const HTML = '<!doctype html><html><head><title>t</title></head><body><p>解决好最后一公里。</p></body></html>';

describe('encodings', () => {
  it('has byte tables that TextDecoder agrees with', () => {
    for (const [encoding, table] of Object.entries(ENCODED)) {
      for (const [text, sequence] of Object.entries(table)) expect(new TextDecoder(encoding).decode(Uint8Array.from(sequence))).toBe(text);
    }
  });

  const reads = async (argv: string[], expected: string, stdin?: Buffer) => {
    const { code, out, err } = await run(['annotate', '--json', ...argv], stdin);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.text).toContain(expected);
    expect(result.matches.map((m: any) => m.id)).toContain('zuihou-yigongli');
    for (const m of result.matches) expect(result.text.slice(m.start, m.end)).toBe(m.text);
  };

  it.each([
    ['<meta charset="gbk">', '<meta charset="gbk">'],
    ['<meta charset=GB2312>', '<meta charset=GB2312>'],
    ['http-equiv Content-Type', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    ['http-equiv, attributes reversed', "<meta content='text/html;charset=GBK' http-equiv='content-type'>"],
  ])('reads a GBK page by its %s', async (_name, meta) => {
    await reads([file('gbk.html', page(meta, [gbk]))], '解决好最后一公里。');
  });

  it('reads GB18030’s four-byte characters, in a page labelled GB18030 or GBK (as browsers do)', async () => {
    for (const label of ['gb18030', 'gbk']) {
      await reads([file(`${label}.html`, page(`<meta charset="${label}">`, [ENCODED.gb18030.𠀀, gbk]))], '𠀀解决好最后一公里。');
    }
  });

  it('reads Big5 with --encoding, in either spelling, from a file or standard input', async () => {
    const path = file('big5.txt', bytes(big5));
    await reads(['--encoding', 'big5', path], '解決好最後一公里。');
    await reads([`--encoding=BIG5`, path], '解決好最後一公里。');
    await reads(['--encoding', 'big5', '-'], '解決好最後一公里。', bytes(big5));
  });

  it('lets --encoding override the page’s <meta>, and ignores a <meta> past the first 4 KB', async () => {
    const lying = file('lying.html', page('<meta charset="utf-8">', [gbk]));
    expect((await run(['annotate', lying])).err).toMatch(/not valid UTF-8/);
    await reads(['--encoding', 'gbk', lying], '解决好最后一公里。');
    const late = file('late.html', page(`<!-- ${'x'.repeat(4096)} --><meta charset="gbk">`, [gbk]));
    expect((await run(['annotate', late])).err).toMatch(/not valid UTF-8/);
    const commented = file('commented.html', page('<!-- <meta charset="big5"> --><meta charset="gbk">', [gbk]));
    await reads([commented], '解决好最后一公里。');
  });

  it.each([
    ['UTF-8 with a BOM', () => bytes([0xef, 0xbb, 0xbf], Buffer.from(HTML, 'utf8').toString('latin1'))],
    ['UTF-16LE with a BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(HTML, 'le')])],
    ['UTF-16BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(HTML, 'be')])],
    ['UTF-16LE without a BOM', () => utf16(HTML, 'le')],
    ['UTF-16BE without a BOM', () => utf16(HTML, 'be')],
  ])('reads %s, not as binary', async (_name, content) => {
    await reads([file('utf.html', content())], '解决好最后一公里。');
  });

  it('lets a byte order mark win over --encoding and the <meta>', async () => {
    const marked = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(HTML.replace('<title>', '<meta charset="gbk"><title>'), 'le')]);
    await reads(['--encoding', 'big5', file('marked.html', marked)], '解决好最后一公里。');
  });

  it.each([
    [
      'GBK named by its <meta>',
      () => ['annotate', file('bad-gbk.html', page('<meta charset="gbk">', [gbk, [0x81, 0x20]]))],
      /is not valid GBK \(.*<meta>.*\); try --encoding/,
    ],
    [
      'Big5 named by --encoding',
      () => ['annotate', '--encoding', 'big5', file('bad-big5.txt', bytes(big5, [0xa1, 0x30]))],
      /is not valid Big5 .*--encoding/,
    ],
    // Node's own Big5 decoder drops this byte silently, even when fatal.
    [
      'Big5 (a byte Big5 never uses)',
      () => ['annotate', '--encoding', 'big5', file('bad-big5-ff.txt', bytes(big5, 'x', [0xff], 'y'))],
      /is not valid Big5/,
    ],
    ['UTF-8, the default', () => ['annotate', file('gbk.txt', bytes(gbk))], /gbk\.txt: is not valid UTF-8; try --encoding/],
  ])('names the encoding when the bytes are not valid %s', async (_name, argv, message) => {
    const { code, out, err } = await run(argv());
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

/** Runs a shell command line; $0, $1 … are `args`, so paths need no quoting. */
function shell(script: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
}

describe('a reader that closes the pipe early (tifa annotate … | head -1)', () => {
  const glossary: CompiledGlossary = JSON.parse(readFileSync(join(__dirname, '../generated/glossary.json'), 'utf8'));
  const everyPhrase = glossary.entries.map((e) => e.simplified).join('。\n\n');

  it.each([
    ['the report', ['--all'], 1],
    ['JSON', ['--json'], 20],
  ])('ends %s quietly, with success', { timeout: 120_000 }, async (_name, flags, repeats) => {
    const path = file(`long-${flags[0]}.txt`, `${everyPhrase}\n\n`.repeat(repeats));
    // Output shorter than the pipe's buffer is all written before the reader closes it: no test then.
    expect((await run(['annotate', ...flags, path])).out.length).toBeGreaterThan(128 * 1024);
    const status = join(dir, 'status');
    for (let attempt = 0; attempt < 3; attempt++) {
      writeFileSync(status, '');
      const { stdout, stderr } = await shell(`{ "$0" "$1" annotate ${flags.join(' ')} "$2"; echo $? > "$3"; } | head -1`, [
        process.execPath,
        join(__dirname, '../bin/tifa.mjs'),
        path,
        status,
      ]);
      expect(stderr).toBe('');
      expect(stdout.split('\n')).toHaveLength(2);
      expect(readFileSync(status, 'utf8').trim()).toBe('0');
    }
  });
});
