import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parse } from 'yaml';
import { startOptions } from '../../entrypoints/options/app';
import { exportDocument } from '../../src/ruleset/transfer';
import { teamDocument } from '../../src/settings/team';

// The test panel beside the editor, and import / export, with WXT's fake browser storage.

let stop: (() => void) | undefined;
let container: HTMLElement;
const download = vi.fn();

beforeEach(() => {
  fakeBrowser.reset();
  download.mockReset();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  stop?.();
  cleanup();
  container.remove();
});

async function start() {
  const started = await startOptions(container, { packHeads: async () => [], download }, 10);
  stop = started.stop;
  return started.store;
}

const shownRules = () =>
  [...container.querySelectorAll('.live-findings > li')].map((li) => li.getAttribute('data-rule-id'));

function importFile(name: string, text: string) {
  const input = screen.getByLabelText('Import a rule set file') as HTMLInputElement;
  const file = new File([text], name, { type: 'text/yaml' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  // A real change event (Preact's testing library sends `input` for fireEvent.change).
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options: live test panel', () => {
  it('coaches the draft with the set being edited, saved or not, as either input changes', async () => {
    await start();
    const draft = screen.getByRole('textbox', { name: 'Draft reply' });
    fireEvent.input(draft, { target: { value: 'Hi Dana,\nPlease WAIT until it arrives!!! Calm down.' } });
    await waitFor(() => expect(shownRules()).toContain('no-shouting'));
    expect(shownRules()).toContain('no-condescension');

    // An unsaved edit of the text: the panel follows it, storage does not.
    fireEvent.click(screen.getByRole('tab', { name: 'Edit as text' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Team rule set document' }), {
      target: { value: 'tactful: 1\nrules:\n  no-shouting: off\n' },
    });
    await waitFor(() => expect(shownRules()).not.toContain('no-shouting'));
    expect(shownRules()).toContain('no-condescension');
    expect(await teamDocument.getValue()).toBeNull();

    // The customer's message changes what the reply needs.
    const apology = () => shownRules().includes('require-apology');
    const customer = screen.getByRole('textbox', { name: 'Customer’s message' });
    fireEvent.input(customer, { target: { value: 'My order arrived broken and I am upset.' } });
    await waitFor(() => expect(apology()).toBe(true));
    fireEvent.input(customer, { target: { value: 'Thanks, everything arrived and I love it!' } });
    await waitFor(() => expect(apology()).toBe(false));
  });

  it('keeps the page responsive when a slow pattern meets a long draft: checks part, and says so', async () => {
    await start();
    fireEvent.click(screen.getByRole('tab', { name: 'Edit as text' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Team rule set document' }), {
      target: { value: readFileSync('tests/unit/fixtures/cli/team-slow-regex.yml', 'utf8') },
    });
    const draft = screen.getByRole('textbox', { name: 'Draft reply' });
    fireEvent.input(draft, { target: { value: `Hi Dana, WAIT!!! ${'a'.repeat(100_000)}` } });
    await waitFor(() => expect(container.querySelector('.live-partial')).not.toBeNull(), { timeout: 10_000 });
    expect(container.querySelector('.live-partial')!.textContent).toMatch(/Only part of this draft was checked/);
    expect(shownRules()).toContain('no-shouting');
    fireEvent.input(draft, { target: { value: 'Hi Dana, WAIT!!!' } });
    await waitFor(() => expect(container.querySelector('.live-partial')).toBeNull());
  });

  it('runs every rule example against the edited set and lists the ones it now fails', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Run all examples' }));
    await waitFor(() =>
      expect(container.querySelector('.examples-run')!.textContent).toMatch(/^All \d+ examples pass/),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove “calm down” from Condescension' }));
    await waitFor(async () => expect(await teamDocument.getValue()).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Run all examples' }));
    await waitFor(() => expect(container.querySelectorAll('.example-failures > li').length).toBeGreaterThan(0));
    const failures = [...container.querySelectorAll('.example-failures > li')];
    expect(failures.every((li) => li.getAttribute('data-rule-id') === 'no-condescension')).toBe(true);
    expect(failures.map((li) => li.textContent).join('\n')).toMatch(/calm down.*no longer flagged/i);
  });
});

describe('options: import and export', () => {
  it('exports the document as the CLI reads it, YAML or JSON', async () => {
    await teamDocument.setValue({ text: 'tactful: 1\n# ours\nrules:\n  no-shouting: off\n' });
    await start();
    fireEvent.click(screen.getByRole('button', { name: 'Export YAML' }));
    expect(download).toHaveBeenLastCalledWith(
      'tactful-rules.yml',
      'tactful: 1\n# ours\nrules:\n  no-shouting: off\n',
      'application/yaml',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(JSON.parse(download.mock.lastCall![1])).toEqual({ tactful: 1, rules: { 'no-shouting': 'off' } });
  });

  it('previews what an import changes, and applies it only when confirmed', async () => {
    await teamDocument.setValue({ text: 'tactful: 1\nrules:\n  no-shouting: off\n' });
    await start();
    const incoming = `tactful: 1
rules:
  require-greeting: error
  no-policy-hiding: { patterns: { add: ["terms of service say"], remove: ["my hands are tied"] } }
custom:
  - id: no-internal-jargon
    level: warning
    description: Disallow internal ticket jargon in replies.
    message: The customer doesn't know our internal terms.
    why: Internal words make the customer feel outside the conversation.
    check: { kind: phrase, patterns: ["L2 queue"] }
`;
    importFile('acme.yml', incoming);
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview.querySelector('.diff-added')!.textContent).toContain('no-internal-jargon');
    const changed = Object.fromEntries(
      [...preview.querySelectorAll('.diff-changed > li')].map((li) => [
        li.getAttribute('data-rule-id'),
        li.textContent,
      ]),
    );
    expect(changed['require-greeting']).toMatch(/level info → error/);
    expect(changed['no-shouting']).toMatch(/enabled false → true/);
    expect(changed['no-policy-hiding']).toMatch(/patterns \+terms of service say −my hands are tied/);
    // Nothing has changed yet.
    expect((await teamDocument.getValue())!.text).toBe('tactful: 1\nrules:\n  no-shouting: off\n');

    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await waitFor(async () => expect((await teamDocument.getValue())!.text).toBe(incoming));
    await waitFor(() => expect(container.querySelector('article[data-rule-id="no-internal-jargon"]')).toBeTruthy());
  });

  it('refuses an invalid file with its line and field, and changes nothing', async () => {
    await teamDocument.setValue({ text: 'tactful: 1\nrules:\n  no-shouting: off\n' });
    await start();
    importFile('broken.yml', 'tactful: 1\nrules:\n  no-shouting: off\n  require-greeting: loud\n');
    const refused = await screen.findByRole('alert', { name: 'Import refused' });
    expect(refused.textContent).toMatch(/line 4, rules\.require-greeting: use off, on/);
    expect(refused.textContent).toMatch(/rules in force have not changed/);
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
    expect((await teamDocument.getValue())!.text).toBe('tactful: 1\nrules:\n  no-shouting: off\n');
  });

  it('imports an exported file with its heads inline, keeping the heads beside the text', async () => {
    await start();
    const head = {
      format: 'tactful-head/1',
      id: 'blame',
      unit: 'sentence',
      featureVersion: 1,
      features: { bits: 8 },
      buckets: 256,
      bias: 0,
      threshold: 0.5,
      weights: { scale: 1, int8: Buffer.alloc(256).toString('base64') },
    };
    const file = exportDocument(
      { text: 'tactful: 1\nmodels:\n  blame: blame.json\n', models: { blame: head } },
      'json',
    );
    importFile('team.json', file);
    await screen.findByRole('region', { name: 'Import preview' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await waitFor(async () => expect((await teamDocument.getValue())?.models?.blame).toEqual(head));
    const saved = (await teamDocument.getValue())!;
    expect(JSON.parse(saved.text)).toEqual({ tactful: 1, models: { blame: 'blame.json' } });
    expect(parse(exportDocument(saved, 'yaml')).models.blame).toEqual(head);
  });
});
