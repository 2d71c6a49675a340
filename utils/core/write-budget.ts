/**
 * How much text to write into a page per frame. Every character written is laid out again by the
 * browser in that frame, and the cost per character depends on the page and the machine (on a
 * 1 MB page here, changing all its text cost ~250 ms of layout in one frame), so the budget is
 * learnt: after each frame it is scaled by how far that frame was from the target length.
 */
export class WriteBudget {
  constructor(
    /** Small: the first frame after a pause in writing has been measured here to cost the most. */
    private chars = 8_000,
    /** Frames a little shorter than 50 ms: the rest of the frame is the page's. */
    private readonly targetFrameMs = 40,
  ) {}

  get value(): number {
    return this.chars;
  }

  /** A frame in which `written` characters were written took `frameMs`, writing and layout. */
  update(written: number, frameMs: number): void {
    // A frame that wrote little says little about the rate (and may be short for other reasons).
    if (written < this.chars / 2 || frameMs <= 0) return;
    const factor = Math.min(MAX_STEP, Math.max(1 / MAX_STEP, this.targetFrameMs / frameMs));
    this.chars = Math.round(Math.min(MAX_CHARS, Math.max(MIN_CHARS, this.chars * factor)));
  }
}

const MAX_STEP = 1.5;
const MIN_CHARS = 1_000;
const MAX_CHARS = 1_000_000;
