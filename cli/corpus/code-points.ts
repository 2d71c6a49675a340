/**
 * Offsets in code points, which Python, R and DuckDB index strings by, from JavaScript's UTF-16
 * offsets: they differ after every character outside the Basic Multilingual Plane (𠮷, emoji).
 */

const SURROGATE = /[\ud800-\udfff]/;

const isPairAt = (text: string, i: number) =>
  i + 1 < text.length &&
  text.charCodeAt(i) >= 0xd800 &&
  text.charCodeAt(i) <= 0xdbff &&
  text.charCodeAt(i + 1) >= 0xdc00 &&
  text.charCodeAt(i + 1) <= 0xdfff;

export class CodePoints {
  /** Code points before each UTF-16 offset; none when the text has no surrogate (offsets agree). */
  private readonly before?: Uint32Array;

  constructor(private readonly text: string) {
    if (!SURROGATE.test(text)) return;
    this.before = new Uint32Array(text.length + 1);
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      this.before[i] = count;
      // The low half of a pair is no code point of its own: it has its high half's count.
      if (!(i > 0 && isPairAt(text, i - 1))) count++;
    }
    this.before[text.length] = count;
  }

  /** The code-point offset of a UTF-16 offset. */
  at(offset: number): number {
    return this.before ? this.before[offset] : offset;
  }

  /** The `count` code points before a UTF-16 offset (fewer at the start). */
  preceding(offset: number, count: number): string {
    let from = offset;
    for (let n = 0; n < count && from > 0; n++) from -= from >= 2 && isPairAt(this.text, from - 2) ? 2 : 1;
    return this.text.slice(from, offset);
  }

  /** The `count` code points from a UTF-16 offset on (fewer at the end). */
  following(offset: number, count: number): string {
    let to = offset;
    for (let n = 0; n < count && to < this.text.length; n++) to += isPairAt(this.text, to) ? 2 : 1;
    return this.text.slice(offset, to);
  }

  /** Code points in the whole text. */
  get length(): number {
    return this.at(this.text.length);
  }
}
