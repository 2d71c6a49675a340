import phrases from '../../../generated/phrases.json';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledPhrases } from '../../core/compiled-data';
import { createPhraseMatcher } from '../../core/phrase-matcher';
import type { HighlightLevel } from '../../core/policy-context';
import { collectBlocks, iterateBlocks } from '../page-text';
import type { BlockRecord } from './match-index';
import { type Block, type FirstPassSink, PageReader } from './page-reader';

const matcher = createPhraseMatcher(phrases as unknown as CompiledPhrases);

function page(html: string): HTMLElement {
  document.body.innerHTML = html; // test fixture markup
  return document.body;
}

function reader(level?: HighlightLevel, inScope?: (owner: Node) => boolean) {
  const onPolicy = vi.fn();
  const make = vi.fn(() => (level ? matcher.forLevel(level) : matcher));
  return { reader: new PageReader({ matcher: make, level, inScope, onPolicy }), onPolicy, make };
}

const blocks = (root: Node) => [...iterateBlocks(root)];

/** The text of a match, read from its nodes. */
function textOf(m: { startNode: Text; startOffset: number; endNode: Text; endOffset: number }): string {
  const range = document.createRange();
  range.setStart(m.startNode, m.startOffset);
  range.setEnd(m.endNode, m.endOffset);
  return range.toString();
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('reading a block', () => {
  it('puts each match on the text nodes it spans, and indexes only the nodes matches cover', () => {
    const body = page('<p>前言<i>无关</i>解决<b>最后</b>一公裡的问题</p>');
    const { reader: r } = reader();
    const [block] = blocks(body);
    const { matches, covered } = r.matchesOf(block);
    expect(matches.map((m) => [m.id, textOf(m)])).toEqual([['zuihou-yigongli', '最后一公裡']]);
    // Not 前言, 无关 or 解决, which no match covers.
    expect(covered.map((t) => t.data)).toEqual(['最后', '一公裡的问题']);
  });

  it('marks a match between quotation marks', () => {
    const { reader: r } = reader('all');
    const [block] = blocks(page('<p>搞“一团和气”，一团和气。</p>'));
    expect(r.matchesOf(block).matches.map((m) => m.quoted)).toEqual([true, false]);
  });

  it('reads nothing out of scope, and never decodes the matcher for it', () => {
    const { reader: r, make } = reader(undefined, () => false);
    const [block] = blocks(page('<p>民主集中制</p>'));
    expect(r.matchesOf(block)).toEqual({ matches: [], covered: [] });
    expect(make).not.toHaveBeenCalled();
  });

  it('tells whether a block would give the same matches on the same nodes', () => {
    const body = page('<p>民主集中制</p>');
    const { reader: r } = reader();
    const [block] = blocks(body);
    const { matches, covered } = r.matchesOf(block);
    const record: BlockRecord = { matches, covered, element: body.firstElementChild!, shown: new Set(), visible: false };
    expect(r.sameMatches(blocks(body)[0], record)).toBe(true);
    (body.firstElementChild!.firstChild as Text).data = '坚持民主集中制';
    expect(r.sameMatches(blocks(body)[0], record)).toBe(false);
  });
});

describe('holding set formulas back until the page is about policy', () => {
  it('holds them at the default level, and releases them once, with the block that brings evidence', () => {
    const body = page('<p>检查形同虚设。</p><p>县纪委通报违反八项规定问题。</p><p>又是形同虚设。</p>');
    const { reader: r, onPolicy } = reader('context');
    const [sport, policy, more] = blocks(body);
    const [formula] = r.matchesOf(sport).matches;
    expect(r.holdsBack).toBe(true);
    expect(r.shows(formula)).toBe(false);
    expect(onPolicy).not.toHaveBeenCalled();
    r.matchesOf(policy);
    expect(onPolicy).toHaveBeenCalledTimes(1);
    expect(r.holdsBack).toBe(false);
    expect(r.shows(formula)).toBe(true);
    r.matchesOf(more);
    expect(onPolicy).toHaveBeenCalledTimes(1);
  });

  it('shows a quoted formula on any page, and holds nothing back without a level', () => {
    const body = page('<p>搞“一团和气”，一团和气。</p>');
    const gated = reader('context').reader;
    const [quoted, plain] = gated.matchesOf(blocks(body)[0]).matches;
    expect([gated.shows(quoted), gated.shows(plain)]).toEqual([true, false]);
    const open = reader().reader;
    open.matchesOf(blocks(body)[0]);
    expect(open.holdsBack).toBe(false);
  });

  it('releases them when the page says it is policy text from text not read here (a PDF’s other pages), before reading or after', () => {
    const after = reader('context');
    const [formula] = after.reader.matchesOf(blocks(page('<p>检查形同虚设。</p>'))[0]).matches;
    expect(after.reader.shows(formula)).toBe(false);
    after.reader.declarePolicy();
    expect(after.onPolicy).toHaveBeenCalledTimes(1);
    expect(after.reader.shows(formula)).toBe(true);

    const before = reader('context');
    before.reader.declarePolicy();
    expect(before.onPolicy).not.toHaveBeenCalled();
    const [early] = before.reader.matchesOf(blocks(page('<p>检查形同虚设。</p>'))[0]).matches;
    expect(before.reader.holdsBack).toBe(false);
    expect(before.reader.shows(early)).toBe(true);
  });

  it('forgets the evidence when told to', () => {
    const { reader: r } = reader('context');
    r.matchesOf(blocks(page('<p>县纪委通报违反八项规定问题。</p>'))[0]);
    expect(r.holdsBack).toBe(false);
    r.forgetContext();
    r.matchesOf(blocks(page('<p>形同虚设</p>'))[0]);
    expect(r.holdsBack).toBe(true);
  });
});

describe('the first pass', () => {
  function sink(running = () => true) {
    const added: string[] = [];
    const provisional: BlockRecord[] = [];
    let flushes = 0;
    const r = reader().reader;
    const s: FirstPassSink = {
      isRunning: running,
      add: (block: Block) => {
        added.push(block.text);
        const { matches, covered } = r.matchesOf(block);
        return matches.length ? { matches, covered, element: block.nodes[0].parentElement!, shown: new Set(), visible: false } : undefined;
      },
      showProvisionally: (record) => provisional.push(record),
      flushProvisional: () => flushes++,
    };
    return { r, s, added, provisional, flushes: () => flushes };
  }

  it('reads every block in document order, offers each record for provisional registration, and flushes at the end', async () => {
    const body = page('<p>民主集中制</p><div>其他</div><p>八项规定</p>');
    const { r, s, added, provisional, flushes } = sink();
    const work = await r.firstPass(body, {}, s);
    expect(added).toEqual(collectBlocks(body).map((b) => b.text));
    expect(provisional.map((p) => p.matches[0].id)).toEqual(['minzhu-jizhongzhi', 'baxiang-guiding']);
    expect(flushes()).toBeGreaterThanOrEqual(1);
    expect(work).toBeGreaterThanOrEqual(0);
  });

  it('ends without a result when the highlighter stops meanwhile', async () => {
    const body = page('<p>民主集中制</p><p>八项规定</p>');
    let calls = 0;
    const { r, s, added } = sink(() => ++calls < 2);
    expect(await r.firstPass(body, {}, s)).toBeUndefined();
    expect(added).toEqual(['民主集中制']);
  });
});
