import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pageMatcher } from '@/components/extension-page-highlights';
import { OptionsForm } from '@/components/OptionsForm';
import { OwnPhrases } from '@/components/OwnPhrases';
import { UiLanguage } from '@/components/UiLanguage';
import { glossaryPath } from '@/utils/core/links';
import {
  ALL_SETTINGS,
  conversionSettings,
  highlightSettings,
  ownPhrases,
  scopeSettings,
  tapLookup,
  uiLanguage,
} from '@/utils/extension/settings';
import { pdfAutoOpenSites } from '@/utils/extension/pdf-auto-open';
import { useSetting, type SaveState } from '@/utils/extension/use-setting';
import { saveFile } from '@/utils/page/download';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

/** What the header says: the most pressing state of any setting (a failure over a save in flight). */
function overall(states: SaveState[]): SaveState {
  for (const state of ['failed', 'saving', 'saved'] as const) if (states.includes(state)) return state;
  return 'idle';
}

function Options() {
  const highlights = useSetting(highlightSettings);
  const conversion = useSetting(conversionSettings);
  const language = useSetting(uiLanguage);
  const scopes = useSetting(scopeSettings);
  const own = useSetting(ownPhrases);
  const tap = useSetting(tapLookup);
  if (!highlights.value || !conversion.value || !language.value || !scopes.value || !own.value || tap.value === undefined) return null;
  const matcher = pageMatcher();
  return (
    <OptionsForm
      highlights={highlights.value}
      onHighlights={(change) => void highlights.update(change)}
      tapLookup={tap.value}
      onTapLookup={(on) => void tap.update(() => on)}
      defaultChoice={conversion.value.defaultChoice}
      onDefaultChoice={(defaultChoice) => void conversion.update((c) => ({ ...c, defaultChoice }))}
      language={language.value}
      onLanguage={(next) => void language.update(() => next)}
      scope={scopes.value.scope}
      onScope={(scope) => void scopes.update((s) => ({ ...s, scope }))}
      saveState={overall([highlights.state, conversion.state, language.state, scopes.state, own.state, tap.state])}
      onReset={async () => {
        await Promise.all([...ALL_SETTINGS, pdfAutoOpenSites].map((setting) => setting.reset()));
      }}
      ownPhrases={
        <OwnPhrases
          phrases={own.value}
          onChange={own.update}
          glossary={matcher}
          keyOf={matcher.key}
          entryLink={(id) => browser.runtime.getURL(glossaryPath({ id }))}
          save={(name, type, content) => saveFile(document, name, type, content)}
        />
      }
    />
  );
}

render(
  <UiLanguage>
    <Options />
  </UiLanguage>,
  document.getElementById('app')!,
);
