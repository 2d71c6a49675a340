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
  it('is the tab named by ?tabId=, without asking the browser', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    expect(await findTargetTab('?tabId=42&q=x')).toBe(42);
    expect(query).not.toHaveBeenCalled();
  });

  it('is the active tab otherwise, and none when there is none', async () => {
    expect(await findTargetTab('')).toBeUndefined();
    const query = activeTab(5);
    expect(await findTargetTab('')).toBe(5);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    // A malformed id is no id: the active tab it is.
    expect(await findTargetTab('?tabId=-3')).toBe(5);
    expect(await findTargetTab('?tabId=abc')).toBe(5);
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
