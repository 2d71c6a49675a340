import { afterEach, describe, expect, it } from 'vitest';
import type { Category } from '../../core/glossary-schema';
import type { HighlightPainter } from '../highlight-painter';
import { type BlockRecord, MatchIndex, PageMatch } from './match-index';
import { BIG_BLOCK, type MatchFilter, PROVISIONAL_LIMIT, ViewportRegistration } from './viewport-registration';

/** A painter that keeps what is registered, by match id. */
function recordingPainter() {
  const added = new Map<AbstractRange, string>();
  const ids = new WeakMap<AbstractRange, string>();
  let flushes = 0;
  let guardChecks = 0;
  const painter: HighlightPainter = {
    add: (range) => added.set(range, ids.get(range) ?? '?'),
    remove: (range) => added.delete(range),
    flush: () => flushes++,
    hide: () => {},
    show: () => {},
    clear: () => added.clear(),
    ensureRegistered: () => guardChecks++,
  };
  return {
    painter,
    name: (match: PageMatch) => ids.set(match.range, match.id),
    registered: () => [...added.values()].sort(),
    flushes: () => flushes,
    guardChecks: () => guardChecks,
  };
}

const showAll: MatchFilter = { holdsBack: false, shows: () => true, categoryOf: () => 'idiom' as Category };

let registration: ViewportRegistration | undefined;
afterEach(() => {
  registration?.stop();
  registration = undefined;
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

function setup(filter: MatchFilter = showAll, onFirstVisible?: () => void) {
  const index = new MatchIndex();
  const paint = recordingPainter();
  registration = new ViewportRegistration(document, paint.painter, index, filter, onFirstVisible);
  registration.start();
  /** A record of `count` two-character matches `stride` apart in `element`'s text, named `<prefix><i>`. */
  const add = (element: Element, prefix: string, count = 1, stride = 2): BlockRecord => {
    const text = element.firstChild as Text;
    const matches = Array.from({ length: count }, (_, i) => new PageMatch(`${prefix}${i}`, 0, text, stride * i, text, stride * i + 2));
    for (const m of matches) paint.name(m);
    const record: BlockRecord = { matches, covered: [text], element, shown: new Set(), visible: false };
    const sibling = index.add(record);
    if (sibling) registration!.joined(record, sibling);
    else registration!.watch(element);
    return record;
  };
  return { index, paint, add, registration };
}

/** Paragraphs `screens` viewports apart, each with a phrase's worth of text. */
function tallPage(screens: number): HTMLElement[] {
  document.body.innerHTML = Array.from(
    { length: screens },
    (_, i) => `<p id="p${i}" style="margin:0;height:${innerHeight}px">甲乙</p>`,
  ).join('');
  return [...document.querySelectorAll('p')];
}

describe('registration follows the viewport', () => {
  it('registers what is within a viewport of the screen, and follows scrolling', async () => {
    const paragraphs = tallPage(6);
    const { paint, add } = setup();
    for (const [i, p] of paragraphs.entries()) add(p, `p${i}-`);
    await expect.poll(paint.registered).toEqual(['p0-0', 'p1-0']);
    window.scrollTo(0, document.documentElement.scrollHeight);
    await expect.poll(paint.registered).toEqual(['p4-0', 'p5-0']);
  });

  it('gives a new record on a watched element that element’s visibility', async () => {
    const [p] = tallPage(1);
    const { paint, add } = setup();
    add(p, 'first-');
    await expect.poll(paint.registered).toEqual(['first-0']);
    add(p, 'second-');
    await expect.poll(paint.registered).toEqual(['first-0', 'second-0']);
  });

  it('takes a forgotten record’s highlights off at once', async () => {
    const [p] = tallPage(1);
    const { paint, add, index, registration: r } = setup();
    const record = add(p, 'a-');
    await expect.poll(paint.registered).toEqual(['a-0']);
    r.forget(record, index.remove(record) === 'emptied');
    expect(paint.registered()).toEqual([]);
  });

  it(`registers only the part of a block of more than ${BIG_BLOCK} matches that is near the viewport`, async () => {
    const lines = 400;
    document.body.innerHTML = `<pre style="margin:0;font-size:16px;line-height:${innerHeight / 20}px">${'甲乙\n'.repeat(lines)}</pre>`;
    const pre = document.querySelector('pre')!;
    const { paint, add } = setup();
    // A match on every line: "甲乙\n" is three characters, so match i is on line i.
    add(pre, 'line', lines, 3);
    // Twenty lines a viewport: the screen and a viewport above and below hold 40 of them here.
    await expect.poll(() => paint.registered().length).toBeGreaterThan(0);
    expect(paint.registered().length).toBeLessThanOrEqual(41);
    expect(paint.registered()).toContain('line0');
    window.scrollTo(0, 10 * innerHeight);
    await expect.poll(() => paint.registered().includes('line200')).toBe(true);
    expect(paint.registered()).not.toContain('line0');
    expect(paint.registered().length).toBeLessThanOrEqual(61);
  });

  it('shows held-back matches once they are released', async () => {
    const [p] = tallPage(1);
    let holding = true;
    const filter: MatchFilter = {
      get holdsBack() {
        return holding;
      },
      shows: (m) => !holding || m.id !== 'a-1',
      categoryOf: () => 'idiom' as Category,
    };
    const { paint, add, registration: r } = setup(filter);
    (p.firstChild as Text).data = '甲乙丙丁';
    add(p, 'a-', 2);
    await expect.poll(paint.registered).toEqual(['a-0']);
    holding = false;
    r.releaseHeldBack();
    await expect.poll(paint.registered).toEqual(['a-0', 'a-1']);
  });

  it('registers a match off screen at once when asked to reveal it', async () => {
    const paragraphs = tallPage(6);
    const { paint, add, registration: r } = setup();
    const far = add(paragraphs[5], 'far-');
    add(paragraphs[0], 'near-');
    await expect.poll(paint.registered).toEqual(['near-0']);
    r.reveal(far.matches[0]);
    expect(paint.registered()).toEqual(['far-0', 'near-0']);
  });
});

describe('before the browser has said what is on screen', () => {
  it(`registers the first ${PROVISIONAL_LIMIT} matches read at once, then lets the report correct them`, async () => {
    const paragraphs = tallPage(4);
    for (const p of paragraphs) (p.firstChild as Text).data = '甲乙'.repeat(60);
    let visible = 0;
    const { paint, add, registration: r } = setup(showAll, () => visible++);
    for (const [i, p] of paragraphs.entries()) r.showProvisionally(add(p, `p${i}-`, 60));
    expect(paint.registered()).toHaveLength(PROVISIONAL_LIMIT);
    const flushed = paint.flushes();
    r.flushProvisional();
    expect(paint.flushes()).toBe(flushed + 1);
    await expect.poll(() => visible).toBe(1);
    // The report: the two paragraphs near the screen, all their matches; the third's go.
    await expect.poll(() => paint.registered().length).toBe(120);
    expect(paint.registered().every((id) => id.startsWith('p0-') || id.startsWith('p1-'))).toBe(true);
    // After the report, nothing more is registered provisionally.
    r.showProvisionally(add(paragraphs[3], 'late-', 1));
    expect(paint.registered()).not.toContain('late-0');
  });

  it('flushes nothing when nothing was registered provisionally', () => {
    const { paint, registration: r } = setup();
    r.flushProvisional();
    expect(paint.flushes()).toBe(0);
  });
});

describe('the registry guard', () => {
  it('checks the shared registry every little while once started, and no more once stopped', async () => {
    const { paint, registration: r } = setup();
    await frames();
    expect(paint.guardChecks()).toBe(0);
    r.startGuard();
    await expect.poll(paint.guardChecks, { timeout: 2000 }).toBeGreaterThan(0);
    r.stop();
    const checks = paint.guardChecks();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(paint.guardChecks()).toBe(checks);
  });
});
