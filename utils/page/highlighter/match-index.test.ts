import { beforeEach, describe, expect, it } from 'vitest';
import { type BlockRecord, MatchIndex, PageMatch } from './match-index';

/** Text nodes of a fixture, in document order. */
function texts(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) out.push(t as Text);
  return out;
}

/** A record of matches given as [startNode, startOffset, endNode, endOffset], covering those nodes. */
function record(element: Element, spans: [Text, number, Text, number][], id = 'x'): BlockRecord {
  const matches = spans.map(([a, ao, b, bo], i) => new PageMatch(`${id}${i}`, i, a, ao, b, bo));
  // Every text node from each match's first to its last, as the reader indexes them.
  const all = texts(document.body);
  const covered = [...new Set(spans.flatMap(([a, , b]) => all.slice(all.indexOf(a), all.indexOf(b) + 1)))];
  return { matches, covered, element, shown: new Set(), visible: false };
}

let index: MatchIndex;
beforeEach(() => {
  index = new MatchIndex();
  document.body.innerHTML = '<p id="a">前面最后<b>一公</b>里后面</p><p id="b">民主集中制</p><p id="c">八项规定</p>'; // test fixture markup
});

const el = (id: string) => document.getElementById(id)!;

describe('the match index', () => {
  it('finds a match from any text node it covers, and nothing outside it', () => {
    const [before, inside, after] = texts(el('a'));
    index.add(record(el('a'), [[before, 2, after, 1]]));
    expect(index.matchAt(before, 2)?.id).toBe('x0');
    expect(index.matchAt(inside, 0)?.id).toBe('x0');
    expect(index.matchAt(after, 0)?.id).toBe('x0');
    expect(index.matchAt(before, 1)).toBeUndefined();
    expect(index.matchAt(after, 1)).toBeUndefined();
    expect(index.matchAt(el('a'), 0)).toBeUndefined();
    // Only the nodes a match covers are indexed.
    expect(index.matchAt(texts(el('b'))[0], 0)).toBeUndefined();
  });

  it('counts and lists every match in document order, whatever order the records came in', () => {
    const [c] = texts(el('c'));
    const [b] = texts(el('b'));
    const [a] = texts(el('a'));
    index.add(record(el('c'), [[c, 0, c, 4]], 'c'));
    index.add(record(el('a'), [[a, 2, a, 4]], 'a'));
    index.add(
      record(
        el('b'),
        [
          [b, 0, b, 2],
          [b, 2, b, 5],
        ],
        'b',
      ),
    );
    expect(index.total).toBe(4);
    expect(index.inOrder().map((m) => m.id)).toEqual(['a0', 'b0', 'b1', 'c0']);
  });

  it('appends the records of a pass in document order without sorting, and sorts again after a change', () => {
    const [a] = texts(el('a'));
    const [b] = texts(el('b'));
    index.startInOrder();
    index.add(record(el('a'), [[a, 2, a, 4]], 'a'), true);
    const first = index.inOrder();
    index.add(record(el('b'), [[b, 0, b, 5]], 'b'), true);
    expect(index.inOrder()).toBe(first);
    expect(first.map((m) => m.id)).toEqual(['a0', 'b0']);
    const [c] = texts(el('c'));
    index.add(record(el('c'), [[c, 0, c, 4]], 'c'));
    expect(index.inOrder()).not.toBe(first);
    expect(index.inOrder().map((m) => m.id)).toEqual(['a0', 'b0', 'c0']);
  });

  it('tells a new record whether its element is watched already, and which record holds it', () => {
    const [before, , after] = texts(el('a'));
    const one = record(el('a'), [[before, 0, before, 2]], 'one');
    const two = record(el('a'), [[after, 0, after, 1]], 'two');
    expect(index.add(one)).toBeUndefined();
    expect(index.add(two)).toBe(one);
    expect([...index.recordsAt(el('a'))]).toEqual([one, two]);
    // Records on one element are ordered by their first match.
    expect(index.inOrder().map((m) => m.id)).toEqual(['one0', 'two0']);
  });

  it('takes records out, saying when their element holds no other', () => {
    const [before, , after] = texts(el('a'));
    const one = record(el('a'), [[before, 0, before, 2]], 'one');
    const two = record(el('a'), [[after, 0, after, 1]], 'two');
    index.add(one);
    index.add(two);
    expect(index.remove(one)).toBe('kept');
    expect(index.remove(one)).toBe('absent');
    expect(index.matchAt(before, 0)).toBeUndefined();
    expect(index.matchAt(after, 0)?.id).toBe('two0');
    expect(index.remove(two)).toBe('emptied');
    expect([...index.recordsAt(el('a'))]).toEqual([]);
    expect(index.total).toBe(0);
    expect(index.inOrder()).toEqual([]);
  });

  it('finds the records under a subtree, from a text node or an element', () => {
    const [a] = texts(el('a'));
    const [b] = texts(el('b'));
    const ra = record(el('a'), [[a, 2, a, 4]], 'a');
    const rb = record(el('b'), [[b, 0, b, 5]], 'b');
    expect(index.recordsUnder(document.body).size).toBe(0);
    index.add(ra);
    index.add(rb);
    expect([...index.recordsUnder(document.body)]).toEqual([ra, rb]);
    expect([...index.recordsUnder(el('b'))]).toEqual([rb]);
    expect([...index.recordsUnder(b)]).toEqual([rb]);
    expect(index.recordsUnder(el('c')).size).toBe(0);
    expect(index.recordOf(a)).toBe(ra);
  });

  it('visits every record, and forgets them all when cleared', () => {
    const [a] = texts(el('a'));
    const [b] = texts(el('b'));
    index.add(record(el('a'), [[a, 2, a, 4]], 'a'));
    index.add(record(el('b'), [[b, 0, b, 5]], 'b'));
    const seen: string[] = [];
    index.forEachRecord((r) => seen.push(r.matches[0].id));
    expect(seen.sort()).toEqual(['a0', 'b0']);
    index.clear();
    expect(index.total).toBe(0);
    expect(index.recordOf(a)).toBeUndefined();
    expect(index.inOrder()).toEqual([]);
  });
});

describe('PageMatch', () => {
  it('is the same match as another with the same entry on the same nodes and offsets', () => {
    const [a] = texts(el('a'));
    const m = new PageMatch('id', 3, a, 2, a, 4);
    expect(m.sameAs(new PageMatch('other', 3, a, 2, a, 4))).toBe(true);
    expect(m.sameAs(new PageMatch('id', 4, a, 2, a, 4))).toBe(false);
    expect(m.sameAs(new PageMatch('id', 3, a, 2, a, 3))).toBe(false);
  });
});
