import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectPopup, mountPopup, PAUSE_MS, type PopupDeps } from '../../entrypoints/popup/app';
import type { TabReport } from '../../src/messaging/protocol';
import { pausedUntil, siteSettings } from '../../src/settings/sites';
import { createPopupStore } from '../../src/state/popup';

// The popup's wiring with WXT's fake browser storage: what it shows follows storage, whatever the
// tab's content script last said. The content script here always answers with its findings, as a
// real one does for a moment after a pause (it stops only when its own storage watcher fires).

const report: TabReport = {
  host: 'help.zendesk.com',
  editors: 1,
  score: 72,
  findings: [
    { ruleId: 'no-blame-shifting', level: 'warning', message: 'Own the problem.', actual: 'the warehouse messed up' },
  ],
};

let stop: (() => void) | undefined;
let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  stop?.();
  cleanup();
  container.remove();
});

function start(overrides: Partial<PopupDeps> = {}) {
  const deps: PopupDeps = { ...start.defaults(), ...overrides };
  // A long refresh period: every change the tests make reaches the popup through storage.
  stop = mountPopup(container, deps, 60_000);
  return deps;
}

/** A tab on a default site whose content script coaches one editor. */
start.defaults = (): PopupDeps => ({
  activeTab: async () => ({ tabId: 7, host: 'help.zendesk.com' }),
  tabReport: async () => report,
  shortcut: async () => 'Alt+Shift+N',
  requestHostPermission: vi.fn(async () => true),
  setSiteEnabled: vi.fn(async (host: string, enabled: boolean) => {
    // What the background does with the message.
    await siteSettings.setValue({ ...(await siteSettings.getValue()), [host]: enabled });
  }),
  openOptions: vi.fn(),
  openPractice: vi.fn(),
  now: () => Date.now(),
});

const findingShown = () => screen.queryByText('Own the problem.') !== null;

describe('popup wiring', () => {
  it("shows the tab's findings, then the pause instead of them, then the findings again on resume", async () => {
    start();
    await waitFor(() => expect(findingShown()).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: 'Pause for an hour' }));
    await waitFor(() => expect(screen.getByText(/Coaching is paused/)).toBeTruthy());
    expect(findingShown()).toBe(false);
    expect(container.querySelector('output')).toBeNull();
    const until = (await pausedUntil.getValue())!;
    expect(until - Date.now()).toBeGreaterThan(PAUSE_MS - 60_000);

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(findingShown()).toBe(true));
    expect(await pausedUntil.getValue()).toBeNull();
  });

  it('follows a pause set elsewhere (another window, the options page)', async () => {
    start();
    await waitFor(() => expect(findingShown()).toBe(true));
    await pausedUntil.setValue(Date.now() + PAUSE_MS);
    await waitFor(() => expect(findingShown()).toBe(false));
    expect(screen.getByText(/^Paused until/)).toBeTruthy();
  });

  it('shows the site as off instead of its findings once switched off', async () => {
    const deps = start();
    await waitFor(() => expect(findingShown()).toBe(true));
    fireEvent.click(screen.getByRole('switch', { name: 'Coach on help.zendesk.com' }));
    await waitFor(() => expect(screen.getByText('Coaching is off on this site.')).toBeTruthy());
    expect(findingShown()).toBe(false);
    expect(deps.setSiteEnabled).toHaveBeenCalledWith('help.zendesk.com', false);
    // A default site needs no permission.
    expect(deps.requestHostPermission).not.toHaveBeenCalled();
  });

  it('asks for the permission before turning on another site, and stays off when refused', async () => {
    const deps = start({
      activeTab: async () => ({ tabId: 7, host: 'www.example.test' }),
      tabReport: async () => null,
      requestHostPermission: vi.fn(async () => false),
    });
    const toggle = await screen.findByRole('switch', { name: 'Coach on www.example.test' });
    fireEvent.click(toggle);
    await waitFor(() => expect(deps.requestHostPermission).toHaveBeenCalledWith('www.example.test'));
    expect(deps.setSiteEnabled).not.toHaveBeenCalled();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it("takes the host from the tab's content script when the tab's URL is hidden", async () => {
    // Opened without the activeTab grant (chrome.action.openPopup), tabs.query gives no URL.
    start({ activeTab: async () => ({ tabId: 7, host: null }) });
    expect(await screen.findByRole('switch', { name: 'Coach on help.zendesk.com' })).toBeTruthy();
  });

  it('never lets an older answer from the tab overwrite a newer one', async () => {
    const answers: Array<(r: TabReport | null) => void> = [];
    const store = createPopupStore(Date.now());
    const shown: Array<number | null> = [];
    store.subscribe((s, prev) => {
      if (s.tabReport !== prev.tabReport) shown.push(s.tabReport?.score ?? null);
    });
    stop = connectPopup(
      store,
      { ...start.defaults(), tabReport: () => new Promise((resolve) => answers.push(resolve)) },
      60_000,
    );
    await waitFor(() => expect(answers.length).toBe(1));
    // A pause long over: no pause, but a storage change, so a second question to the tab.
    await pausedUntil.setValue(1);
    await waitFor(() => expect(answers.length).toBe(2));
    answers[1]!({ ...report, score: 80 });
    await waitFor(() => expect(shown.at(-1)).toBe(80));
    // The first question's late answer (nothing there) must be dropped ...
    answers[0]!(null);
    await pausedUntil.setValue(2);
    await waitFor(() => expect(answers.length).toBe(3));
    answers[2]!({ ...report, score: 60 });
    await waitFor(() => expect(shown.at(-1)).toBe(60));
    // ... so the popup went from 80 straight to the third answer.
    expect(shown.filter((score, i) => score !== shown[i - 1])).toEqual([80, 60]);
  });
});

describe('the next-suggestion key', () => {
  it('shows the key the browser has for it', async () => {
    start({ shortcut: async () => 'Ctrl+Shift+Y' });
    expect(await screen.findByText('Ctrl+Shift+Y')).toBeTruthy();
  });
});
