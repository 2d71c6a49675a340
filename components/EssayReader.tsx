/**
 * The three source essays, paragraph by paragraph, with every repair visibly marked (its raw text on
 * hover and focus) and a switch between the repaired reading and the raw text. Deep links
 * (#e1-p5-o120) scroll to the paragraph and flash the phrase.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Corpus, Paragraph, Piece } from '@/utils/core/corpus-model';
import { essayAnchor, parseEssayAnchor } from '@/utils/core/links';
import { useT } from './Language';

function PieceView({ piece, raw, id }: { piece: Piece; raw: boolean; id: string }) {
  const t = useT();
  if (typeof piece === 'string') return <>{piece}</>;
  if (raw) return <>{piece.raw}</>;
  const kind = piece.kind === 'garbled' ? t('repairGarbled') : piece.kind === 'typo' ? t('repairTypo') : t('repairOther');
  const label = `${kind}${piece.uncertain ? ` (${t('uncertain')})` : ''}: ${t('rawText')} “${piece.raw}”. ${piece.note}`;
  // Punctuation fixes are many and trivial: marked, but not announced one by one.
  if (piece.kind === 'punctuation')
    return (
      <span class="repair-punctuation" title={label}>
        {piece.text}
      </span>
    );
  // The raw text shows on hover (title) and on focus (data-raw, drawn by CSS), and is the mark's
  // description for screen readers. The description lives outside the paragraph's text (hidden,
  // and never read by the highlighter), so offsets and phrases stay those of the reading.
  return (
    <>
      <span
        class={`repair repair-${piece.kind}${piece.uncertain ? ' uncertain' : ''}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users focus the mark to read the raw text; a <button> would split the phrase around it (buttons are blocks to the highlighter).
        tabIndex={0}
        title={label}
        data-raw={`${piece.raw || '∅'} — ${piece.note}`}
        aria-describedby={id}
      >
        {/* A removal shows as a mark drawn by CSS, not as text: offsets stay those of the reading. */}
        {piece.text}
      </span>
      <span id={id} hidden data-tifa-ui>
        {label}
      </span>
    </>
  );
}

function ParagraphView({ paragraph, raw }: { paragraph: Paragraph; raw: boolean }) {
  return (
    <p class="paragraph" id={essayAnchor(paragraph.essay, paragraph.number)} data-essay={paragraph.essay} data-paragraph={paragraph.number}>
      <span class="number" data-tifa-ui aria-hidden="true">
        {paragraph.number}
      </span>
      {paragraph.pieces.map((piece, i) => (
        <PieceView key={i} piece={piece} raw={raw} id={`repair-${paragraph.essay}-${paragraph.number}-${i}`} />
      ))}
    </p>
  );
}

/** Scrolls to the paragraph a hash names and flashes it. */
function followAnchor(hash: string) {
  const target = parseEssayAnchor(hash);
  if (!target) return;
  const element = document.getElementById(essayAnchor(target.essay, target.paragraph));
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation
  element.classList.add('flash');
  element.setAttribute('data-target-offset', String(target.offset ?? 0));
}

export function EssayReader({ corpus, onRendered }: { corpus: Corpus; onRendered?: () => void }) {
  const t = useT();
  const [raw, setRaw] = useState(false);
  useEffect(() => {
    onRendered?.();
    followAnchor(location.hash);
    const onHash = () => followAnchor(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <main>
      <h1 data-tifa-ui>{t('essaysTitle')}</h1>
      <div class="toolbar" data-tifa-ui>
        <label>
          <input type="checkbox" checked={raw} onChange={(e) => setRaw((e.target as HTMLInputElement).checked)} /> {t('showRaw')}
        </label>
      </div>
      {corpus.essays.map((essay) => (
        <section key={essay.number} aria-labelledby={`essay-${essay.number}`}>
          <h2 id={`essay-${essay.number}`}>
            {essay.marker} Essay {essay.number}
          </h2>
          {essay.paragraphs.map((p, i) => (
            <Fragment key={`${essay.number}-${p.number}`}>
              {p.part > 1 && essay.paragraphs[i - 1]?.part !== p.part && (
                <div class="part-divider" data-tifa-ui role="note">
                  {t('secondText', essay.number)}
                </div>
              )}
              <ParagraphView paragraph={p} raw={raw} />
            </Fragment>
          ))}
        </section>
      ))}
    </main>
  );
}
