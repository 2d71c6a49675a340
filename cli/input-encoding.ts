/**
 * Turning the bytes of a page or a text into a string. Chinese pages are often GBK, GB18030 or Big5
 * and say so only in a <meta>; Windows tools save UTF-16. The order is the HTML standard's: a byte
 * order mark, then the encoding the user names, then the page's <meta>, then UTF-8.
 */

/** Why the bytes could not be read; the CLI puts the input's name in front. */
export class InputEncodingError extends Error {}

const BINARY = 'looks binary (it holds NUL bytes); give HTML or text';

/** The standard name of an encoding label (gb2312 → gbk, unicode → utf-16le), if Node can decode it. */
export function encodingOfLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    // TextDecoder throws on a label it does not know: the caller names the label as unknown.
    return undefined;
  }
}

const BYTE_ORDER_MARKS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The HTML standard looks for the <meta> in the first 1024 bytes; pages with long heads put it later. */
const META_WINDOW = 4096;

const DISPLAY_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
  gb18030: 'GB18030',
  big5: 'Big5',
};

const displayName = (encoding: string) => DISPLAY_NAMES[encoding] ?? encoding;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The encoding a page's <meta charset> or <meta http-equiv="Content-Type"> names, if Node knows it. */
function metaEncoding(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so the ASCII markup reads the same whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_WINDOW))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const [, name, value] of tag.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      attributes.set(name.toLowerCase(), value.replace(/^["']|["']$/g, ''));
    }
    const declared =
      attributes.get('charset') ??
      (attributes.get('http-equiv')?.toLowerCase() === 'content-type'
        ? /charset\s*=\s*["']?([^\s"';]+)/i.exec(attributes.get('content') ?? '')?.[1]
        : undefined);
    const encoding = declared === undefined ? undefined : encodingOfLabel(declared);
    if (encoding === undefined) continue;
    // A <meta> that could be read as ASCII is not in UTF-16, whatever it claims (the HTML standard's rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return undefined;
}

/** Characters a text or a page is made of: ASCII, Latin, general and CJK punctuation, kana, hanzi, full-width forms. */
function plausible(unit: number): boolean {
  return (
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0xa0 && unit <= 0x24f) ||
    (unit >= 0x2000 && unit <= 0x206f) ||
    (unit >= 0x3000 && unit <= 0x30ff) ||
    (unit >= 0x3400 && unit <= 0x9fff) ||
    (unit >= 0xf900 && unit <= 0xfaff) ||
    (unit >= 0xff00 && unit <= 0xffef)
  );
}

/** Enough characters to tell text from binary, and an even number of bytes. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16 saved without a byte order mark: its ASCII characters carry NUL bytes, all on one side.
 * Both byte orders are tried on the first few kilobytes; the one that reads as text wins, if any does.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, UTF16_SAMPLE);
  let best: { encoding: 'utf-16le' | 'utf-16be'; share: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    let good = 0;
    for (let i = 0; i < sample; i += 2) {
      const unit = encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      if (plausible(unit)) good++;
    }
    const share = good / (sample / 2);
    if (!best || share > best.share) best = { encoding, share };
  }
  return best && best.share >= 0.9 ? best.encoding : undefined;
}

/** Decodes input bytes; `requested` is a standard encoding name (from encodingOfLabel), and a BOM overrides it. */
export function decodeInput(bytes: Uint8Array, requested?: string): { text: string; encoding: string } {
  const bom = BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes));
  let encoding: string;
  let why: string;
  if (bom) {
    encoding = bom.encoding;
    why = ', though its byte order mark says it is';
  } else if (requested) {
    encoding = requested;
    why = ' (the --encoding given); try another --encoding';
  } else if (bytes.includes(0)) {
    const utf16 = sniffUtf16(bytes);
    if (!utf16) throw new InputEncodingError(BINARY);
    encoding = utf16;
    why = ' (as its NUL bytes suggest); try --encoding';
  } else {
    const meta = metaEncoding(bytes);
    encoding = meta ?? 'utf-8';
    why = meta ? ' (the encoding its <meta> names); try --encoding with the right one' : '; try --encoding gbk, gb18030, big5 …';
  }
  if (!encoding.startsWith('utf-16') && bytes.includes(0)) throw new InputEncodingError(BINARY);
  // Browsers decode GBK with the GB18030 decoder (its superset, as the Encoding standard says), and
  // pages labelled GBK or GB2312 do hold GB18030's four-byte characters; Node's own GBK rejects them.
  const decoder = encoding === 'gbk' ? 'gb18030' : encoding;
  let text: string | undefined;
  try {
    text = new TextDecoder(decoder, { fatal: true }).decode(bytes);
  } catch {
    // fatal: true throws on the first byte sequence invalid in the encoding: reported just below.
    text = undefined;
  }
  if (text === undefined || (encoding === 'big5' && !big5Shaped(bytes))) {
    throw new InputEncodingError(`is not valid ${displayName(encoding)}${why}`);
  }
  return { text, encoding };
}

/**
 * Node's Big5 decoder skips bytes Big5 never uses (0x80, 0xFF) instead of failing, even when fatal:
 * so every byte past ASCII must be a lead byte followed by a trail byte.
 */
function big5Shaped(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const [lead, trail] = [bytes[i], bytes[++i]];
    if (lead < 0x81 || lead > 0xfe || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return false;
  }
  return true;
}
