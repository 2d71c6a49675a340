/**
 * Block-wise text collection from a DOM tree. A phrase may run across inline elements
 * (<b>最后</b>一公里), but never across a block boundary (p, li, td, block div, br), so text is
 * gathered per block, with a map from block offsets back to text nodes. Works on any DOM (the page,
 * linkedom in the CLI): it decides what is a block by tag name, never by layout.
 */
import { hasChinese } from '../core/fold';

/**
 * Elements whose text is never read: code, form fields, what the user edits, ruby annotations.
 * By local name (lowercase): reading localName once per element is the cheapest way to the DOM's
 * name, and the walk below reads every element of the page.
 */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'rt',
  'rp',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements that start and end a block. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'img',
  'video',
  'audio',
]);

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i]'s first character in `text`. */
  starts: number[];
}

export interface CollectOptions {
  /** Extra elements to leave out (the extension's own UI, an excluded region). */
  skip?: (element: Element) => boolean;
  /** Descend into open shadow roots (a browser page; linkedom has none). */
  shadowRoots?: boolean;
  /** Told of every open shadow root the walk meets, empty ones included (to watch them). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/** True for an element the user can edit: its text is never read, highlighted or converted. */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

function isSkipped(element: Element, options: CollectOptions = {}): boolean {
  return SKIPPED.has(element.localName) || isEditable(element) || (options.skip?.(element) ?? false);
}

/**
 * Yields the blocks under `root` one at a time, so a caller can spread a large page over several
 * short tasks. A block's `owner` is the block element (or shadow root, or root) that holds it.
 *
 * The walk follows firstChild/nextSibling links without a stack of its own (pages with 50,000 text
 * nodes make per-node allocation show up in the profile). Open shadow trees are read after the
 * tree that holds them, each as a block scope of its own.
 */
export function* iterateBlocks(root: Node, options: CollectOptions = {}): Generator<TextBlock & { owner: Node }> {
  const roots: Node[] = [root];
  // The walk meets the shadow roots of what it descends into; the root's own is added here.
  const own = options.shadowRoots && root.nodeType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (own && !isSkipped(root as Element, options)) {
    roots.push(own);
    options.onShadowRoot?.(own);
  }
  for (let r = 0; r < roots.length; r++) {
    const scope = roots[r];
    let text = '';
    let nodes: Text[] = [];
    let starts: number[] = [];
    const owners: Node[] = [scope];
    const take = (): (TextBlock & { owner: Node }) | undefined => {
      if (nodes.length === 0) return undefined;
      const block = { text, nodes, starts, owner: owners[owners.length - 1] };
      text = '';
      nodes = [];
      starts = [];
      return block;
    };

    if (scope.nodeType === TEXT_NODE) {
      const data = (scope as Text).data;
      if (data.length > 0) yield { text: data, nodes: [scope as Text], starts: [0], owner: scope };
      continue;
    }
    let node: Node | null = scope.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          nodes.push(node as Text);
          starts.push(text.length);
          text += data;
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        const name = element.localName;
        if (!SKIPPED.has(name) && !isEditable(element) && !(options.skip?.(element) ?? false)) {
          if (BLOCKS.has(name)) {
            const block = take();
            if (block) yield block;
            owners.push(element);
          }
          if (options.shadowRoots && element.shadowRoot) {
            roots.push(element.shadowRoot);
            options.onShadowRoot?.(element.shadowRoot);
          }
          descend = true;
        }
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (descend && owners[owners.length - 1] === node) {
        // An empty block element still separates what comes before it from what follows.
        const block = take();
        owners.pop();
        if (block) yield block;
      }
      // Climb until a next sibling, closing the blocks we leave.
      while (node && node !== scope && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== scope && owners[owners.length - 1] === node) {
          // The text read so far belongs to the block being left.
          const block = take();
          owners.pop();
          if (block) yield block;
        }
      }
      node = node && node !== scope ? node.nextSibling : null;
    }
    const last = take();
    if (last) yield last;
  }
}

export function collectBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  return [...iterateBlocks(root, options)];
}

/** True for an element that starts and ends a block (p, li, td, div, br …). */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && BLOCKS.has((node as Element).localName);
}

/** The parent across shadow boundaries: a shadow root's parent is its host. */
function parentOf(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  const host = (node as ShadowRoot).host;
  return host ?? null;
}

/**
 * The smallest subtree to re-read when `node` changes: its nearest block ancestor, or its shadow
 * root. Matches never cross a block boundary, so nothing outside it can change.
 */
export function blockScopeOf(node: Node): Node {
  let n: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  while (n && !isBlockElement(n) && n.nodeType !== DOCUMENT_FRAGMENT_NODE && n.nodeType !== 9) n = n.parentNode;
  return n ?? node;
}

/** True when `node` or an ancestor (across shadow roots) is never read. */
export function isInsideSkipped(node: Node, options: CollectOptions = {}): boolean {
  for (let n: Node | null = node; n; n = parentOf(n)) {
    if (n.nodeType === ELEMENT_NODE && isSkipped(n as Element, options)) return true;
  }
  return false;
}

/** Finds the node holding block offset `offset` (binary search over starts). */
export function nodeAt(block: TextBlock, offset: number, side: 'start' | 'end'): { node: Text; offset: number; index: number } {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    // An end offset that falls exactly on a node boundary belongs to the earlier node.
    if (side === 'end' ? block.starts[mid] < offset : block.starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { node: block.nodes[low], offset: offset - block.starts[low], index: low };
}

/**
 * The scopes not inside another of them (those are read with it). Walks each scope's ancestors
 * against a set: pairwise contains() is quadratic, and a conversion queues thousands of scopes.
 */
export function outermostScopes(scopes: Node[]): Node[] {
  const set = new Set(scopes);
  return scopes.filter((scope) => {
    for (let n = scope.parentNode ?? (scope as ShadowRoot).host ?? null; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
      if (set.has(n)) return false;
    }
    return true;
  });
}

/**
 * Whether the page holds Chinese text. On a Chinese page the first text nodes usually say so; on
 * any other page one native textContent read and one regular-expression test are the whole cost.
 */
export function pageHasChinese(body: HTMLElement): boolean {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let i = 0; i < 300 && walker.nextNode(); i++) {
    if (hasChinese((walker.currentNode as Text).data)) return true;
  }
  const text = body.textContent ?? '';
  if (hasChinese(text)) return true;
  // textContent leaves out shadow trees: a page built of web components holds its text there, and
  // shows next to none outside them. Only such a page pays for the walk into its shadow roots (an
  // ordinary page without Chinese is not walked: 35 ms for 35,000 elements here).
  if (text.trim().length > 500) return false;
  for (const root of openShadowRoots(body)) if (hasChinese(root.textContent ?? '')) return true;
  return false;
}

/** The open shadow roots under `root`, nested ones included. */
export function openShadowRoots(root: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const queue: Node[] = [root];
  // A tree walker yields descendants only: the root may be a host itself.
  const own = (root as Element).shadowRoot;
  if (own) {
    found.push(own);
    queue.push(own);
  }
  for (let i = 0; i < queue.length; i++) {
    const walker = (queue[i].ownerDocument ?? (queue[i] as Document)).createTreeWalker(queue[i], NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        found.push(shadow);
        queue.push(shadow);
      }
    }
  }
  return found;
}

/** The first `max` characters of text under `root`, read node by node (never the whole page). */
export function textSample(root: Node, max: number): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let sample = '';
  while (sample.length < max && walker.nextNode()) sample += (walker.currentNode as Text).data;
  return sample.slice(0, max);
}

/** How many characters of readable text (no white space) `root` holds: what a reader counts. */
export function readableLength(root: Node, options: CollectOptions = {}): number {
  let length = 0;
  for (const block of iterateBlocks(root, options)) length += block.text.replace(/\s+/g, '').length;
  return length;
}
