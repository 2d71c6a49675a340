/**
 * The offer of a card for selected text (utils/page/selection-offer.ts): one button, "Explain 八项规定",
 * beside the selection; a tap on it opens the card. It lives where the card does, in the card's
 * shadow root.
 */
import { useT } from './Language';

export interface LookupChipProps {
  phrase: string;
  onOpen: () => void;
}

export function LookupChip({ phrase, onOpen }: LookupChipProps) {
  const t = useT();
  return (
    <button type="button" class="chip" onClick={onOpen}>
      {t('explain', phrase)}
    </button>
  );
}

export const LOOKUP_CHIP_CSS = `
.chip {
  all: unset; position: fixed; z-index: 2147483647; left: 0; top: 0; box-sizing: border-box;
  min-height: 44px; max-width: calc(100vw - 16px); padding: 0 var(--tl-space-3);
  display: inline-flex; align-items: center; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  font: var(--tl-text-md) / var(--tl-line) var(--tl-font); cursor: pointer;
  background: var(--tl-accent); color: var(--tl-on-accent);
  border-radius: 999px; box-shadow: var(--tl-shadow);
}
.chip:focus-visible { outline: 2px solid var(--tl-focus); outline-offset: 2px; }
`;
