/**
 * The ::highlight() rules, in one constructed stylesheet adopted only where highlights are drawn:
 * the document, and each open shadow root that holds one (rules outside a shadow tree do not reach
 * the text inside it). Any ::highlight() rule makes every restyle of the page cost more (measured:
 * a whole-page restyle ~1.6–2× as long with one rule as with none), so pages without highlights,
 * and pages without Chinese in particular, never get the sheet. A constructed stylesheet is also
 * not blocked by the page's Content-Security-Policy, as a <style> element could be.
 */

export interface HighlightStyles {
  /** Makes sure the rules apply in `root` (the document or an open shadow root). */
  adoptInto(root: Node): void;
  /** Replaces the rules everywhere they are adopted. */
  update(css: string): void;
  /** Takes the sheet out of every root it was adopted into. */
  release(): void;
}

export function createHighlightStyles(css: string): HighlightStyles {
  let sheet: CSSStyleSheet | undefined;
  let rules = css;
  const adopted: WeakRef<Document | ShadowRoot>[] = [];
  const sheetFor = (root: Document | ShadowRoot): CSSStyleSheet | undefined => {
    if (sheet) return sheet;
    try {
      // The sheet must come from the window that owns the root (a frame has its own constructor).
      const Sheet =
        (root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document)).defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Sheet();
      sheet.replaceSync(rules);
    } catch {
      sheet = undefined; // no constructed stylesheets: the highlights are registered but unstyled
    }
    return sheet;
  };
  return {
    adoptInto(node) {
      const root =
        node.nodeType === 9 || node.nodeType === 11 ? (node as Document | ShadowRoot) : (node.getRootNode() as Document | ShadowRoot);
      if (root.nodeType !== 9 && root.nodeType !== 11) return; // detached: nothing to style
      const own = sheetFor(root);
      if (!own || root.adoptedStyleSheets.includes(own)) return;
      // Appended to what the page (or a web component) adopted: theirs stay, in their order.
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, own];
      adopted.push(new WeakRef(root));
    },
    update(css) {
      rules = css;
      sheet?.replaceSync(css);
    },
    release() {
      for (const ref of adopted) {
        const root = ref.deref();
        if (root && sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
      adopted.length = 0;
    },
  };
}
