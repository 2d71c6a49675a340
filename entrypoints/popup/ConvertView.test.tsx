import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Message } from '@/utils/extension/protocol';
import { conversionSettings } from '@/utils/extension/settings';
import { ConvertView } from './ConvertView';
import { pageAnswers, renderInPopup, TAB_ID } from './popup-test-support';

const SITE = 'news.example.cn';
const pressed = () => [...document.querySelectorAll('.script-controls button[aria-pressed="true"]')].map((b) => b.textContent);

/** A page that shows `choice` and converts to whatever it is asked, or fails to. */
function page(choice: string, { fails = false } = {}) {
  let now = choice;
  return pageAnswers((message: Message) => {
    if (message.type === 'get-script') return { choice: now };
    if (message.type === 'set-script') {
      if (fails) return { ok: false, choice: now };
      now = message.choice;
      return { ok: true, choice: now };
    }
    return undefined;
  });
}

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('ConvertView', () => {
  it('shows the script the page is in, and asks the page for another when one is chosen', async () => {
    const sent = page('tw');
    renderInPopup(<ConvertView hostname={SITE} readable />);
    await waitFor(() => expect(pressed()).toEqual(['繁體Traditional']));
    fireEvent.click(screen.getByRole('button', { name: /^简体/ }));
    await waitFor(() => expect(pressed()).toEqual(['简体Simplified']));
    expect(sent).toHaveBeenCalledWith(TAB_ID, { type: 'set-script', choice: 'cn' }, { frameId: 0 });
  });

  it('says so when the page did not convert', async () => {
    page('original', { fails: true });
    renderInPopup(<ConvertView hostname={SITE} readable />);
    await waitFor(() => expect(pressed()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: /^繁體/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('The conversion failed. Try again, or reload the page.');
    expect(pressed()).toEqual(['原文Original']);
  });

  it('remembers the site’s script, and a remembered site follows a new choice', async () => {
    page('tw');
    renderInPopup(<ConvertView hostname={SITE} readable />);
    fireEvent.click(await screen.findByRole('switch', { name: `Always show ${SITE} this way` }));
    await waitFor(async () => expect((await conversionSettings.read()).sites).toEqual({ [SITE]: 'tw' }));
    fireEvent.click(screen.getByRole('button', { name: /^简体/ }));
    await waitFor(async () => expect((await conversionSettings.read()).sites).toEqual({ [SITE]: 'cn' }));
  });

  it('offers no script choice for a page it cannot read, and asks it nothing', async () => {
    const sent = page('original');
    renderInPopup(<ConvertView hostname={undefined} readable={false} />);
    expect(await screen.findByText(/cannot read this page/)).toBeTruthy();
    expect(document.querySelector('.script-controls')).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });
});
