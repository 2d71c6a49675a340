/**
 * The article found in a page (by utils/page/article.ts, in the extension's offscreen document) as it
 * travels to the content script, the popup and the reader view: its schema is the type.
 */
import * as v from 'valibot';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const ArticleBlockSchema = v.object({
  kind: v.picklist(['heading', 'paragraph', 'item', 'quote']),
  text: v.string(),
});
export type ArticleBlock = v.InferOutput<typeof ArticleBlockSchema>;

export const ArticleSchema = v.object({
  title: v.string(),
  byline: v.nullable(v.string()),
  siteName: v.nullable(v.string()),
  publishedTime: v.nullable(v.string()),
  /** Characters of article text. */
  length: Count,
  /** Positions (in document order among <body>'s descendants) of the page elements that hold it. */
  elements: v.array(Count),
  /** The article's text, block by block, for the reader view and exports. */
  blocks: v.array(ArticleBlockSchema),
});
export type Article = v.InferOutput<typeof ArticleSchema>;
