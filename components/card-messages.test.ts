import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_MESSAGE_KEYS } from '../utils/core/card-messages';

describe('the card’s strings', () => {
  it('are every string the card asks for (the content script carries no others)', () => {
    const asked = new Set<string>();
    for (const file of ['PhraseCard.tsx', 'LookupChip.tsx', 'card-controller.tsx']) {
      const source = readFileSync(join(import.meta.dirname, file), 'utf8');
      for (const [, key] of source.matchAll(/\bt\(\s*'([A-Za-z_]+)'/g)) asked.add(key);
    }
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((key) => !(CARD_MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });
});
