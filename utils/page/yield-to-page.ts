/**
 * Gives the main thread back to the page between slices of work: scheduler.yield() where the
 * browser has it (the continuation keeps its place in line), a zero timeout elsewhere.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Gives the main thread back with the continuation queued behind what is already waiting, frames
 * included: for background work that must not hold the page's rendering up. (A continuation of
 * scheduler.yield() goes first, and Chromium then renders only when it has waited too long.)
 */
export function yieldBehindRendering(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options?: { priority?: string }) => Promise<void> } })
    .scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves at the start of the next frame (in a requestAnimationFrame callback), so that what is
 * written then is laid out and painted in that same frame. A hidden document has no frames: there
 * it is a plain yield, and it never waits for a frame that a tab hidden meanwhile would not give.
 */
export function nextFrame(document: Document): Promise<void> {
  const view = document.defaultView;
  if (document.visibilityState === 'hidden' || !view) return yieldToPage();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_TIMEOUT_MS);
    view.requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
const FRAME_TIMEOUT_MS = 200;

/**
 * Resolves just after the next frame has been produced (a task queued from its
 * requestAnimationFrame callback): background work done then leaves the rest of the frame to the
 * page and never holds a frame up. A hidden document has no frames: there it is a plain yield.
 */
export function afterNextFrame(document: Document): Promise<void> {
  const view = document.defaultView;
  if (document.visibilityState === 'hidden' || !view) return yieldToPage();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_TIMEOUT_MS);
    view.requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
