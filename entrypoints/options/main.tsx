import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { UiLanguage } from '@/components/UiLanguage';
import { conversionSettings, highlightSettings, scopeSettings, uiLanguage } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import './style.css';

function Options() {
  const highlights = useSetting(highlightSettings);
  const conversion = useSetting(conversionSettings);
  const language = useSetting(uiLanguage);
  const scopes = useSetting(scopeSettings);
  if (!highlights.value || !conversion.value || !language.value || !scopes.value) return null;
  return (
    <OptionsForm
      highlights={highlights.value}
      onHighlights={(next) => void highlights.update(() => next)}
      defaultChoice={conversion.value.defaultChoice}
      onDefaultChoice={(defaultChoice) => void conversion.update((c) => ({ ...c, defaultChoice }))}
      language={language.value}
      onLanguage={(next) => void language.update(() => next)}
      scope={scopes.value.scope}
      onScope={(scope) => void scopes.update((s) => ({ ...s, scope }))}
    />
  );
}

render(
  <UiLanguage>
    <Options />
  </UiLanguage>,
  document.getElementById('app')!,
);
