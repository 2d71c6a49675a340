import { render } from 'preact';
import { UiLanguage } from '@/components/UiLanguage';
import '@/components/theme.css';
import '@/components/controls.css';
import { App } from './App';
import './style.css';

render(
  <UiLanguage>
    <App />
  </UiLanguage>,
  document.getElementById('app')!,
);
