/**
 * The ::highlight() rules, in constructed stylesheets adopted only where highlights are drawn:
 * the document, and each open shadow root that holds one (rules outside a shadow tree do not reach
 * the text inside it). Any ::highlight() rule that every element matches makes every restyle of
 * the page cost more (measured on the 1 MB stress page: all its style work while loading went
 * from 84 ms to 140 ms with eight such rules), so pages without highlights, and pages without
 * Chinese in particular, never get the sheet, and the document's rules may hang on one element
 * (`:root::highlight()`, where highlight styles inherit: 88–101 ms). A constructed stylesheet is
 * also not blocked by the page's Content-Security-Policy, as a <style> element could be.
 */

/** The rules for the document, and those for a shadow root (where `:root` matches nothing). */
export interface HighlightRules {
  document: string;
  shadowRoot: string;
}

export interface HighlightStyles {
  /** Makes sure the rules apply in `root` (the document or an open shadow root). */
  adoptInto(root: Node): void;
  /**
   * Puts the sheet back into every root it was adopted into and that lost it: a page that assigns
   * its own `adoptedStyleSheets` takes ours out without any event, and our highlights go unstyled.
   */
  reinstate(): void;
  /** Replaces the rules everywhere they are adopted. */
  update(rules: HighlightRules): void;
  /** Takes the sheet out of every root it was adopted into. */
  release(): void;
}

export function createHighlightStyles(initial: HighlightRules): HighlightStyles {
  let rules = initial;
  const sheets: { document?: CSSStyleSheet; shadowRoot?: CSSStyleSheet } = {};
  let unsupported = false;
  const adopted: WeakRef<Document | ShadowRoot>[] = [];
  const kindOf = (root: Document | ShadowRoot): keyof HighlightRules => (root.nodeType === 9 ? 'document' : 'shadowRoot');
  const sheetFor = (root: Document | ShadowRoot): CSSStyleSheet | undefined => {
    const kind = kindOf(root);
    if (sheets[kind] || unsupported) return sheets[kind];
    try {
      // The sheet must come from the window that owns the root (a frame has its own constructor).
      const Sheet =
        (kind === 'document' ? (root as Document) : (root.ownerDocument as Document)).defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      const sheet = new Sheet();
      sheet.replaceSync(rules[kind]);
      sheets[kind] = sheet;
    } catch {
      unsupported = true; // no constructed stylesheets: the highlights are registered but unstyled
    }
    return sheets[kind];
  };
  return {
    adoptInto(node) {
      const root =
        node.nodeType === 9 || node.nodeType === 11 ? (node as Document | ShadowRoot) : (node.getRootNode() as Document | ShadowRoot);
      if (root.nodeType !== 9 && root.nodeType !== 11) return; // detached: nothing to style
      const own = sheetFor(root);
      if (!own || adoptedSheets(root).has(own)) return;
      // Appended to what the page (or a web component) adopted: theirs stay, in their order.
      adoptedSheets(root).add(own);
      adopted.push(new WeakRef(root));
    },
    reinstate() {
      for (const ref of adopted) {
        const root = ref.deref();
        const sheet = root && sheets[kindOf(root)];
        if (!root || !sheet) continue;
        const list = adoptedSheets(root);
        if (!list.has(sheet)) list.add(sheet);
      }
    },
    update(next) {
      rules = next;
      sheets.document?.replaceSync(next.document);
      sheets.shadowRoot?.replaceSync(next.shadowRoot);
    },
    release() {
      for (const ref of adopted) {
        const root = ref.deref();
        const sheet = root && sheets[kindOf(root)];
        if (root && sheet) adoptedSheets(root).remove(sheet);
      }
      adopted.length = 0;
    },
  };
}

// This script's own Array methods: in Firefox the page's array comes with the page's, which the
// page may have replaced.
const { includes, push, indexOf, splice } = Array.prototype;

/**
 * The root's adopted sheets, changed in place: whatever the page adopts or assigns itself stays.
 *
 * A Firefox content script sees the page's objects through Xray wrappers, and its wrapper of
 * adoptedStyleSheets can be neither read nor assigned ("Accessing from Xray wrapper is not
 * supported"). There the page's own array is used (wrappedJSObject), with our sheet as the page
 * sees it (its waived wrapper: the Xray and the waived wrapper of one sheet are not ===).
 */
function adoptedSheets(root: Document | ShadowRoot) {
  type Waivable<T> = T & { wrappedJSObject?: T };
  const list = ((root as Waivable<Document | ShadowRoot>).wrappedJSObject ?? root).adoptedStyleSheets;
  const asPage = (sheet: CSSStyleSheet) => (sheet as Waivable<CSSStyleSheet>).wrappedJSObject ?? sheet;
  return {
    has: (sheet: CSSStyleSheet): boolean => includes.call(list, asPage(sheet)),
    add: (sheet: CSSStyleSheet): void => void push.call(list, asPage(sheet)),
    remove(sheet: CSSStyleSheet): void {
      const at = indexOf.call(list, asPage(sheet));
      if (at >= 0) splice.call(list, at, 1);
    },
  };
}
