import phrases from '../../../generated/phrases.json';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompiledPhrases } from '../../core/compiled-data';
import { createPhraseMatcher } from '../../core/phrase-matcher';
import type { HighlightPainter } from '../highlight-painter';
import { type CollectOptions, iterateBlocks } from '../page-text';
import { type BlockRecord, MatchIndex } from './match-index';
import { type FollowerHost, MutationFollower } from './mutation-follower';
import { type Block, PageReader } from './page-reader';

const matcher = createPhraseMatcher(phrases as unknown as CompiledPhrases);

let follower: MutationFollower | undefined;
afterEach(() => {
  follower?.stop();
  follower = undefined;
  document.body.replaceChildren();
});

/** A follower with the index and reader it works with, and a host that keeps a log. */
function follow(html: string, { active = true, isOwnUi }: { active?: boolean; isOwnUi?: (e: Element) => boolean } = {}) {
  document.body.innerHTML = html; // test fixture markup
  const index = new MatchIndex();
  const reader = new PageReader({ matcher: () => matcher, onPolicy: () => {} });
  const log: string[] = [];
  const painter: HighlightPainter = {
    add: () => {},
    remove: () => {},
    flush: () => {},
    hide: () => log.push('hide'),
    show: () => log.push('show'),
    clear: () => {},
  };
  const add = (block: Block): BlockRecord | undefined => {
    const { matches, covered } = reader.matchesOf(block);
    if (matches.length === 0) return undefined;
    const record: BlockRecord = { matches, covered, element: block.nodes[0].parentElement!, shown: new Set(), visible: false };
    index.add(record);
    return record;
  };
  const state = { running: true, active, updates: 0 };
  const host: FollowerHost = {
    isRunning: () => state.running,
    isActive: () => state.active,
    activate: () => {
      state.active = true;
      log.push('activate');
    },
    scanning: Promise.resolve(),
    add,
    remove: (record) => {
      index.remove(record);
      log.push(`remove ${record.matches[0].id}`);
    },
    updated: () => state.updates++,
  };
  const collect: CollectOptions = { shadowRoots: true, skip: isOwnUi };
  follower = new MutationFollower(document, collect, { painter, index, reader, scheduleFrame: () => {}, isOwnUi }, host);
  follower.start();
  if (active) for (const block of iterateBlocks(document.body, collect)) add(block);
  const ids = () => index.inOrder().map((m) => m.id);
  const nextUpdate = async () => {
    const before = state.updates;
    await expect.poll(() => state.updates).toBeGreaterThan(before);
    await host.scanning;
  };
  return { index, log, state, host, ids, nextUpdate };
}

describe('following a page without Chinese yet', () => {
  it('activates once Chinese text arrives, and only then', async () => {
    const { log } = follow('<p>Hello</p>', { active: false });
    document.body.append(document.createElement('p'));
    document.querySelector('p')!.textContent = 'Still English';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual([]);
    document.querySelector('p')!.append('最后一公里');
    await expect.poll(() => log).toEqual(['activate']);
  });
});

describe('following changes', () => {
  it('re-reads what changed, in one batch: new text is read, changed text loses its matches', async () => {
    const { ids, nextUpdate } = follow('<p id="a">干部要严以律己</p><p id="b">其他</p>');
    expect(ids()).toEqual(['yan-yi-lv-ji']);
    document.getElementById('a')!.firstChild!.textContent = '今天天气很好';
    document.getElementById('b')!.append('，落实八项规定');
    await nextUpdate();
    expect(ids()).toEqual(['baxiang-guiding']);
  });

  it('lets removed text take its own matches with it', async () => {
    const { ids, log, nextUpdate } = follow('<p id="a">民主集中制</p><p>八项规定</p>');
    document.getElementById('a')!.remove();
    await nextUpdate();
    expect(log).toEqual(['remove minzhu-jizhongzhi']);
    expect(ids()).toEqual(['baxiang-guiding']);
  });

  it('keeps a block whose matches did not change', async () => {
    const { index, nextUpdate } = follow('<p id="a">民主集中制，其他</p>');
    const [before] = index.inOrder();
    (document.getElementById('a')!.firstChild as Text).appendData('。');
    await nextUpdate();
    expect(index.inOrder()[0]).toBe(before);
  });

  it('ignores changes inside our own UI', async () => {
    const { ids, state } = follow('<div data-own><p>其他</p></div>', { isOwnUi: (e) => e.hasAttribute('data-own') });
    document.querySelector('p')!.textContent = '民主集中制';
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(state.updates).toBe(0);
    expect(ids()).toEqual([]);
  });
});

describe('pausing around a conversion', () => {
  it('hides the highlights, ignores changes meanwhile, and re-reads the page once on resume', async () => {
    const { ids, log, state, nextUpdate } = follow('<p id="a">民主集中制</p>');
    follower!.pause();
    // A conversion rewrites text nodes in place.
    (document.getElementById('a')!.firstChild as Text).data = '八项规定';
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(state.updates).toBe(0);
    expect(log).toEqual(['hide']);
    follower!.resume();
    await nextUpdate();
    expect(ids()).toEqual(['baxiang-guiding']);
    expect(log.at(-1)).toBe('show');
  });
});

describe('shadow roots', () => {
  it('reads a root it is told about, and watches it', async () => {
    const { ids, nextUpdate } = follow('<div id="host"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>民主集中制</p>';
    follower!.addShadowRoot(root);
    await nextUpdate();
    expect(ids()).toEqual(['minzhu-jizhongzhi']);
    expect(follower!.shadowRoots).toEqual([root]);
    root.querySelector('p')!.append('，八项规定');
    await nextUpdate();
    expect(ids()).toEqual(['minzhu-jizhongzhi', 'baxiang-guiding']);
  });
});
