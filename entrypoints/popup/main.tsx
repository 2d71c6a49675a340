import { render } from 'preact';
import { App } from './App';
import { UiLanguage } from '@/components/UiLanguage';
import './style.css';

render(
  <UiLanguage>
    <App />
  </UiLanguage>,
  document.getElementById('app')!,
);
