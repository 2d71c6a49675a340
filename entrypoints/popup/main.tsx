import { render } from 'preact';
import { App } from './App';
import { StoredLanguage } from '@/components/Language';
import { readUiLanguage, uiLanguage } from '@/utils/settings';
import './style.css';

render(
  <StoredLanguage read={readUiLanguage} watch={(cb) => uiLanguage.watch((v) => cb(v ?? 'auto'))} browserLanguage={browser.i18n.getUILanguage()}>
    <App />
  </StoredLanguage>,
  document.getElementById('app')!,
);
