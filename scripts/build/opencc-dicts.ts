/** Loads the opencc-js dictionaries the fold table is derived from (Node, build and test time). */
import type { FoldSources } from './fold-table-builder';

export async function loadFoldSources(): Promise<FoldSources> {
  const load = async (name: string): Promise<string> => (await import(`opencc-js/dict/${name}`)).default as string;
  return {
    compatibility: await load('CJK_Compatibility_Ideographs'),
    traditionalToSimplified: await load('TSCharacters'),
    variantsToStandard: [await load('HKVariantsRev'), await load('TWVariantsRev'), await load('JPShinjitaiCharactersRev')],
    simplifiedToTraditional: await load('STCharacters'),
    simplifiedToTraditionalPhrases: [await load('STPhrases')],
    traditionalToSimplifiedPhrases: [await load('TSPhrases')],
  };
}

/** Regional vocabularies a page may be converted to (the extension's 台灣正體 uses opencc's twp). */
export async function loadRegionalForms(): Promise<(form: string) => string[]> {
  const OpenCC = await import('opencc-js');
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const toTaiwanPhrases = OpenCC.Converter({ from: 'cn', to: 'twp' });
  return (form) => [toTaiwanPhrases(toSimplified(form))];
}
