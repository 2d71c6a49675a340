/**
 * What the first content script (entrypoints/content-loader.ts) hands to the content script it
 * starts. Every frame gets both, but the content script (the highlighter, the card, their data:
 * about 200 KiB) runs only once the frame shows Chinese, or once the reader asks something of it
 * (the popup, a menu). Both run in the extension's isolated world of the frame and share its global
 * object, which the page's own world never sees: the handoff lives there.
 */
import type { Browser } from 'wxt/browser';
import type { MessageType } from './protocol';

/** Answers a message that reached the first script before the content script listened. */
type Answer = (raw: unknown, sender: Browser.runtime.MessageSender) => unknown;

export interface ContentHandoff {
  /** The frame has shown Chinese (the content script need not wait for it to put its rules in). */
  chineseSeen: boolean;
  /**
   * Storage, read by the first script at document_start: the settings the content script starts
   * with. Asked for while the page is parsed, the reply comes in a few milliseconds; asked for once
   * it is parsed, it waits behind the page's first layout (measured: 100 ms on a small page). Null
   * once the page has loaded without Chinese (the content script then reads its own).
   */
  stored: Promise<Record<string, unknown>> | null;
  /** Settles once the content script answers messages, with the way it answers them. */
  answering: Promise<Answer>;
  /** Called by the content script once it listens for messages; the first script steps aside. */
  nowAnswering(answer: Answer): void;
}

/**
 * The messages that start the content script where it has not started yet: what the reader asks of the
 * page (the popup, the context menu, the reader view). In the top frame, which answers for the tab,
 * all of them. In another frame, only converting the selection, which the menu sends to the frame
 * where the selection is. The rest are about highlights or converting what a frame shows, and a frame
 * that has shown no Chinese has neither: it stays silent, as the content script would.
 */
const WAKE_TOP_FRAME = [
  'page-summary',
  'page-report',
  'get-article',
  'get-script',
  'set-script',
  'toggle-script',
  'convert-selection',
] as const satisfies readonly MessageType[];
const WAKE_ANY_FRAME = ['convert-selection'] as const satisfies readonly MessageType[];

export function wakesContentScript(type: unknown, isTopFrame: boolean): boolean {
  return (isTopFrame ? WAKE_TOP_FRAME : WAKE_ANY_FRAME).includes(type as never);
}

const HANDOFF = Symbol.for('tifa-lens:content-handoff');

/**
 * The name (Symbol.for) under which the content script waits to be started: the build wraps it in a
 * function stored there (scripts/build/deferred-content-script.ts), injected right after the first
 * content script.
 */
export const DEFERRED_CONTENT_SCRIPT = 'tifa-lens:content-script';

/** Starts the content script; false where there is none to start (it was never injected here). */
export function startContentScript(): boolean {
  const start = (globalThis as typeof globalThis & Record<symbol, unknown>)[Symbol.for(DEFERRED_CONTENT_SCRIPT)];
  if (typeof start !== 'function') return false;
  start();
  return true;
}

type WithHandoff = typeof globalThis & { [HANDOFF]?: ContentHandoff };

/** The first script's handoff, made once per frame. */
export function createHandoff(onAnswering: () => void): ContentHandoff {
  let resolve: (answer: Answer) => void = () => {};
  const answering = new Promise<Answer>((r) => (resolve = r));
  const handoff: ContentHandoff = {
    chineseSeen: false,
    stored: null,
    answering,
    nowAnswering(answer) {
      onAnswering();
      resolve(answer);
    },
  };
  (globalThis as WithHandoff)[HANDOFF] = handoff;
  return handoff;
}

/** The handoff of the frame's first script; undefined where the content script runs alone (tests, an old build). */
export function receiveHandoff(): ContentHandoff | undefined {
  return (globalThis as WithHandoff)[HANDOFF];
}
