/**
 * Asks the extension to convert text: the page, the reader and the popup never hold opencc-js;
 * the background hands the work to the offscreen document (see entrypoints/background/index.ts).
 */
import { packBlocks, unpackBlocks, type PackedBlocks, type Target } from '../core/convert';
import { sendToBackground } from './protocol';

export async function requestConversion(target: Target, blocks: PackedBlocks): Promise<PackedBlocks> {
  const reply = await sendToBackground({ type: 'convert-text', target, blocks });
  if (!reply.ok) throw new Error(`conversion failed: ${reply.error}`);
  return reply.blocks;
}

/** Converts the pieces of one block of text (a phrase may run across them); same order back. */
export async function convertPieces(target: Target, pieces: string[]): Promise<string[]> {
  const [converted] = unpackBlocks(await requestConversion(target, packBlocks([pieces])));
  return converted;
}
