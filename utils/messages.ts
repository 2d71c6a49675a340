/**
 * The one message schema between the extension's contexts. Every message is checked on arrival;
 * anything that does not validate is ignored with a warning (a page script cannot talk to us, but
 * another extension or a stale content script after an update can send anything).
 */

export interface PhraseCount {
  id: string;
  count: number;
  /** Offset of the first occurrence in page order (for ordering by first appearance). */
  first: number;
}

export interface PageSummary {
  url: string;
  hasChinese: boolean;
  phrases: PhraseCount[];
  total: number;
}

export type Message =
  | { type: 'page-summary' }
  | { type: 'set-enabled'; enabled: boolean };

export type Reply<M extends Message> = M extends { type: 'page-summary' } ? PageSummary : { ok: true };

export function parseMessage(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'page-summary':
      return { type: 'page-summary' };
    case 'set-enabled':
      return typeof m.enabled === 'boolean' ? { type: 'set-enabled', enabled: m.enabled } : undefined;
    default:
      return undefined;
  }
}

export function isPageSummary(value: unknown): value is PageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.url === 'string' &&
    typeof s.hasChinese === 'boolean' &&
    typeof s.total === 'number' &&
    Array.isArray(s.phrases) &&
    s.phrases.every(
      (p: any) => typeof p?.id === 'string' && typeof p?.count === 'number' && typeof p?.first === 'number',
    )
  );
}
