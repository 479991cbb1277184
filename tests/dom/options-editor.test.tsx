import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parse } from 'yaml';
import { type OptionsDeps, startOptions } from '../../entrypoints/options/app';
import { policyRuleSet, previousTeamDocument, teamDocument } from '../../src/settings/team';
import { disabledRules } from '../../src/settings/sites';

// The options page's wiring with WXT's fake browser storage: what the lead does in the editor is
// written into the team document in storage (what the background rebuilds the engine from).

let stop: (() => void) | undefined;
let container: HTMLElement;
let deps: OptionsDeps;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  deps = { packHeads: async () => [], download: vi.fn<OptionsDeps['download']>() };
});
afterEach(() => {
  stop?.();
  cleanup();
  container.remove();
});

async function start() {
  const started = await startOptions(container, deps, 10);
  stop = started.stop;
  return started.store;
}

const card = (id: string) => container.querySelector<HTMLElement>(`article[data-rule-id="${id}"]`)!;
const stored = async () => (await teamDocument.getValue())?.text ?? null;

describe('options: the team rule editor', () => {
  it('groups the rules by category with name, description, why and examples', async () => {
    await start();
    const headings = [...container.querySelectorAll('.category h3')].map((h) => h.textContent);
    expect(headings).toEqual(['What to avoid', 'Tone', 'What a reply needs']);
    const apology = card('require-apology');
    expect(apology.closest('.category')!.querySelector('h3')!.textContent).toBe('What a reply needs');
    expect(within(apology).getByText('Missing apology')).toBeTruthy();
    expect(apology.querySelector('.rule-why')!.textContent).toMatch(/^Why: /);
    expect(apology.querySelector('.examples summary')!.textContent).toMatch(/Examples \(\d+ flagged, \d+ fine\)/);
    // The agent's own switches are still there, separate from the team set.
    expect(screen.getByRole('checkbox', { name: /^Shouting/ })).toBeTruthy();
  });

  it('turns a rule off for the team and sets a level, written into the document', async () => {
    await start();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }));
    await waitFor(async () => expect(parse((await stored())!).rules['no-blame-shifting']).toBe('off'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Team set: Missing greeting level' }), {
      target: { value: 'error' },
    });
    await waitFor(async () => expect(parse((await stored())!).rules['require-greeting']).toBe('error'));
    expect((screen.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }) as HTMLInputElement).checked).toBe(
      false,
    );
    // The agent's switch is another thing: untouched.
    expect(await disabledRules.getValue()).toEqual([]);
  });

  it('removes a built-in pattern, shows it removed, puts it back, and adds a phrase', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Remove “calm down” from Condescension' }));
    await waitFor(async () =>
      expect(parse((await stored())!).rules['no-condescension']).toEqual({ patterns: { remove: ['calm down'] } }),
    );
    await waitFor(() =>
      expect(card('no-condescension').querySelector('.pattern-removed')!.textContent).toContain('calm down'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Put back “calm down” in Condescension' }));
    await waitFor(async () => expect(await stored()).toBe('tactful: 1\n'));

    const input = screen.getByRole('textbox', { name: 'New phrase for Hiding behind policy: Phrases it looks for' });
    fireEvent.input(input, { target: { value: 'company rules say' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () =>
      expect(parse((await stored())!).rules['no-policy-hiding'].patterns.add).toEqual(['company rules say']),
    );
    await waitFor(() =>
      expect(card('no-policy-hiding').querySelector('.pattern-added')!.textContent).toContain('company rules say'),
    );
  });

  it('refuses a regex that could hang, with the reason, and saves nothing', async () => {
    await start();
    const input = screen.getByRole('textbox', { name: 'New phrase for Hiding behind policy: Phrases it looks for' });
    fireEvent.input(input, { target: { value: '/(a+)+$/' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(container.querySelector('.notice')!.textContent).toMatch(/nests a repeat/));
    expect(await stored()).toBeNull();
  });

  it('validates the text as it is typed, shows line and field, and saves nothing while invalid', async () => {
    await teamDocument.setValue({ text: 'tactful: 1\nrules:\n  no-shouting: off\n' });
    await start();
    fireEvent.click(screen.getByRole('tab', { name: 'Edit as text' }));
    const doc = screen.getByRole('textbox', { name: 'Team rule set document' });
    fireEvent.input(doc, { target: { value: 'tactful: 1\nrules:\n  no-shouting: loud\n' } });
    const problem = await screen.findByRole('alert');
    expect(problem.dataset.line).toBe('3');
    expect(problem.dataset.field).toBe('rules.no-shouting');
    expect(problem.textContent).toMatch(/Line 3.*rules\.no-shouting.*use off, on/);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await stored()).toBe('tactful: 1\nrules:\n  no-shouting: off\n');

    fireEvent.input(doc, { target: { value: 'tactful: 1\n# quiet please\nrules:\n  no-shouting: info\n' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await stored()).toBe('tactful: 1\n# quiet please\nrules:\n  no-shouting: info\n'));
  });

  it("keeps the lead's text and says so when the browser refuses to store it (storage full)", async () => {
    await teamDocument.setValue({ text: 'tactful: 1\nrules:\n  no-shouting: off\n' });
    await start();
    fireEvent.click(screen.getByRole('tab', { name: 'Edit as text' }));
    const doc = screen.getByRole('textbox', { name: 'Team rule set document' }) as HTMLTextAreaElement;
    const edited = 'tactful: 1\nrules:\n  no-shouting: info\n';
    fireEvent.input(doc, { target: { value: edited } });
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false),
    );
    const full = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const notice = await screen.findByText(/^Not saved/);
    expect(notice.textContent).toMatch(/storage for Tactful is full.*still here/);
    expect(doc.value).toBe(edited);
    expect(await stored()).toBe('tactful: 1\nrules:\n  no-shouting: off\n');
    // Room again: the same Save stores it.
    full.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await stored()).toBe(edited));
  });

  it('undoes the last change', async () => {
    await start();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Team set: Shouting on' }));
    await waitFor(async () => expect(await stored()).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo last change' }));
    await waitFor(async () => expect(await stored()).toBeNull());
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: 'Team set: Shouting on' }) as HTMLInputElement).checked).toBe(true),
    );
  });

  it('resets to defaults only after confirming', async () => {
    await teamDocument.setValue({ text: 'tactful: 1\nrules: { no-shouting: off }\n' });
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    expect(await stored()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(await stored()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset to defaults' }));
    await waitFor(async () => expect(await teamDocument.getValue()).toBeNull());
    expect((await previousTeamDocument.getValue())?.text).toContain('no-shouting: off');
  });

  it('adds a custom rule with its examples pinned, and refuses one whose bad example it does not flag', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule of your own…' }));
    const form = screen.getByRole('form', { name: 'Add a rule of your own' });
    const field = (label: RegExp) => within(form).getByLabelText(label) as HTMLInputElement;
    fireEvent.input(field(/^Id/), { target: { value: 'no-internal-jargon' } });
    fireEvent.input(field(/^Description/), { target: { value: 'Disallow internal ticket jargon in replies.' } });
    fireEvent.input(field(/^Message/), { target: { value: "The customer doesn't know our internal terms." } });
    fireEvent.input(field(/^Why/), { target: { value: 'Internal words make the customer feel left outside.' } });
    fireEvent.input(field(/^Phrases it flags/), { target: { value: 'L2 queue\nP1 ticket' } });
    fireEvent.input(field(/^Replies it must flag/), { target: { value: 'Your case sits in the queue.' } });
    fireEvent.input(field(/^Replies it must leave alone/), { target: { value: 'We are on it.' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/is not flagged by this rule/);
    expect(await stored()).toBeNull();

    fireEvent.input(field(/^Replies it must flag/), { target: { value: 'Your case sits in the L2 queue.' } });
    fireEvent.submit(form);
    await waitFor(async () => expect(await stored()).not.toBeNull());
    const custom = parse((await stored())!).custom[0];
    expect(custom.examples.bad).toEqual([{ text: 'Your case sits in the L2 queue.', flag: 'L2 queue', output: [] }]);
    await waitFor(() => expect(card('no-internal-jargon')).toBeTruthy());
  });

  it('is read-only and says so when the organisation sets the rules', async () => {
    await fakeBrowser.storage.managed.set({ teamRuleSet: 'tactful: 1\nrules:\n  no-shouting: off\n' });
    await policyRuleSet.getValue();
    await start();
    expect(screen.getByText(/Set by your organisation/)).toBeTruthy();
    const off = screen.getByRole('checkbox', { name: 'Team set: Shouting on' }) as HTMLInputElement;
    expect(off.checked).toBe(false);
    expect(off.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reset to defaults…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Import a rule set file') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /^Remove “/ })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Edit as text' }));
    expect((screen.getByRole('textbox', { name: 'Team rule set document' }) as HTMLTextAreaElement).readOnly).toBe(
      true,
    );
  });
});
