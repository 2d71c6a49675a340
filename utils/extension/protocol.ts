/**
 * The one message protocol between the extension's contexts (background, offscreen document,
 * content scripts, popup, pages). Each message type has a request schema and a reply schema; the
 * TypeScript types of both come from them. Requests are checked when they arrive, replies when
 * they come back: another extension, or a content script left over from before an update, can
 * send anything, and a malformed message is ignored with one warning.
 *
 * Senders are typed: `sendToBackground({ type: 'get-entry', id })` resolves to that type's reply.
 */
import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { ArticleSchema } from '../core/article-model';
import { isPackedBlocks, SCRIPT_CHOICES, TARGETS, type PackedBlocks } from '../core/convert';
import type { CompiledEntry } from '../core/compiled-data';
import { CATEGORIES } from '../core/glossary-schema';
import { logOnce } from '../core/log';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const EntryId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,120}$/));
const Target = v.picklist(TARGETS);
const ScriptChoice = v.picklist(SCRIPT_CHOICES);
const Packed = v.custom<PackedBlocks>(isPackedBlocks, 'malformed packed blocks');
const Ok = v.object({ ok: v.boolean() });

const PhraseCountSchema = v.object({
  id: EntryId,
  count: Count,
  /** Rank of the first occurrence in page order (for ordering by first appearance). */
  first: Count,
});
export type PhraseCount = v.InferOutput<typeof PhraseCountSchema>;

const PageSummarySchema = v.object({
  url: v.string(),
  hasChinese: v.boolean(),
  enabled: v.boolean(),
  phrases: v.array(PhraseCountSchema),
  total: Count,
  /**
   * How many changes of the settings the page has heard of since it loaded; the summary is made
   * once the highlights have settled after all of them. The popup, having seen a change, asks until
   * this counts it, so it never shows a summary made before the change.
   */
  generation: Count,
  /**
   * For a PDF in the viewer: its pages, and whether it has text to read at all. A scan ('no-text')
   * or a PDF whose fonts map to no characters ('unreadable') must never look like a page without phrases.
   */
  pdf: v.optional(v.object({ pages: Count, text: v.picklist(['text', 'no-text', 'unreadable']) })),
});
export type PageSummary = v.InferOutput<typeof PageSummarySchema>;

const PageReportSchema = v.object({
  url: v.string(),
  hasChinese: v.boolean(),
  /** 'article' when Readability found one; otherwise the whole page was counted. */
  source: v.picklist(['article', 'page']),
  title: v.string(),
  byline: v.nullable(v.string()),
  siteName: v.nullable(v.string()),
  publishedTime: v.nullable(v.string()),
  length: Count,
  distinct: Count,
  occurrences: Count,
  /** Occurrences per 1,000 characters. */
  density: v.number(),
  byCategory: v.record(v.picklist(CATEGORIES), Count),
  /** Phrases in order of first appearance. */
  phrases: v.array(PhraseCountSchema),
});
export type PageReport = v.InferOutput<typeof PageReportSchema>;

/** What the in-page card shows: the entry with its first occurrences in the essays. */
export type CardEntry = CompiledEntry & { occurrenceCount: number };
const CardEntryShape = v.looseObject({
  id: EntryId,
  simplified: v.string(),
  traditional: v.string(),
  meaningZh: v.string(),
  meaningEn: v.string(),
  category: v.picklist(CATEGORIES),
  occurrences: v.array(v.looseObject({ essay: Count, paragraph: Count, start: Count, text: v.string() })),
  occurrenceCount: Count,
});
const CardEntrySchema = v.custom<CardEntry>((value) => v.is(CardEntryShape, value), 'malformed entry');

const ConvertReply = v.variant('ok', [
  v.object({ ok: v.literal(true), blocks: Packed }),
  v.object({ ok: v.literal(false), error: v.string() }),
]);
const ArticleReply = v.object({ article: v.nullable(ArticleSchema) });

/** Message type → what the request carries besides its type, and what the reply is. */
const PROTOCOL = {
  /** popup → content script (top frame): what does this page contain? */
  'page-summary': { request: {}, reply: PageSummarySchema },
  /** popup → content script: scroll to the next occurrence of a phrase and flash it. */
  'scroll-to': { request: { id: EntryId }, reply: Ok },
  /** background (keyboard command) → content script: go to the next or previous phrase. */
  navigate: { request: { direction: v.picklist(['next', 'previous']) }, reply: Ok },
  /** content script → background: an entry for the card. */
  'get-entry': { request: { id: EntryId }, reply: v.nullable(CardEntrySchema) },
  /** content script or page → background: convert blocks of text (see utils/core/convert.ts). */
  'convert-text': { request: { target: Target, blocks: Packed }, reply: ConvertReply },
  /** popup or background → content script: show the page in a script, or the original. */
  'set-script': { request: { choice: ScriptChoice }, reply: v.object({ ok: v.boolean(), choice: ScriptChoice }) },
  /** popup → content script: which script the page shows. */
  'get-script': { request: {}, reply: v.object({ choice: ScriptChoice }) },
  /** background (context menu) → content script: convert the selected text. */
  'convert-selection': { request: { target: Target }, reply: Ok },
  /** background (keyboard command) → content script: switch conversion on or off. */
  'toggle-script': { request: {}, reply: Ok },
  /** content script → background: find the article in a copy of the page (Readability). */
  'find-article': { request: { html: v.string() }, reply: ArticleReply },
  /** popup → content script (top frame): the page report. */
  'page-report': { request: {}, reply: PageReportSchema },
  /** reader view → content script (top frame): the article, block by block. */
  'get-article': { request: {}, reply: v.object({ article: v.nullable(ArticleSchema), url: v.string() }) },
  /** content script → background: open the glossary at an entry (its concordance). */
  'open-glossary': { request: { id: EntryId }, reply: Ok },
  /** content script → background: open the essay reader at an occurrence. */
  'open-essay': { request: { essay: Count, paragraph: Count, offset: Count }, reply: Ok },
  /** background → offscreen document (Chrome): convert with opencc-js. */
  'offscreen-convert': { request: { target: Target, blocks: Packed }, reply: ConvertReply },
  /** background → offscreen document (Chrome): find the article with Readability. */
  'offscreen-article': { request: { html: v.string() }, reply: ArticleReply },
} as const satisfies Record<string, { request: v.ObjectEntries; reply: v.GenericSchema }>;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
type Fields<E> = { -readonly [K in keyof E]: E[K] extends v.GenericSchema ? v.InferOutput<E[K]> : never };
export type Message<T extends MessageType = MessageType> = T extends MessageType ? { type: T } & Fields<Protocol[T]['request']> : never;
export type Reply<T extends MessageType> = v.InferOutput<Protocol[T]['reply']>;

const MessageSchema = v.variant(
  'type',
  Object.entries(PROTOCOL).map(([type, { request }]) => v.object({ type: v.literal(type), ...request })) as unknown as [
    v.ObjectSchema<{ type: v.LiteralSchema<string, undefined> }, undefined>,
  ],
);

/** A message of the protocol, or undefined (with one warning per kind of malformed message). */
export function parseMessage(value: unknown): Message | undefined {
  const result = v.safeParse(MessageSchema, value);
  if (result.success) return result.output as Message;
  const type = typeof value === 'object' && value !== null ? String((value as { type?: unknown }).type) : typeof value;
  logOnce('protocol', `ignored a malformed "${type}" message`, v.flatten(result.issues).nested ?? result.issues[0]?.message);
  return undefined;
}

export class ProtocolError extends Error {
  constructor(
    readonly type: MessageType,
    readonly reason: 'no-receiver' | 'bad-reply',
    detail?: string,
  ) {
    super(
      `${type}: ${reason === 'no-receiver' ? 'nothing answered' : 'the reply did not fit the protocol'}${detail ? ` (${detail})` : ''}`,
    );
  }
}

function checkReply<T extends MessageType>(type: T, reply: unknown): Reply<T> {
  const result = v.safeParse(PROTOCOL[type].reply, reply);
  if (!result.success) throw new ProtocolError(type, reply === undefined ? 'no-receiver' : 'bad-reply', result.issues[0]?.message);
  return result.output as Reply<T>;
}

async function deliver<T extends MessageType>(type: T, send: () => Promise<unknown>): Promise<Reply<T>> {
  let reply: unknown;
  try {
    reply = await send();
  } catch (error) {
    // "Receiving end does not exist": no content script in that tab (browser pages, the web store,
    // PDFs), or no listener for this type yet.
    throw new ProtocolError(type, 'no-receiver', String((error as Error)?.message ?? error));
  }
  return checkReply(type, reply);
}

/** To the background (and the extension's pages). */
export function sendToBackground<T extends MessageType>(message: Message<T>): Promise<Reply<T>> {
  return deliver(message.type as T, () => browser.runtime.sendMessage(message));
}

/** To a tab's content scripts: every frame, or one. */
export function sendToTab<T extends MessageType>(
  tabId: number,
  message: Message<T>,
  options: { frameId?: number } = {},
): Promise<Reply<T>> {
  return deliver(message.type as T, () => browser.tabs.sendMessage(tabId, message, options));
}

type Handlers = {
  [T in MessageType]?: (message: Message<T>, sender: Browser.runtime.MessageSender) => Reply<T> | Promise<Reply<T>> | undefined;
};

/**
 * What a context answers to a raw message: a reply, a promise of one, or undefined to stay silent
 * (another frame or context answers). Types it has no handler for are someone else's and are
 * passed over without a word.
 */
export type Answer = (raw: unknown, sender: Browser.runtime.MessageSender) => unknown;

export function answerWith(handlers: Handlers): Answer {
  return (raw, sender) => {
    // Another context's traffic (a type we do not handle) is not ours to judge.
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !(type in handlers)) {
      if (typeof type !== 'string' || !(type in PROTOCOL)) parseMessage(raw);
      return undefined;
    }
    const message = parseMessage(raw);
    if (!message) return undefined;
    const handler = handlers[message.type] as ((m: Message, s: Browser.runtime.MessageSender) => unknown) | undefined;
    const result = handler?.(message, sender);
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      // The sender sees no reply (its ProtocolError names the type); the reason is logged here.
      logOnce(`handling "${message.type}"`, String((error as Error)?.message ?? error), error);
      return undefined;
    });
  };
}

/** Answers messages with `answer` until the returned function is called. */
export function listen(answer: Answer): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    const result = answer(raw, sender);
    if (result === undefined) return undefined;
    // Where replies are the listener's returned promise (Firefox's and WXT's fake browser give no
    // sendResponse), return one.
    if (typeof sendResponse !== 'function') return Promise.resolve(result) as never;
    if (result instanceof Promise) {
      void result.then(sendResponse);
      return true;
    }
    sendResponse(result);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Listens for the message types this context handles (see Answer); a promise is answered when it settles. */
export function onMessage(handlers: Handlers): () => void {
  return listen(answerWith(handlers));
}
