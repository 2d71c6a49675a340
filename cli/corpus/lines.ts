/**
 * Lines of a byte stream (JSONL, NDJSON), as they arrive, in bounded memory: a line is held only
 * until its newline comes. A last line with no newline is reported as not complete, which is how an
 * interrupted write looks.
 */

export interface Line {
  /** Without its line ending (\n or \r\n); undefined when the line is not valid UTF-8. */
  text: string | undefined;
  /** 1-based. */
  number: number;
  /** Bytes of the line, its line ending included. */
  bytes: number;
  complete: boolean;
}

export async function* lines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let number = 0;
  const line = (bytes: Buffer, complete: boolean): Line => {
    number++;
    let end = complete ? bytes.length - 1 : bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    let text: string | undefined;
    try {
      text = decoder.decode(bytes.subarray(0, end));
    } catch {
      // fatal: true throws on bytes that are not UTF-8: the caller reports the line.
      text = undefined;
    }
    return { text, number, bytes: bytes.length, complete };
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, from)) {
      pending.push(bytes.subarray(from, newline + 1));
      yield line(pending.length === 1 ? pending[0] : Buffer.concat(pending), true);
      pending = [];
      from = newline + 1;
    }
    if (from < bytes.length) pending.push(bytes.subarray(from));
  }
  if (pending.length > 0) yield line(Buffer.concat(pending), false);
}
