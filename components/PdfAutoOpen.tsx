/**
 * The options' list of sites whose PDFs open in the viewer automatically: add a site (the browser
 * asks the reader to allow it; it is listed only if allowed), remove one (its permission is given
 * back). Where the browser cannot redirect by content type, it says so and offers nothing to add.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from './Language';
import { logOnce } from '@/utils/core/log';
import { siteFromInput } from '@/utils/core/pdf-sites';
import { canOpenPdfsAutomatically, pdfAutoOpenSites, releaseSite, requestSite } from '@/utils/extension/pdf-auto-open';
import { useSetting } from '@/utils/extension/use-setting';

export function PdfAutoOpen() {
  const t = useT();
  const sites = useSetting(pdfAutoOpenSites);
  const [supported, setSupported] = useState<boolean | undefined>();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let live = true;
    void canOpenPdfsAutomatically()
      .catch((error: unknown) => {
        logOnce('pdf auto-open', 'could not tell whether the browser redirects by content type', error);
        return false;
      })
      .then((can) => live && setSupported(can));
    return () => {
      live = false;
    };
  }, []);

  const add = (event: Event) => {
    event.preventDefault();
    const host = siteFromInput(typed);
    if (!host) {
      setProblem(t('pdfAutoOpenInvalid', typed.trim()));
      return;
    }
    // The request comes first, in the click itself: the browser shows its prompt only during the gesture.
    const asked = requestSite(host);
    setProblem('');
    void asked
      .catch((error: unknown) => {
        logOnce('pdf auto-open', 'the permission request failed', error);
        return false;
      })
      .then(async (granted) => {
        if (!granted) {
          setProblem(t('pdfAutoOpenDenied', host));
          return;
        }
        await sites.update((current) => (current.includes(host) ? current : [...current, host]));
        setTyped('');
      });
  };

  const remove = (host: string) => {
    void sites.update((current) => current.filter((site) => site !== host));
    void releaseSite(host).catch((error: unknown) => logOnce('pdf auto-open', 'could not give the site’s permission back', error));
  };

  return (
    <div class="pdf-sites">
      {supported === false && (
        <p class="tl-hint pdf-sites-unsupported" role="status">
          {t('pdfAutoOpenUnsupported')}
        </p>
      )}
      <form class="pdf-sites-add" onSubmit={add}>
        <label class="opt-field">
          <span class="opt-label">{t('pdfAutoOpenSite')}</span>
          <input
            class="tl-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="www.gov.cn"
            value={typed}
            disabled={supported === false}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="tl-button" disabled={supported === false || typed.trim() === ''}>
          {t('pdfAutoOpenAdd')}
        </button>
      </form>
      <p class="pdf-sites-problem" role="alert">
        {problem}
      </p>
      {sites.value &&
        (sites.value.length === 0 ? (
          <p class="tl-hint">{t('pdfAutoOpenNone')}</p>
        ) : (
          <ul class="pdf-sites-list">
            {sites.value.map((host) => (
              <li key={host}>
                <span class="pdf-site">{host}</span>
                <button type="button" class="tl-button small" aria-label={t('pdfAutoOpenRemove', host)} onClick={() => remove(host)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
