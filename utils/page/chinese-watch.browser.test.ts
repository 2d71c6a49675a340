import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForChinese } from './chinese-watch';

/** A document of its own, so that the test runner's page is never read. */
function freshDocument(body = '<p id="a">The committee met on Tuesday.</p><p id="b">It reviewed the budget.</p>'): Document {
  const doc = document.implementation.createHTMLDocument('watch');
  doc.body.innerHTML = body; // test fixture markup
  return doc;
}

/** Mutation records are delivered in a microtask; a macrotask turn lets them all through. */
const records = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watching a document for its first Chinese text', () => {
  it('says so at once for Chinese already there, and only once', async () => {
    const doc = freshDocument('<p>贯彻落实八项规定</p>');
    const found = vi.fn();
    watchForChinese(doc, found);
    expect(found).toHaveBeenCalledTimes(1);
    doc.body.append('最后一公里');
    await records();
    vi.advanceTimersByTime(5000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('stays silent over English text added, inserted and changed, and in comments', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found);
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'More English at the end.' }));
    doc.getElementById('a')!.prepend('Inserted before. ');
    (doc.getElementById('b')!.firstChild as Text).data = 'Changed text.';
    doc.body.append(doc.createComment('中文注释'));
    await records();
    vi.advanceTimersByTime(5000);
    expect(found).not.toHaveBeenCalled();
  });

  it('reads text added at the end at once', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found);
    const p = doc.createElement('p');
    p.innerHTML = '<span>各地要解决好</span><b>最后一公里</b>'; // test fixture markup
    doc.body.append(p);
    await records();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('finds text inserted before what it has read by reading the page again: soon after a quiet spell, at most once a second', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found);
    const reads = vi.spyOn(doc, 'createNodeIterator');
    const insertEnglish = async () => {
      doc.getElementById('a')!.append(doc.createTextNode(' More.'));
      await records();
    };
    // A change after a quiet spell is read a tenth of a second later.
    await insertEnglish();
    vi.advanceTimersByTime(99);
    expect(reads).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(reads).toHaveBeenCalledTimes(1);
    // While changes go on, the page is read again a second after the last reading, not before.
    await insertEnglish();
    vi.advanceTimersByTime(999);
    expect(reads).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(found).not.toHaveBeenCalled();
    // Chinese put before what was read is found by the next reading.
    doc.getElementById('a')!.append(doc.createTextNode('把权力关进制度的笼子里'));
    await records();
    expect(found).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('reads changed text with its node', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found);
    (doc.getElementById('b')!.firstChild as Text).data = '上有政策、下有对策';
    await records();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('keeps reading after the node it stopped at is removed', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found);
    doc.getElementById('b')!.remove();
    doc.body.append('群众路线');
    await records();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('reads the shadow roots it is given, with what they hold and what comes later', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    const watch = watchForChinese(doc, found);
    const full = doc.body.appendChild(doc.createElement('div')).attachShadow({ mode: 'open' });
    full.innerHTML = '<p>调查研究</p>'; // test fixture markup
    watch.addRoot(full);
    expect(found).toHaveBeenCalledTimes(1);

    const later = vi.fn();
    const second = watchForChinese(freshDocument(), later);
    const root = doc.body.appendChild(doc.createElement('div')).attachShadow({ mode: 'open' });
    second.addRoot(root);
    root.append('实事求是');
    await records();
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('says nothing once stopped', async () => {
    const doc = freshDocument();
    const found = vi.fn();
    watchForChinese(doc, found).stop();
    doc.body.append('最后一公里');
    await records();
    vi.advanceTimersByTime(5000);
    expect(found).not.toHaveBeenCalled();
  });
});
