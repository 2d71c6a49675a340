import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { loadRealData } from '../test-support/real-data';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { createLookupIndex, type LookupIndex } from '../utils/core/lookup';
import type { CompiledEntry } from '../utils/core/compiled-data';
import { cardEntry } from '../utils/core/card-entry';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '../utils/core/settings-schema';
import { LanguageProvider } from './Language';
import { ALL_MESSAGES } from '../utils/core/messages';
import { CARD_MESSAGE_KEYS, pickMessages } from '../utils/core/card-messages';

// The card in a web page has only its own strings: rendering it with them shows any key it lacks.
const cardMessages = pickMessages(ALL_MESSAGES, CARD_MESSAGE_KEYS);
import { LookupPanel } from './LookupPanel';
import { OnThisPage } from './OnThisPage';
import { Concordance, sortOccurrences } from './Concordance';
import { LookupChip } from './LookupChip';
import { OptionsForm } from './OptionsForm';
import { PhraseCard } from './PhraseCard';
import { Renderings } from './Renderings';
import { TermBaseExport } from './TermBaseExport';
import { ScriptControls } from './ScriptControls';
import { OwnPhrases } from './OwnPhrases';
import { ownPhraseAsEntry, type OwnPhrase } from '../utils/core/own-phrases';

let entries: CompiledEntry[];
let byId: Map<string, CompiledEntry>;
let lookup: LookupIndex;
const essayLink = () => '#';
const entryLink = (id: string) => `#${id}`;

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
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <LookupPanel lookup={lookup} essayLink={essayLink} entryLink={entryLink} />
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
      <LanguageProvider language="zh_TW" messages={ALL_MESSAGES}>
        <LookupPanel lookup={lookup} essayLink={essayLink} entryLink={entryLink} initialQuery="八項規定" />
      </LanguageProvider>,
    );
    expect(screen.getByRole('searchbox', { name: '查詢' })).toBeTruthy();
    expect(screen.getByText(/找到 \d+ 個詞條/)).toBeTruthy();
  });

  it('explains a single result at once: meaning and an essay line, no click; counts follow plural rules', () => {
    const onLookedUp = vi.fn();
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <LookupPanel lookup={lookup} essayLink={essayLink} entryLink={entryLink} initialQuery="最後一公里" onLookedUp={onLookedUp} />
      </LanguageProvider>,
    );
    const entry = byId.get('zuihou-yigongli')!;
    expect(screen.getByText('1 entry found')).toBeTruthy();
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain(entry.meaningEn);
    expect(item.querySelector('.tl-kwic mark')?.textContent).toBe(entry.occurrences[0].text);
    expect(onLookedUp).toHaveBeenCalledWith('zuihou-yigongli');
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
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <OnThisPage phrases={phrases} total={6} entries={byId} onShow={onShow} essayLink={essayLink} entryLink={entryLink} />
      </LanguageProvider>,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('3 phrases, 6 occurrences');
    const sayings = screen.getByRole('region', { name: 'Bureaucratic sayings' });
    const order = () => [...sayings.querySelectorAll('li[data-entry]')].map((li) => li.getAttribute('data-entry'));
    expect(order()).toEqual(['zuihou-yigongli', 'shang-you-zhengce-xia-you-duice']);
    fireEvent.click(screen.getByLabelText('Frequency'));
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
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <Concordance occurrences={list} essayLink={essayLink} />
      </LanguageProvider>,
    );
    // A header row names the columns, then one row per occurrence.
    const [header, ...rows] = screen.getAllByRole('row');
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Where', 'Before', 'Phrase', 'After']);
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Essay 1 ¶1');
  });
});

describe('OptionsForm', () => {
  const props = {
    highlights: DEFAULT_HIGHLIGHT_SETTINGS,
    defaultChoice: 'original' as const,
    onDefaultChoice: () => {},
    language: 'auto' as const,
    onLanguage: () => {},
    scope: 'page' as const,
    onScope: () => {},
    tapLookup: true,
    onTapLookup: () => {},
  };

  it('reports each change as a change of the stored value, and says where saving stands', () => {
    const onHighlights = vi.fn();
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <OptionsForm {...props} onHighlights={onHighlights} saveState="saved" onReset={async () => {}} />
      </LanguageProvider>,
    );
    expect(screen.getAllByRole('status')[0].textContent).toBe('Saved');
    fireEvent.click(screen.getByRole('switch', { name: /Idioms used as criticism/ }));
    expect(onHighlights.mock.calls[0][0](DEFAULT_HIGHLIGHT_SETTINGS).categories.idiom.visible).toBe(false);
    fireEvent.click(screen.getByLabelText('Underline'));
    expect(onHighlights.mock.calls[1][0](DEFAULT_HIGHLIGHT_SETTINGS).style).toBe('underline');
    // The three levels, in words: the default is checked, and each choice stores its level.
    expect(screen.getByRole('radio', { name: '+ Formulas' })).toHaveProperty('checked', true);
    expect(screen.getByText(/set formulas such as 真抓实干 or 形同虚设 only where the page is about policy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Everything' }));
    expect(onHighlights.mock.calls[2][0](DEFAULT_HIGHLIGHT_SETTINGS).level).toBe('all');
    fireEvent.click(screen.getByRole('radio', { name: 'Key phrases' }));
    expect(onHighlights.mock.calls[3][0](DEFAULT_HIGHLIGHT_SETTINGS).level).toBe('key');
    // Tap lookup, on by default, is one switch away.
    const onTapLookup = vi.fn();
    cleanup();
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <OptionsForm {...props} onTapLookup={onTapLookup} onHighlights={onHighlights} saveState="saved" onReset={async () => {}} />
      </LanguageProvider>,
    );
    const tap = screen.getByRole('switch', { name: /Open the card with a tap/ });
    expect(tap).toHaveProperty('checked', true);
    fireEvent.click(tap);
    expect(onTapLookup).toHaveBeenCalledWith(false);
    // Every section says what it is for.
    for (const heading of screen.getAllByRole('heading', { level: 2 }))
      expect(heading.nextElementSibling?.textContent?.length).toBeGreaterThan(20);
  });

  it('resets to the defaults only once confirmed', async () => {
    const onReset = vi.fn(async () => {});
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <OptionsForm {...props} onHighlights={() => {}} saveState="idle" onReset={onReset} />
      </LanguageProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Reset to the defaults/ }));
    expect(onReset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: /Reset to the defaults/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onReset).toHaveBeenCalledOnce();
    expect(await screen.findByText('The defaults are back.')).toBeTruthy();
  });
});

describe('PhraseCard and ScriptControls', () => {
  it('show the phrase in both scripts with its essay occurrences, and named script buttons', () => {
    const entry = byId.get('zuihou-yigongli')!;
    const onOpenEssay = vi.fn();
    const onOpenGlossary = vi.fn();
    render(
      <LanguageProvider language="en" messages={cardMessages}>
        <PhraseCard entry={cardEntry(entry)} pageCount={2} onOpenEssay={onOpenEssay} onOpenGlossary={onOpenGlossary} onClose={() => {}} />
      </LanguageProvider>,
    );
    const card = screen.getByRole('dialog');
    expect(card.textContent).toContain('最後一公里');
    expect(card.textContent).toContain('Bureaucratic sayings');
    expect(card.textContent).toContain('2 times on this page');
    fireEvent.click(within(card).getAllByRole('button', { name: /Essay 1/ })[0]);
    expect(onOpenEssay).toHaveBeenCalledWith(expect.objectContaining({ essay: 1 }));
    fireEvent.click(within(card).getByRole('button', { name: `All ${entry.occurrences.length} uses in the essays` }));
    expect(onOpenGlossary).toHaveBeenCalledWith('zuihou-yigongli');
    cleanup();
    render(<ScriptControls current="tw" busy={false} onChoose={() => {}} />);
    for (const name of [/简体/, /^繁體/, /台灣/, /香港/, /原文/]) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^繁體/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('English renderings', () => {
  const english = {
    renderings: [
      {
        text: 'the Eight Rules',
        kind: 'official' as const,
        source: { publisher: 'Foreign Languages Press', title: 'Xi Jinping: The Governance of China', year: 2014, locator: 'p. 419' },
      },
      {
        text: 'eight-point rules',
        kind: 'state-media' as const,
        source: { publisher: 'China Daily', title: 'Eight-point austerity rules', year: 2016, locator: 'http://example.org/rules' },
      },
    ],
    searched: 'China Keywords; China Daily',
    note: 'The English calls a Politburo decision “rules”.',
  };

  it('on the card: the official one in a line under the meaning, with its source; the others one click away', () => {
    const entry = { ...cardEntry(byId.get('baxiang-guiding')!), english };
    render(
      <LanguageProvider language="en" messages={cardMessages}>
        <PhraseCard entry={entry} onOpenEssay={() => {}} onOpenGlossary={() => {}} onClose={() => {}} />
      </LanguageProvider>,
    );
    const line = document.querySelector('.rendering')!;
    expect(line.textContent).toMatch(/^Official English “the Eight Rules” Foreign Languages Press 2014/);
    expect(line.querySelector('.source')!.getAttribute('title')).toBe(
      'Foreign Languages Press, “Xi Jinping: The Governance of China”, 2014, p. 419',
    );
    expect(screen.queryByText(/eight-point rules/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '1 more' }));
    expect(screen.getByText(/eight-point rules/).textContent).toContain('State media · China Daily 2016');
  });

  it('in the glossary: every rendering with its citation and link, the note, and where we looked', () => {
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <Renderings entry={{ ...byId.get('baxiang-guiding')!, english }} all />
      </LanguageProvider>,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('Official English the Eight Rules Foreign Languages Press, “Xi Jinping: The Governance of China”, 2014, p. 419');
    expect(items[1]).toBe('State media eight-point rules China Daily, “Eight-point austerity rules”, 2016, example.org');
    expect(screen.getByRole('link', { name: 'example.org' }).getAttribute('href')).toBe('http://example.org/rules');
    expect(screen.getByText(/calls a Politburo decision/)).toBeTruthy();
    cleanup();
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <Renderings entry={{ ...byId.get('baxiang-guiding')!, english: { renderings: [], searched: 'China Keywords' } }} all />
      </LanguageProvider>,
    );
    expect(screen.getByText('No published English rendering found.')).toBeTruthy();
    expect(screen.getByText('China Keywords')).toBeTruthy();
  });
});

describe('TermBaseExport', () => {
  it('hands the chosen format, the key-only choice and the own-phrases choice to the page', () => {
    const onExport = vi.fn();
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <TermBaseExport onExport={onExport} />
      </LanguageProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the term base' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'csv' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Key phrases only' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'With my own phrases' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the term base' }));
    expect(onExport.mock.calls).toEqual([
      [{ format: 'tbx', keyOnly: false, withOwn: false }],
      [{ format: 'csv', keyOnly: true, withOwn: true }],
    ]);
  });
});

describe('the card opened by a tap', () => {
  it('has previous and next buttons, a finger wide, that say where the phrase stands on the page', () => {
    const onPrevious = vi.fn();
    const onNext = vi.fn();
    render(
      <LanguageProvider language="zh_CN" messages={cardMessages}>
        <PhraseCard
          entry={cardEntry(byId.get('zuihou-yigongli')!)}
          navigation={{ position: 3, total: 17, onPrevious, onNext }}
          onOpenEssay={() => {}}
          onOpenGlossary={() => {}}
          onClose={() => {}}
        />
      </LanguageProvider>,
    );
    expect(screen.getByRole('navigation', { name: '本页第 3 个，共 17 个' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一个提法' }));
    fireEvent.click(screen.getByRole('button', { name: '上一个提法' }));
    fireEvent.click(screen.getByRole('button', { name: '下一个提法' }));
    expect([onNext.mock.calls.length, onPrevious.mock.calls.length]).toEqual([2, 1]);
  });

  it('has none when opened by hover or the keyboard', () => {
    render(
      <LanguageProvider language="en" messages={cardMessages}>
        <PhraseCard entry={cardEntry(byId.get('zuihou-yigongli')!)} onOpenEssay={() => {}} onOpenGlossary={() => {}} onClose={() => {}} />
      </LanguageProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Next phrase' })).toBeNull();
  });

  it('is offered for selected text by one button that names the phrase as the page writes it', () => {
    const onOpen = vi.fn();
    render(
      <LanguageProvider language="zh_TW" messages={cardMessages}>
        <LookupChip phrase="八項規定" onOpen={onOpen} />
      </LanguageProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '解釋「八項規定」' }));
    expect(onOpen).toHaveBeenCalledOnce();
  });
});

describe('an own phrase', () => {
  it('is explained by the card as the reader’s own, with their meaning and note', () => {
    const own = ownPhraseAsEntry({
      id: 'own-abc',
      form: '新质生产力',
      meaning: 'New productive forces',
      note: 'From a 2023 speech',
      category: 'ideology',
    });
    render(
      <LanguageProvider language="en" messages={cardMessages}>
        <PhraseCard
          entry={{ ...own, occurrenceCount: 0 }}
          pageCount={1}
          onOpenEssay={() => {}}
          onOpenGlossary={() => {}}
          onClose={() => {}}
        />
      </LanguageProvider>,
    );
    const card = screen.getByRole('dialog');
    expect(card.textContent).toContain('your phrase');
    expect(card.textContent).toContain('New productive forces');
    expect(card.textContent).toContain('From a 2023 speech');
    expect(card.textContent).toContain('Once on this page');
    expect(card.textContent).not.toContain('Not used in the source essays');
  });

  it('can be added in the options: a bad one is named, a glossary phrase reported, a good one stored', async () => {
    const matcher = createPhraseMatcher((await loadRealData()).phrases);
    let stored: OwnPhrase[] = [];
    const onChange = vi.fn(async (change: (current: OwnPhrase[]) => OwnPhrase[]) => {
      stored = change(stored);
    });
    render(
      <LanguageProvider language="en" messages={ALL_MESSAGES}>
        <OwnPhrases phrases={stored} onChange={onChange} glossary={matcher} keyOf={matcher.key} entryLink={entryLink} save={() => {}} />
      </LanguageProvider>,
    );
    const form = screen.getByRole('textbox', { name: 'Phrase' });
    const add = screen.getByRole('button', { name: 'Add' });
    fireEvent.input(form, { target: { value: 'hello' } });
    fireEvent.click(add);
    expect((await screen.findByRole('alert')).textContent).toContain('Row 1: “hello” has no Chinese characters');
    fireEvent.input(form, { target: { value: '最後一公里' } });
    fireEvent.click(add);
    expect((await screen.findByRole('status')).textContent).toContain('Already in the glossary');
    expect(stored).toEqual([]);
    fireEvent.input(form, { target: { value: '新质生产力' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Meaning' }), { target: { value: 'New productive forces' } });
    fireEvent.click(add);
    expect((await screen.findByRole('status')).textContent).toContain('1 phrase added.');
    expect(stored).toEqual([expect.objectContaining({ form: '新质生产力', meaning: 'New productive forces' })]);
  });
});
