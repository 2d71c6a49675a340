import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { loadRealData } from '../test-support/real-data';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { createLookupIndex, type LookupIndex } from '../utils/core/lookup';
import type { CompiledEntry } from '../utils/core/compiled-data';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '../utils/core/settings-schema';
import { LanguageProvider } from './Language';
import { LookupPanel } from './LookupPanel';
import { OnThisPage } from './OnThisPage';
import { Concordance, sortOccurrences } from './Concordance';
import { OptionsForm } from './OptionsForm';
import { PhraseCard } from './PhraseCard';
import { ScriptControls } from './ScriptControls';

let entries: CompiledEntry[];
let byId: Map<string, CompiledEntry>;
let lookup: LookupIndex;
const essayLink = () => '#';

beforeAll(async () => {
  const data = await loadRealData();
  entries = data.glossary.entries;
  byId = new Map(entries.map((e) => [e.id, e]));
  lookup = createLookupIndex(entries, createPhraseMatcher(data.phrases).key);
});
beforeEach(() => cleanup());

describe('LookupPanel', () => {
  it('finds entries as the user types, in any script, by pinyin or English', () => {
    render(
      <LanguageProvider language="en">
        <LookupPanel lookup={lookup} essayLink={essayLink} />
      </LanguageProvider>,
    );
    const box = screen.getByRole('searchbox', { name: 'Look up' });
    for (const query of ['最後一公裡', 'zuihou yigongli', 'last kilometre']) {
      fireEvent.input(box, { target: { value: query } });
      expect(screen.getAllByRole('listitem').some((li) => li.textContent?.includes('最后一公里'))).toBe(true);
    }
    fireEvent.input(box, { target: { value: 'xyzzy' } });
    expect(screen.getByText('No entry found.')).toBeTruthy();
  });

  it('speaks Traditional Chinese when asked', () => {
    render(
      <LanguageProvider language="zh_TW">
        <LookupPanel lookup={lookup} essayLink={essayLink} initialQuery="八項規定" />
      </LanguageProvider>,
    );
    expect(screen.getByRole('heading', { name: '查詢' })).toBeTruthy();
    expect(screen.getByText(/找到 \d+ 個詞條/)).toBeTruthy();
  });
});

describe('OnThisPage', () => {
  it('groups phrases by category, orders by appearance or frequency, and shows one on request', () => {
    const onShow = vi.fn();
    const phrases = [
      { id: 'zuihou-yigongli', count: 1, first: 0 },
      { id: 'baxiang-guiding', count: 3, first: 1 },
      { id: 'shang-you-zhengce-xia-you-duice', count: 2, first: 2 },
    ];
    render(
      <LanguageProvider language="en">
        <OnThisPage phrases={phrases} total={6} entries={byId} onShow={onShow} essayLink={essayLink} />
      </LanguageProvider>,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('On this page: 3 phrases, 6 occurrences');
    const sayings = screen.getByRole('region', { name: 'Bureaucratic sayings' });
    const order = () => [...sayings.querySelectorAll('li[data-entry]')].map((li) => li.getAttribute('data-entry'));
    expect(order()).toEqual(['zuihou-yigongli', 'shang-you-zhengce-xia-you-duice']);
    fireEvent.click(screen.getByLabelText('By frequency'));
    expect(order()).toEqual(['shang-you-zhengce-xia-you-duice', 'zuihou-yigongli']);
    fireEvent.click(within(sayings.querySelector('li[data-entry]') as HTMLElement).getAllByRole('button')[0]);
    expect(onShow).toHaveBeenCalledWith('shang-you-zhengce-xia-you-duice');
    expect(screen.getByRole('region', { name: 'Numbered formulas' })).toBeTruthy();
  });
});

describe('Concordance', () => {
  it('sorts by place, by left context read backwards, and by right context', () => {
    const o = (paragraph: number, before: string, after: string) => ({
      essay: 1,
      paragraph,
      part: 1,
      start: 0,
      end: 2,
      rawStart: 0,
      rawEnd: 2,
      before,
      text: '党性',
      after,
    });
    const list = [o(3, '加强', '修养'), o(1, '增强', '为有力'), o(2, '加强黨', '教育')];
    expect(sortOccurrences(list, 'essay').map((x) => x.paragraph)).toEqual([1, 2, 3]);
    expect(sortOccurrences(list, 'right').map((x) => x.after)).toEqual(
      sortOccurrences(list, 'right')
        .map((x) => x.after)
        .sort((a, b) => a.localeCompare(b, 'zh')),
    );
    // Left context is read outward from the phrase: by its last character first. Latin letters
    // keep the expected order independent of the collation's Chinese ordering.
    const left = [o(1, 'xa', ''), o(2, 'yb', ''), o(3, 'za', '')];
    expect(sortOccurrences(left, 'left').map((x) => x.before)).toEqual(['xa', 'za', 'yb']);
    expect(sortOccurrences(left, 'right').map((x) => x.paragraph)).toEqual([1, 2, 3]);
    render(
      <LanguageProvider language="en">
        <Concordance occurrences={list} essayLink={essayLink} />
      </LanguageProvider>,
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getAllByRole('row')[0].textContent).toContain('Essay 1 ¶1');
  });
});

describe('OptionsForm', () => {
  it('reports each change as a new settings value', () => {
    const onHighlights = vi.fn();
    render(
      <LanguageProvider language="en">
        <OptionsForm
          highlights={DEFAULT_HIGHLIGHT_SETTINGS}
          onHighlights={onHighlights}
          defaultChoice="original"
          onDefaultChoice={() => {}}
          language="auto"
          onLanguage={() => {}}
          scope="page"
          onScope={() => {}}
        />
      </LanguageProvider>,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /Idioms used as criticism/ }));
    expect(onHighlights.mock.calls[0][0].categories.idiom.visible).toBe(false);
    fireEvent.click(screen.getByLabelText('Underline'));
    expect(onHighlights.mock.calls[1][0].style).toBe('underline');
  });
});

describe('PhraseCard and ScriptControls', () => {
  it('show the phrase in both scripts with its essay occurrences, and named script buttons', () => {
    const entry = byId.get('zuihou-yigongli')!;
    const onOpenEssay = vi.fn();
    render(
      <PhraseCard
        entry={{ ...entry, occurrences: entry.occurrences.slice(0, 3), occurrenceCount: entry.occurrences.length }}
        pageCount={2}
        onOpenEssay={onOpenEssay}
        onClose={() => {}}
      />,
    );
    const card = screen.getByRole('dialog');
    expect(card.textContent).toContain('最後一公里');
    expect(card.textContent).toContain('On this page: 2×');
    fireEvent.click(within(card).getAllByRole('button', { name: /Essay 1/ })[0]);
    expect(onOpenEssay).toHaveBeenCalledWith(expect.objectContaining({ essay: 1 }));
    cleanup();
    render(<ScriptControls current="tw" busy={false} onChoose={() => {}} defaultChoice="original" onDefault={() => {}} />);
    for (const name of [/简体/, /^繁體/, /台灣/, /香港/, /原文/]) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^繁體/ }).getAttribute('aria-pressed')).toBe('true');
  });
});
