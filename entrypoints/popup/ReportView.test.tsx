import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import { pageAnswers, REPORT, renderInPopup, TAB_ID } from './popup-test-support';
import { ReportView } from './ReportView';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('ReportView', () => {
  it('asks the tab’s top frame for its report and shows it', async () => {
    const sent = pageAnswers((message) => (message.type === 'page-report' ? REPORT : undefined));
    renderInPopup(<ReportView onBack={() => {}} entries={glossaryEntries} />);
    expect(screen.getByText('Reading this page…')).toBeTruthy();
    expect(await screen.findByText('基层治理的最后一公里')).toBeTruthy();
    expect(screen.getByText('记者 王五')).toBeTruthy();
    expect(sent).toHaveBeenCalledWith(TAB_ID, { type: 'page-report' }, { frameId: 0 });
  });

  it('says the page cannot be read when no report comes', async () => {
    pageAnswers(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    renderInPopup(<ReportView onBack={() => {}} entries={glossaryEntries} />);
    expect(await screen.findByText(/cannot read this page/)).toBeTruthy();
  });

  it('goes back to the phrases', () => {
    pageAnswers(() => REPORT);
    const onBack = vi.fn();
    renderInPopup(<ReportView onBack={onBack} entries={glossaryEntries} />);
    fireEvent.click(screen.getByRole('button', { name: /Back to the phrases/ }));
    expect(onBack).toHaveBeenCalledOnce();
  });
});
