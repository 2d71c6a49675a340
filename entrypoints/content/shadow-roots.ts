/**
 * Shadow roots the page attaches after the first pass, reported by the page-world script
 * (entrypoints/shadow-roots.content.ts) as an event on the host.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SHADOW_ROOT_EVENT } from '@/utils/core/page-events';

export function followShadowRoots(ctx: ContentScriptContext, onRoot: (root: ShadowRoot) => void): void {
  ctx.addEventListener(
    document,
    SHADOW_ROOT_EVENT as keyof DocumentEventMap,
    (event: Event) => {
      // The event is composed: its first target is the host, wherever the host lives.
      const host = event.composedPath()[0];
      const root = host instanceof Element ? host.shadowRoot : null;
      if (root) onRoot(root);
    },
    { capture: true },
  );
}
