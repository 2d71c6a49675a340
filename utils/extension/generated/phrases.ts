/**
 * The compiled matcher data (scripts/build-data.ts writes generated/phrases.json), typed once here.
 * JSON imports are typed from their literal contents, which TypeScript cannot match to the compiled
 * types; the one cast lives here instead of at every import. One module per file: the content
 * script must bundle this one and none of the others.
 */
import data from '@/generated/phrases.json';
import type { CompiledPhrases } from '@/utils/core/compiled-data';

export const compiledPhrases = data as unknown as CompiledPhrases;
