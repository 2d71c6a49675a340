/**
 * An entry's English renderings, each with who gives it and its citation: all of them in the
 * glossary (with the note where the official English departs from the Chinese, and "none found"
 * where none was), the lead one elsewhere. Text goes in as text nodes only.
 */
import { citation, leadRendering, type GlossaryEntry } from '@/utils/core/glossary-schema';
import { renderingKindLabel } from '@/utils/core/i18n';
import { useT } from './Language';

export function Renderings({ entry, all }: { entry: GlossaryEntry; all: boolean }) {
  const t = useT();
  const english = entry.english;
  const lead = leadRendering(entry);
  if (!all) {
    return lead ? (
      <p class="rendering" lang="en">
        <span class="label">{renderingKindLabel(t, lead.kind)}</span> “{lead.text}” <span class="source">{lead.source.publisher}</span>
      </p>
    ) : null;
  }
  return (
    <section class="renderings" aria-label={t('renderingsTitle')}>
      <h3>{t('renderingsTitle')}</h3>
      {english === undefined ? (
        <p class="tl-note">{t('renderingsNotChecked')}</p>
      ) : english.renderings.length === 0 ? (
        <p class="tl-note">{t('renderingsNoneFound')}</p>
      ) : (
        <ul>
          {english.renderings.map((r) => (
            <li key={`${r.kind}-${r.text}`} lang="en">
              <span class="kind">{renderingKindLabel(t, r.kind)}</span> <q>{r.text}</q>{' '}
              <cite>
                {/^https?:\/\//.test(r.source.locator) ? (
                  <>
                    {citation(r.source, false)},{' '}
                    <a href={r.source.locator} target="_blank" rel="noopener noreferrer">
                      {new URL(r.source.locator).hostname}
                    </a>
                  </>
                ) : (
                  citation(r.source)
                )}
              </cite>
            </li>
          ))}
        </ul>
      )}
      {english && (
        <details class="searched">
          <summary>{t('renderingsSearched')}</summary>
          <p lang="en">{english.searched}</p>
        </details>
      )}
      {english?.note && (
        <p class="note">
          <span class="label">{t('renderingNote')}</span> {english.note}
        </p>
      )}
    </section>
  );
}
