/** Under the page's phrases: the scope for this site, the page report, flashcards and the reader view. */
import { browser } from 'wxt/browser';
import { Segmented } from '@/components/Controls';
import { useT } from '@/components/Language';
import { readerViewPath } from '@/utils/core/links';
import { scopeFor, withSite } from '@/utils/core/settings-schema';
import { scopeSettings } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { useTargetTabId } from './target-tab';

export function PageFooter(props: { hostname: string; report: boolean; onReport: () => void; onFlashcards?: () => void }) {
  const { hostname, report, onReport, onFlashcards } = props;
  const t = useT();
  const tabId = useTargetTabId();
  const { value: scopes, update } = useSetting(scopeSettings);
  if (!scopes) return null;
  return (
    <footer class="page-footer">
      <Segmented
        small
        legend={t('scope')}
        name="scope"
        value={scopeFor(scopes, hostname)}
        onChange={(scope) => void update((s) => ({ ...s, sites: withSite(s.sites, hostname, scope) }))}
        options={[
          { value: 'page', label: t('scopePage') },
          { value: 'article', label: t('scopeArticle') },
        ]}
      />
      <span class="footer-links">
        <button type="button" class="link-button" aria-pressed={report} onClick={onReport}>
          {t('pageReport')}
        </button>
        {onFlashcards && (
          <button type="button" class="link-button" onClick={onFlashcards} title={t('flashcardsHint')}>
            {t('flashcards')}
          </button>
        )}
        {tabId !== undefined && (
          <a href={browser.runtime.getURL(readerViewPath(tabId))} target="_blank" rel="noopener">
            {t('readerView')}
          </a>
        )}
      </span>
    </footer>
  );
}
