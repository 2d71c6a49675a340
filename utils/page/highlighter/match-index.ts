/**
 * The match index: every match of the page, found again from what asks for it — the element the
 * IntersectionObserver reports, the text node a caret or a mutation names, the document order a
 * list needs. It holds records only; what is registered with the painter, and when, is
 * viewport-registration.ts's.
 */

/**
 * One match in the page. Its StaticRange is made when it is first needed (registered, shown, hit):
 * a page with 60,000 matches would otherwise hold 60,000 range objects the garbage collector must
 * trace, for the few hundred ever on screen.
 */
export class PageMatch {
  private made: StaticRange | undefined;
  constructor(
    readonly id: string,
    /** Index into the matcher's entries. */
    readonly entry: number,
    readonly startNode: Text,
    readonly startOffset: number,
    readonly endNode: Text,
    readonly endOffset: number,
    /** Between quotation marks in its block: a set formula there is shown on any page. */
    readonly quoted = false,
  ) {}

  get range(): StaticRange {
    this.made ??= new StaticRange({
      startContainer: this.startNode,
      startOffset: this.startOffset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    });
    return this.made;
  }

  /** The phrase as the page writes it now (its script, its variants). */
  text(): string {
    const range = this.startNode.ownerDocument.createRange();
    try {
      range.setStart(this.startNode, this.startOffset);
      range.setEnd(this.endNode, this.endOffset);
    } catch {
      // The page shortened the text since: the rescan that follows replaces this match.
      return '';
    }
    return range.toString();
  }

  sameAs(other: PageMatch): boolean {
    return (
      this.entry === other.entry &&
      this.startNode === other.startNode &&
      this.startOffset === other.startOffset &&
      this.endNode === other.endNode &&
      this.endOffset === other.endOffset
    );
  }
}

/** One block of text and its matches: the unit that is read, observed and registered. */
export interface BlockRecord {
  matches: PageMatch[];
  /**
   * The text nodes its matches cover. Only these are indexed (not every node of the block): on an
   * 8 MB page, indexing all 390,000 text nodes made the garbage collector stall the page.
   */
  covered: Text[];
  /** The element the IntersectionObserver watches for it. */
  element: Element;
  /** Matches currently registered with the painter. */
  shown: Set<PageMatch>;
  visible: boolean;
}

/** What taking a record out of the index left: its element may still hold other records. */
export type Removal = 'absent' | 'kept' | 'emptied';

const TEXT_NODE = 3;

export class MatchIndex {
  /** Every block with matches, by its watched element (several blocks may share one). */
  private readonly byElement = new Map<Element, Set<BlockRecord>>();
  /** The block record of every text node that belongs to a block with matches. */
  private readonly byNode = new Map<Text, BlockRecord>();
  private count = 0;
  private ordered: PageMatch[] | undefined;

  /** Every match indexed (those held back included). */
  get total(): number {
    return this.count;
  }

  /**
   * Indexes a record. Returns a record already indexed on the same element (its visibility is
   * the new one's too), or undefined when the element is new to the index and must be watched.
   * `inOrder`: the record comes after every match indexed so far (the first pass reads in
   * document order), so the ordered list grows instead of being sorted again.
   */
  add(record: BlockRecord, inOrder = false): BlockRecord | undefined {
    for (const node of record.covered) this.byNode.set(node, record);
    const records = this.byElement.get(record.element);
    let sibling: BlockRecord | undefined;
    if (records) {
      [sibling] = records;
      records.add(record);
    } else this.byElement.set(record.element, new Set([record]));
    this.count += record.matches.length;
    if (inOrder && this.ordered) this.ordered.push(...record.matches);
    else this.ordered = undefined;
    return sibling;
  }

  /** Takes a record out. */
  remove(record: BlockRecord): Removal {
    const records = this.byElement.get(record.element);
    if (!records?.delete(record)) return 'absent';
    const emptied = records.size === 0;
    if (emptied) this.byElement.delete(record.element);
    for (const node of record.covered) if (this.byNode.get(node) === record) this.byNode.delete(node);
    this.count -= record.matches.length;
    this.ordered = undefined;
    return emptied ? 'emptied' : 'kept';
  }

  clear(): void {
    this.byElement.clear();
    this.byNode.clear();
    this.count = 0;
    this.ordered = undefined;
  }

  /** The first pass starts: from an empty list, its records come in document order. */
  startInOrder(): void {
    this.ordered = [];
  }

  /** The record whose matches cover text node `node`. */
  recordOf(node: Text): BlockRecord | undefined {
    return this.byNode.get(node);
  }

  /** The records watched on `element`. */
  recordsAt(element: Element): Iterable<BlockRecord> {
    return this.byElement.get(element) ?? [];
  }

  forEachRecord(visit: (record: BlockRecord) => void): void {
    for (const records of this.byElement.values()) for (const record of records) visit(record);
  }

  /**
   * The records of the text nodes under `root` (cost: the size of the subtree; nothing when no
   * node is indexed).
   */
  recordsUnder(root: Node): Set<BlockRecord> {
    const found = new Set<BlockRecord>();
    if (this.byNode.size === 0) return found;
    if (root.nodeType === TEXT_NODE) {
      const record = this.byNode.get(root as Text);
      if (record) found.add(record);
      return found;
    }
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const record = this.byNode.get(text as Text);
      if (record) found.add(record);
    }
    return found;
  }

  /** The match covering `offset` in text node `node`, if any (held back or not). */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    if (node.nodeType !== TEXT_NODE) return undefined;
    const record = this.byNode.get(node as Text);
    if (!record) return undefined;
    for (const match of record.matches) {
      const { startNode, endNode } = match;
      const afterStart =
        node === startNode
          ? offset >= match.startOffset
          : (startNode.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const beforeEnd =
        node === endNode ? offset < match.endOffset : (node.compareDocumentPosition(endNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (afterStart && beforeEnd) return match;
    }
    return undefined;
  }

  /** Every match indexed, in document order (sorted once after a change, then kept). */
  inOrder(): PageMatch[] {
    if (!this.ordered) {
      const elements = [...this.byElement.keys()].sort(compareNodes);
      const ordered: PageMatch[] = [];
      for (const element of elements) {
        const records = [...this.byElement.get(element)!].sort((a, b) => compareNodes(a.matches[0].startNode, b.matches[0].startNode));
        for (const record of records) ordered.push(...record.matches);
      }
      this.ordered = ordered;
    }
    return this.ordered;
  }
}

function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const position = a.compareDocumentPosition(b);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
