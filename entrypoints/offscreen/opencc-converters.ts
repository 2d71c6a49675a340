/**
 * opencc-js converters, built on first use and kept. Imported only by the offscreen converter page
 * (and Firefox's background page), so its dictionaries are loaded when a conversion is requested
 * and never in a web page.
 */
import { convertPacked, OPENCC_LOCALES, type PackedBlocks, type Target } from '@/utils/core/convert';

type ConvertFn = (text: string) => string;
const converters = new Map<Target, Promise<ConvertFn>>();

export function converterFor(target: Target): Promise<ConvertFn> {
  let converter = converters.get(target);
  if (!converter) {
    // Traditional → Simplified needs only the small t2cn bundle (109 KB); the rest need cn2t.
    converter = (target === 'cn' ? import('opencc-js/t2cn') : import('opencc-js/cn2t')).then((opencc) =>
      opencc.Converter(OPENCC_LOCALES[target] as Parameters<typeof opencc.Converter>[0]),
    );
    converters.set(target, converter);
  }
  return converter;
}

/** Converts blocks of node texts (see convertPacked) to `target`. */
export async function convertBlocks(target: Target, blocks: PackedBlocks): Promise<PackedBlocks> {
  return convertPacked(blocks, await converterFor(target));
}
