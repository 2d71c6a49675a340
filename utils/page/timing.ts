/**
 * The content scripts' user-timing signals (README, "Testing hooks"), recorded so that the page
 * they are recorded in can read them, details included.
 *
 * A Firefox content script reaches the page's `performance` through an Xray wrapper: the entry
 * lands in the page's timeline, but its `detail` is then an object of the content script's, which
 * page scripts (and tests evaluating in the page) may not read ("Permission denied to access
 * property"). There the entry is recorded through the page's own object, with the options cloned
 * into the page. Elsewhere (Chrome's isolated world) `detail` is copied into the page as it is.
 */
interface TimingOptions {
  start?: number;
  detail?: Record<string, unknown>;
}

type CloneInto = <T>(value: T, target: object) => T;

export function mark(name: string, options?: TimingOptions): void {
  record('mark', name, options);
}

export function measure(name: string, options: TimingOptions): void {
  record('measure', name, options);
}

function record(kind: 'mark' | 'measure', name: string, options: TimingOptions | undefined): void {
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  const page = (window as { wrappedJSObject?: Window }).wrappedJSObject;
  if (options?.detail && cloneInto && page) {
    try {
      page.performance[kind](name, cloneInto(options, window));
      return;
    } catch {
      // The page replaced its own performance API: the entry is recorded as elsewhere, its
      // detail unreadable to the page's scripts (the only ones that read it).
    }
  }
  performance[kind](name, options);
}
