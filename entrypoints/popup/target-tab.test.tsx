import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findTargetTab, TargetTabProvider, useTargetTab } from './target-tab';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** The fake browser has no way to make a tab active: its query answers as the real one would. */
function activeTab(id: number) {
  return vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number]]);
}

function ShowTab() {
  const tab = useTargetTab();
  return <p>{tab.status === 'looking' ? 'looking' : `tab ${tab.id}`}</p>;
}

describe('the target tab', () => {
  it('is the tab named by ?tabId=, without asking the browser which tab is active', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    expect((await findTargetTab('?tabId=42&q=x')).id).toBe(42);
    expect(query).not.toHaveBeenCalled();
  });

  it('is the active tab otherwise, and none when there is none', async () => {
    expect((await findTargetTab('')).id).toBeUndefined();
    const query = activeTab(5);
    expect((await findTargetTab('')).id).toBe(5);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    // A malformed id is no id: the active tab it is.
    expect((await findTargetTab('?tabId=-3')).id).toBe(5);
    expect((await findTargetTab('?tabId=abc')).id).toBe(5);
  });

  it('comes with its address where the browser tells it, and without one where it does not', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 5, url: 'https://www.gov.cn/a.pdf' } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
    ]);
    expect(await findTargetTab('')).toEqual({ id: 5, url: 'https://www.gov.cn/a.pdf' });
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 42'));
    expect(await findTargetTab('?tabId=42')).toEqual({ id: 42, url: undefined });
  });

  it('is looked up once for every view under the provider', async () => {
    const query = activeTab(5);
    render(
      <TargetTabProvider search="">
        <ShowTab />
        <ShowTab />
        <ShowTab />
      </TargetTabProvider>,
    );
    expect(screen.getAllByText('looking')).toHaveLength(3);
    expect(await screen.findAllByText('tab 5')).toHaveLength(3);
    expect(query).toHaveBeenCalledOnce();
  });
});
