/**
 * The offscreen converter (Chrome): a hidden extension page that loads opencc-js on the first
 * conversion request and converts text for the background, off every web page's main thread.
 */
import { convertBlocks } from '@/utils/opencc-converters';
import { parseOffscreenRequest } from '@/utils/messages';

browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  const request = parseOffscreenRequest(raw);
  if (!request) return; // meant for another context
  convertBlocks(request.target, request.blocks).then(
    (blocks) => sendResponse({ ok: true, blocks }),
    (error: unknown) => sendResponse({ ok: false, error: String(error) }),
  );
  return true;
});
