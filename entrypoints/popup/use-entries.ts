/**
 * The entries the popup lists, explains and looks up: the glossary's, and the reader's own phrases
 * made into entries the same way, following the own phrases as they change.
 */
import { useMemo } from 'preact/hooks';
import { pageMatcher } from '@/components/extension-page-highlights';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { createLookupIndex, type LookupIndex } from '@/utils/core/lookup';
import { ownPhraseAsEntry } from '@/utils/core/own-phrases';
import { compiledGlossary, glossaryEntries } from '@/utils/extension/generated/glossary';
import { ownPhrases } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';

export type Entries = ReadonlyMap<string, CompiledEntry>;

export function useEntries(): { entries: Entries; lookup: LookupIndex } {
  const own = useSetting(ownPhrases).value;
  const ownEntries = useMemo(() => (own ?? []).map(ownPhraseAsEntry), [own]);
  const entries = useMemo<Entries>(() => new Map([...glossaryEntries, ...ownEntries.map((e) => [e.id, e] as const)]), [ownEntries]);
  const lookup = useMemo(() => createLookupIndex([...compiledGlossary.entries, ...ownEntries], pageMatcher().key), [ownEntries]);
  return { entries, lookup };
}
