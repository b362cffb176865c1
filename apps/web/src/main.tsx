import { render } from 'preact';
import { App } from './app';
import { applyBrand, loadWebConfig } from './brand/web-config';
import { interceptLinks } from './ui/router';
import './styles/tokens.css';
import './styles/base.css';
import './styles/pages.css';

async function start(): Promise<void> {
  const config = await loadWebConfig();
  applyBrand(config);
  const root = document.getElementById('app') as HTMLElement;
  interceptLinks(root);
  render(<App config={config} />, root);
  if ('serviceWorker' in navigator) {
    // The scanner must open with no network after a first visit: the worker keeps the app's files.
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  }
}

void start();
