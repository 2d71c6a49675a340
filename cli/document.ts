/**
 * A document from its bytes to the text that is matched: read, decoded (input-encoding.ts), and for
 * HTML the article Readability finds (or the whole page), block by block. `tifa annotate` reads one
 * document this way and `tifa corpus` every document of a corpus.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { plainTextBlocks } from '../utils/core/annotate';
import { findArticle } from '../utils/page/article';
import { collectBlocks } from '../utils/page/page-text';
import { InputEncodingError, decodeInput } from './input-encoding';

/** Why a document cannot be read: the caller puts its name in front. */
export class UnreadableDocument extends Error {}

export function readDocumentBytes(path: string): Buffer {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new UnreadableDocument((error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'no such file' : 'cannot read it');
  }
  if (isDirectory) throw new UnreadableDocument('is a directory, not a file');
  try {
    return readFileSync(path);
  } catch {
    throw new UnreadableDocument('cannot read it');
  }
}

/** The text of a document's bytes; `encoding` is a standard name (encodingOfLabel). An empty text is no document. */
export function decodeDocument(bytes: Uint8Array, encoding: string | undefined): string {
  let text: string;
  try {
    text = decodeInput(bytes, encoding).text;
  } catch (error) {
    if (error instanceof InputEncodingError) throw new UnreadableDocument(error.message);
    throw error;
  }
  if (text.trim().length === 0) throw new UnreadableDocument('is empty');
  return text;
}

export interface DocumentText {
  text: string;
  /** The text's blocks (paragraphs), each with its offset in `text`. */
  blocks: { start: number; text: string }[];
  source: 'text' | 'article' | 'page';
  title?: string;
}

/** HTML (by its name, or by its look when the name says nothing) or plain text, as the text matched. */
export function documentText(input: string, name: string, wholePage: boolean): DocumentText {
  return looksLikeHtml(input, name) ? extractHtml(input, wholePage) : { text: input, blocks: plainTextBlocks(input), source: 'text' };
}

function looksLikeHtml(text: string, name: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  return /^\s*</.test(text) && /<(!doctype|html|head|body|p|div|article|span|br)\b/i.test(text);
}

/** HTML → the article's text (or the whole page's), block by block, blocks joined by newlines. */
function extractHtml(html: string, wholePage: boolean): DocumentText {
  const parse = (h: string) => parseHTML(h).document as unknown as Document;
  let document = parse(html);
  const title: string | undefined = document.title || undefined;
  const blocks: DocumentText['blocks'] = [];
  let text = '';
  const add = (blockText: string) => {
    if (text.length > 0) text += '\n';
    blocks.push({ start: text.length, text: blockText });
    text += blockText;
  };
  if (!wholePage) {
    const article = findArticle(document, parse);
    if (article && article.blocks.length > 0) {
      for (const block of article.blocks) add(block.text);
      return { text, blocks, source: 'article', title: article.title || title };
    }
    // Readability rewrites the document it reads: the whole page is read from a fresh parse.
    document = parse(html);
  }
  for (const block of collectBlocks(document.body ?? document.documentElement)) {
    if (block.text.trim().length > 0) add(block.text);
  }
  return { text, blocks, source: 'page', title };
}
