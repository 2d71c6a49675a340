import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildCorpus, rawOffsetOf, type RepairSpec } from './corpus-model';
import { repoPath } from '../../test-support/real-data';

const raw = readFileSync(repoPath('data/corpus/essays-raw.txt'), 'utf8');
const repairs: RepairSpec[] = JSON.parse(readFileSync(repoPath('data/corpus/repairs.json'), 'utf8'));
const { corpus, errors } = buildCorpus(raw, repairs);
const paragraphs = corpus.essays.flatMap((e) => e.paragraphs);

describe('the shipped corpus', () => {
  it('builds without errors into three essays', () => {
    expect(errors).toEqual([]);
    expect(corpus.essays.map((e) => e.marker)).toEqual(['【篇一】', '【篇二】', '【篇三】']);
  });

  it('keeps the raw text byte for byte: every paragraph’s raw text stands at its offset in the file', () => {
    for (const p of paragraphs) expect(raw.slice(p.rawStart, p.rawStart + p.raw.length)).toBe(p.raw);
    // Nothing is lost: apart from markers and paragraph breaks, every raw character is in a paragraph.
    const covered = paragraphs.reduce((n, p) => n + p.raw.length, 0);
    const markers = corpus.essays.reduce((n, e) => n + e.marker.length, 0);
    const breaks = raw.split('\n').length - 1 - repairs.filter((r) => r.kind === 'line-break').length;
    expect(covered + markers + breaks).toBe(raw.length);
  });

  it('marks every repair with its raw text, repaired text and a note', () => {
    const pieces = paragraphs.flatMap((p) => p.pieces).filter((x) => typeof x !== 'string');
    expect(pieces.length).toBeGreaterThan(100);
    for (const piece of pieces) {
      if (typeof piece === 'string') continue;
      expect(piece.note.length).toBeGreaterThan(10);
      expect(piece.raw !== piece.text || piece.kind === 'note').toBe(true);
    }
    const kinds = new Set(pieces.map((p) => (typeof p === 'string' ? '' : p.kind)));
    for (const kind of ['garbled', 'typo', 'punctuation', 'line-break', 'removed-title', 'truncated']) expect(kinds).toContain(kind);
  });

  it('restores the garbled spans and corrects the typos in the repaired reading', () => {
    const text = paragraphs.map((p) => p.text).join('\n');
    for (const typo of ['未位淘汰', '嚴以律已', '鄧小理論', '引火燒傷自身', '切實大通', '權利運行', '倍ズ', '白ザ', ',F在']) {
      expect(text).not.toContain(typo);
    }
    expect(text).toContain('抓而不緊，等于不抓；抓而不實，等于白抓');
    expect(text).toContain('末位淘汰');
    expect(text).toContain('鄧小平理論');
    const uncertain = paragraphs.flatMap((p) => p.pieces).filter((x) => typeof x !== 'string' && x.uncertain);
    expect(uncertain.length).toBeGreaterThan(0);
  });

  it('shows essay 3’s second text as part 2 without renumbering', () => {
    const essay3 = corpus.essays[2].paragraphs;
    const firstOfPart2 = essay3.findIndex((p) => p.part === 2);
    expect(essay3[firstOfPart2].text).toMatch(/^“強化宗旨意識/);
    expect(essay3[firstOfPart2 - 1].part).toBe(1);
    expect(essay3.map((p) => p.number)).toEqual(essay3.map((_, i) => i + 1));
  });

  it('joins lines that the source wrapped inside a word', () => {
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('使鄉鎮干部本地化');
    expect(text).toContain('學習理論的自覺性');
  });
});

describe('rawOffsetOf', () => {
  it('moves with plain text and maps offsets inside a repair to its raw bounds', () => {
    const p = {
      essay: 1,
      number: 1,
      part: 1,
      rawStart: 0,
      pieces: [
        '甲乙',
        { raw: '未位', text: '末位', kind: 'typo' as const, note: 'n', uncertain: false },
        '丙',
        { raw: ',F', text: '。現', kind: 'garbled' as const, note: 'n', uncertain: false },
      ],
      raw: '甲乙未位丙,F',
      text: '甲乙末位丙。現',
    };
    expect(rawOffsetOf(p, 1)).toBe(1);
    expect(rawOffsetOf(p, 2)).toBe(2);
    expect(rawOffsetOf(p, 3, 'start')).toBe(2);
    expect(rawOffsetOf(p, 3, 'end')).toBe(4);
    expect(rawOffsetOf(p, 5)).toBe(5);
    expect(rawOffsetOf(p, 7, 'end')).toBe(7);
  });
  it('rejects a repair that is not found as often as it says', () => {
    const { errors } = buildCorpus('【篇一】甲乙', [{ kind: 'typo', raw: '丙', repaired: '丁', note: 'x' }]);
    expect(errors[0]).toMatch(/found 0 times, expected 1/);
  });
});
