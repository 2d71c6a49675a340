/**
 * Numbers for pairs of small integers (a sequence's prefix number and its last character), in the
 * order they are first added: an open-addressing hash table over typed arrays. A Map keyed by
 * prefix × 65536 + character would do the same, but its keys outgrow small integers and every
 * lookup then hashes a boxed number: several times slower over the tens of millions of lookups a
 * corpus takes (sequence-counts.ts).
 *
 * Pure.
 */
const EMPTY = -1;

export class PairNumbering {
  /** The pair of each number. */
  first: Int32Array;
  second: Uint16Array;
  size = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity / 2);
    this.second = new Uint16Array(capacity / 2);
  }

  /** The pair's number, or -1. */
  get(first: number, second: number): number {
    for (let slot = this.hash(first, second); ; slot = (slot + 1) & this.mask) {
      const n = this.slots[slot];
      if (n === EMPTY) return EMPTY;
      if (this.first[n] === first && this.second[n] === second) return n;
    }
  }

  /** The pair's number, numbering it next if it has none. */
  add(first: number, second: number): number {
    for (let slot = this.hash(first, second); ; slot = (slot + 1) & this.mask) {
      const n = this.slots[slot];
      if (n === EMPTY) {
        if (this.size === this.first.length) {
          this.grow();
          return this.add(first, second);
        }
        const numbered = this.size++;
        this.first[numbered] = first;
        this.second[numbered] = second;
        this.slots[slot] = numbered;
        return numbered;
      }
      if (this.first[n] === first && this.second[n] === second) return n;
    }
  }

  private hash(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & this.mask;
  }

  /** Twice the room; numbers stay as they were. */
  private grow(): void {
    const capacity = this.slots.length * 2;
    const first = new Int32Array(capacity / 2);
    const second = new Uint16Array(capacity / 2);
    first.set(this.first);
    second.set(this.second);
    this.first = first;
    this.second = second;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let n = 0; n < this.size; n++) {
      let slot = this.hash(first[n], second[n]);
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = n;
    }
  }
}
