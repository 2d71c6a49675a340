import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsForm } from '@/components/OptionsForm';
import { UiLanguage } from '@/components/UiLanguage';
import {
  readConversionSettings,
  readHighlightSettings,
  readUiLanguage,
  readScopeSettings,
  scopeSettings,
  type ScopeSettings,
  saveHighlightSettings,
  setDefaultChoice,
  uiLanguage,
  type HighlightSettings,
} from '@/utils/extension/settings';
import type { ScriptChoice } from '@/utils/core/convert';
import type { LanguageSetting } from '@/utils/core/i18n';
import './style.css';

function Options() {
  const [highlights, setHighlights] = useState<HighlightSettings>();
  const [choice, setChoice] = useState<ScriptChoice>();
  const [language, setLanguage] = useState<LanguageSetting>();
  const [scopes, setScopes] = useState<ScopeSettings>();
  useEffect(() => {
    void readScopeSettings().then(setScopes);
    void readHighlightSettings().then(setHighlights);
    void readConversionSettings().then((c) => setChoice(c.defaultChoice));
    void readUiLanguage().then(setLanguage);
  }, []);
  if (!highlights || !choice || !language || !scopes) return null;
  return (
    <OptionsForm
      highlights={highlights}
      onHighlights={(next) => {
        setHighlights(next);
        void saveHighlightSettings(next);
      }}
      defaultChoice={choice}
      onDefaultChoice={(next) => {
        setChoice(next);
        void setDefaultChoice(next);
      }}
      language={language}
      onLanguage={(next) => {
        setLanguage(next);
        void uiLanguage.setValue(next);
      }}
      scope={scopes.scope}
      onScope={(scope) => {
        const next = { ...scopes, scope };
        setScopes(next);
        void scopeSettings.setValue(next);
      }}
    />
  );
}

render(
  <UiLanguage>
    <Options />
  </UiLanguage>,
  document.getElementById('app')!,
);
