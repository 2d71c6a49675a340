/**
 * `--shard i/n`: the share of a corpus one of n machines (or tasks) annotates. A document belongs to
 * shard i when the FNV-1a 32-bit hash of its id's UTF-8 bytes, modulo n, is i - 1: it depends on the
 * id alone, so every machine agrees without talking to the others, whatever order it reads in.
 * (In Python: h = 0x811c9dc5; for b in id.encode(): h = ((h ^ b) * 0x01000193) & 0xffffffff.)
 */

export interface Shard {
  /** 1-based, as written. */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n, or undefined. */
export function parseShard(value: string | undefined): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? '');
  if (!m) return undefined;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

export const inShard = (id: string, shard: Shard) => fnv1a(id) % shard.count === shard.index - 1;
