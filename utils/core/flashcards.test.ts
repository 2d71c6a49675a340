import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import type { CompiledEntry } from './compiled-data';
import { flashcardBack, flashcardFront, flashcardsFileName, flashcardsTsv } from './flashcards';

let entry: CompiledEntry;
beforeAll(async () => {
  const data = await loadRealData();
  entry = data.glossary.entries.find((e) => e.id === 'zuihou-yigongli')!;
});

describe('Anki flashcards', () => {
  it('put the phrase in both scripts and its pinyin on the front', () => {
    expect(flashcardFront(entry)).toBe(
      `<span class="phrase">最后一公里 / 最後一公里</span><br><span class="pinyin">${entry.pinyin}</span>`,
    );
  });

  it('put both meanings and the first essay line, phrase marked, on the back', () => {
    const back = flashcardBack(entry);
    const first = entry.occurrences[0];
    expect(back.startsWith(`${entry.meaningEn}<br>${entry.meaningZh}`)).toBe(true);
    expect(back).toContain(`Essay ${first.essay} ¶${first.paragraph}: …`);
    expect(back).toContain(`<b>${first.text}</b>`);
  });

  it('put the lead English rendering, escaped, with who gives it, on the back', () => {
    const back = flashcardBack({
      ...entry,
      english: {
        renderings: [
          {
            text: 'the <last> mile',
            kind: 'state-media',
            source: { publisher: 'China Daily', title: 't', year: 2016, locator: 'http://x.org' },
          },
        ],
        searched: 'x',
      },
    });
    expect(back).toContain('<i>“the &lt;last&gt; mile”</i> <small>(state-media: China Daily 2016)</small>');
  });

  it('make a file Anki imports: header lines, three tab-separated fields a row, nothing unescaped', () => {
    const hostile = { ...entry, meaningEn: 'a <script>\tb\nc & d', occurrences: [] };
    const tsv = flashcardsTsv([entry, hostile]);
    const lines = tsv.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3']);
    expect(lines).toHaveLength(6);
    for (const row of lines.slice(4)) expect(row.split('\t')).toHaveLength(3);
    expect(lines[5]).toContain('a &lt;script&gt; b<br>c &amp; d');
    expect(lines[4].split('\t')[2]).toBe(`tifa-lens ${entry.category} ${entry.tier}`);
  });

  it('are named by what they hold and the day', () => {
    expect(flashcardsFileName('on-page', new Date('2026-12-01T10:00:00Z'))).toBe('tifa-lens-on-page-2026-12-01.tsv');
  });
});
