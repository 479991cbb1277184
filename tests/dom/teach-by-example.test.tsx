import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamDocument } from '../../src/ruleset/in-force';
import type { TeachClient } from '../../src/teach/client';
import type { TeachProgress, TeachRequest, TeachResult } from '../../src/teach/types';
import { TeachByExample } from '../../src/ui/options/TeachByExample';

afterEach(cleanup);

const REPLY = 'Hi Max, Hub B forgot the insert again.';
const FINE = 'Hi Dana, your order arrives on Friday.';

const RESULT: TeachResult = {
  heads: { blame: { id: 'blame', taught: true }, 'blame-reply': { id: 'blame-reply', taught: true } },
  lead: {
    before: { total: 2, correct: 1, accuracy: 0.5 },
    after: { total: 2, correct: 2, accuracy: 1 },
    outcomes: [
      { index: 0, ruleId: 'no-blame-shifting', reply: REPLY, flag: true, flaggedBefore: false, flaggedAfter: true },
      { index: 1, ruleId: 'no-blame-shifting', reply: FINE, flag: false, flaggedBefore: false, flaggedAfter: false },
    ],
  },
  ruleExamples: {
    before: { total: 19, correct: 17, accuracy: 17 / 19 },
    after: { total: 19, correct: 19, accuracy: 1 },
    flipped: [
      {
        ruleId: 'no-blame-shifting',
        kind: 'good',
        text: 'The storm closed the airport, so we moved you to the morning flight.',
        passedBefore: false,
        passedAfter: true,
      },
    ],
  },
  trainMs: 80,
  totalMs: 310,
};

/** A client whose run waits until the test finishes it. */
function fakeClient() {
  const calls: TeachRequest[] = [];
  let progress: ((p: TeachProgress) => void) | undefined;
  let finish: ((r: TeachResult) => void) | undefined;
  let fail: ((e: Error) => void) | undefined;
  const client: TeachClient = {
    teach(request, onProgress) {
      calls.push(request);
      progress = onProgress;
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
    dispose: vi.fn(),
  };
  return {
    client,
    calls,
    progress: (p: TeachProgress) => progress!(p),
    finish: (r: TeachResult) => finish!(r),
    fail: (e: Error) => fail!(e),
  };
}

function setup({ document = null as TeamDocument | null, locked = false } = {}) {
  const fake = fakeClient();
  const fetchHead = vi.fn(async (name: string) => ({ id: name, pack: true }));
  const onSave = vi.fn(async (_doc: TeamDocument) => {});
  render(
    <TeachByExample document={document} client={fake.client} fetchHead={fetchHead} onSave={onSave} locked={locked} />,
  );
  const reply = screen.getByRole('textbox', { name: /^Reply/ });
  const customer = screen.getByRole('textbox', { name: /^Customer/ });
  const add = (text: string, mark: RegExp, rule?: string, customerText?: string) => {
    if (rule) fireEvent.change(screen.getByRole('combobox', { name: /Rule/ }), { target: { value: rule } });
    fireEvent.input(reply, { target: { value: text } });
    if (customerText) fireEvent.input(customer, { target: { value: customerText } });
    fireEvent.click(screen.getByRole('radio', { name: mark }));
    fireEvent.click(screen.getByRole('button', { name: 'Add example' }));
  };
  return { ...fake, fetchHead, onSave, add, reply, customer };
}

describe('options: teach by example', () => {
  it('offers the teachable rules by name, and adds examples marked per rule', () => {
    const { add } = setup();
    const options = within(screen.getByRole('combobox', { name: /Rule/ }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Blame-shifting', 'Deflection', 'Negative tone', 'Missing apology']);
    expect((screen.getByRole('button', { name: 'Teach' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Add example' }) as HTMLButtonElement).disabled).toBe(true);
    add(REPLY, /This is blame-shifting/);
    add(FINE, /This is fine/);
    const items = within(screen.getByRole('list', { name: 'Your examples' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.teach-example-mark')!.textContent)).toEqual([
      'Blame-shifting: This is blame-shifting',
      'Blame-shifting: This is fine',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove example 2' }));
    expect(within(screen.getByRole('list', { name: 'Your examples' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it("asks for the customer's message where the rule reads it", () => {
    const { reply, customer } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: /Rule/ }), { target: { value: 'require-apology' } });
    expect(screen.getByRole('textbox', { name: /needed for this rule/ })).toBe(customer);
    fireEvent.input(reply, { target: { value: 'Thanks for the update.' } });
    const addButton = screen.getByRole('button', { name: 'Add example' }) as HTMLButtonElement;
    expect(addButton.disabled).toBe(true);
    fireEvent.input(customer, { target: { value: 'I waited an hour on hold.' } });
    expect(addButton.disabled).toBe(false);
    expect(screen.getByRole('radio', { name: /This customer needs an apology/ })).toBeTruthy();
  });

  it('teaches in the worker from the team heads or the pack, shows progress, then before and after', async () => {
    const doc: TeamDocument = { text: 'tactful: 1\n', models: { blame: { id: 'blame', team: true } } };
    const t = setup({ document: doc });
    t.add(REPLY, /This is blame-shifting/);
    t.add(FINE, /This is fine/);
    fireEvent.click(screen.getByRole('button', { name: 'Teach' }));
    await waitFor(() => expect(t.calls).toHaveLength(1));
    expect(t.fetchHead.mock.calls.map((c) => c[0])).toEqual(['blame-reply']);
    expect(t.calls[0]).toEqual({
      examples: [
        { reply: REPLY, ruleId: 'no-blame-shifting', flag: true },
        { reply: FINE, ruleId: 'no-blame-shifting', flag: false },
      ],
      heads: { blame: { id: 'blame', team: true }, 'blame-reply': { id: 'blame-reply', pack: true } },
    });
    expect((screen.getByRole('button', { name: 'Teach' }) as HTMLButtonElement).disabled).toBe(true);
    t.progress({ phase: 'training', done: 2, total: 5, label: 'Training blame' });
    const bar = await screen.findByRole('progressbar', { name: 'Teaching progress' });
    expect(bar.getAttribute('value')).toBe('2');
    expect(bar.getAttribute('max')).toBe('5');
    expect(screen.getByText('Training blame')).toBeTruthy();

    t.finish(RESULT);
    const figures = await screen.findByRole('table', { name: 'Before and after teaching' });
    const row = (name: RegExp) =>
      Array.from(
        within(figures).getByRole('rowheader', { name }).parentElement!.querySelectorAll('td'),
        (td) => td.textContent,
      );
    expect(row(/Your examples/)).toEqual(['50% (1 of 2)', '100% (2 of 2)']);
    expect(row(/rules’ own examples/)).toEqual(['89% (17 of 19)', '100% (19 of 19)']);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Your examples that changed' })).toBeTruthy();
    expect(document.querySelector('.teach-changed')!.textContent).toContain('not flagged → flagged');
    expect(document.querySelector('.teach-flipped')!.textContent).toContain('should pass');
    expect(document.querySelector('.teach-flipped')!.textContent).toContain('now right');
    expect(screen.queryByRole('heading', { name: 'Still not as you marked them' })).toBeNull();
  });

  it('keeps the model: heads into the document and its models: entries, comments kept', async () => {
    const doc: TeamDocument = { text: '# Acme\ntactful: 1\nrules:\n  no-shouting: off\n' };
    const t = setup({ document: doc });
    t.add(REPLY, /This is blame-shifting/);
    fireEvent.click(screen.getByRole('button', { name: 'Teach' }));
    await waitFor(() => expect(t.calls).toHaveLength(1));
    t.finish(RESULT);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep this model' }));
    await waitFor(() => expect(t.onSave).toHaveBeenCalledTimes(1));
    expect(t.onSave.mock.calls[0]![0]).toEqual({
      text: '# Acme\ntactful: 1\nrules:\n  no-shouting: off\nmodels:\n  blame: blame.json\n  blame-reply: blame-reply.json\n',
      models: RESULT.heads,
    });
    expect((await screen.findByText(/Kept with your team’s rule set: blame, blame-reply/)).getAttribute('role')).toBe(
      'status',
    );
  });

  it('shows why teaching or keeping failed', async () => {
    const t = setup();
    t.add(REPLY, /This is blame-shifting/);
    fireEvent.click(screen.getByRole('button', { name: 'Teach' }));
    await waitFor(() => expect(t.calls).toHaveLength(1));
    t.fail(new Error('head "blame-reply" was not given to start from'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not teach: head "blame-reply" was not given to start from',
    );
    expect((screen.getByRole('button', { name: 'Teach' }) as HTMLButtonElement).disabled).toBe(false);

    t.onSave.mockRejectedValueOnce(new Error('storage is full'));
    fireEvent.click(screen.getByRole('button', { name: 'Teach' }));
    await waitFor(() => expect(t.calls).toHaveLength(2));
    t.finish(RESULT);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep this model' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Could not keep the model: storage is full'),
    );
  });

  it('lets a locked set be taught but not kept', async () => {
    const t = setup({ locked: true });
    t.add(REPLY, /This is blame-shifting/);
    fireEvent.click(screen.getByRole('button', { name: 'Teach' }));
    await waitFor(() => expect(t.calls).toHaveLength(1));
    t.finish(RESULT);
    const keep = (await screen.findByRole('button', { name: 'Keep this model' })) as HTMLButtonElement;
    expect(keep.disabled).toBe(true);
    expect(screen.getByText(/Your organisation sets the rules/)).toBeTruthy();
  });
});
