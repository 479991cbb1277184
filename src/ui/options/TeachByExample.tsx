/**
 * Teach by example: the lead pastes replies (and the customer's message), marks each for a rule
 * ("this is blame-shifting" / "this is fine"), and Tactful trains the rule's learned heads further
 * in a worker, shows before/after figures, and on "Keep this model" saves the heads with the team
 * document.
 *
 * Props (the options page mounts it; nothing here touches browser.* or the engine):
 * - `document`: the team document as stored (`teamDocument`), or null when there is none. Its own
 *   heads (`document.models[name]`) are where teaching starts; else the pack's.
 * - `client`: runs teaching off the main thread: `createTeachClient()` from src/teach/client
 *   (a module Worker on src/teach/worker.ts). Created once by the page; a fake in tests.
 * - `fetchHead(name)`: the pack's head JSON by name, e.g.
 *   `fetch(browser.runtime.getURL(`/models/${name}.json`)).then((r) => r.json())`.
 * - `onSave(next)`: saves the document with the kept heads (`saveTeamDocument(next)`); may return
 *   a promise, whose rejection is shown.
 * - `locked` (optional): the organisation sets the rules: teaching may be tried, not kept.
 *
 * ```tsx
 * <TeachByExample document={doc} client={teachClient} fetchHead={fetchHead} onSave={saveTeamDocument} />
 * ```
 */
import { useState } from 'preact/hooks';
import type { TeamDocument } from '../../ruleset/in-force';
import type { TeachClient } from '../../teach/client';
import { headsToStartFrom, keepHeads } from '../../teach/document';
import { headsToTeach, TEACHABLE_RULES, teachableRule } from '../../teach/rules';
import type { TeachExample, TeachProgress, TeachResult, Score } from '../../teach/types';
import { ruleName } from '../rule-names';
import './teach-by-example.css';

export interface TeachByExampleProps {
  document: TeamDocument | null;
  client: TeachClient;
  fetchHead(name: string): Promise<unknown>;
  onSave(next: TeamDocument): Promise<void> | void;
  locked?: boolean;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'teaching'; progress: TeachProgress | null }
  | { kind: 'taught'; result: TeachResult }
  | { kind: 'kept'; result: TeachResult };

const percent = (s: Score) => `${Math.round(s.accuracy * 100)}%`;
const fraction = (s: Score) => `${s.correct} of ${s.total}`;
const said = (flagged: boolean) => (flagged ? 'flagged' : 'not flagged');

export function TeachByExample({ document: doc, client, fetchHead, onSave, locked = false }: TeachByExampleProps) {
  const [examples, setExamples] = useState<TeachExample[]>([]);
  const [reply, setReply] = useState('');
  const [customer, setCustomer] = useState('');
  const [ruleId, setRuleId] = useState(TEACHABLE_RULES[0]!.ruleId);
  const [flag, setFlag] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);

  const rule = teachableRule(ruleId)!;
  const needsCustomer = rule.target === 'customer';
  const canAdd = reply.trim() !== '' && (!needsCustomer || customer.trim() !== '');
  const busy = status.kind === 'teaching';

  const add = (e: Event) => {
    e.preventDefault();
    if (!canAdd) return;
    const ex: TeachExample = { reply: reply.trim(), ruleId, flag };
    if (customer.trim()) ex.customer = customer.trim();
    setExamples([...examples, ex]);
    setReply('');
    setCustomer('');
    // New examples make the last result stale.
    if (status.kind !== 'teaching') setStatus({ kind: 'idle' });
  };

  const remove = (i: number) => {
    setExamples(examples.filter((_, j) => j !== i));
    if (status.kind !== 'teaching') setStatus({ kind: 'idle' });
  };

  const run = async () => {
    setError(null);
    setStatus({ kind: 'teaching', progress: null });
    try {
      const heads = await headsToStartFrom(doc, headsToTeach(examples.map((x) => x.ruleId)), fetchHead);
      const result = await client.teach({ examples, heads }, (progress) => setStatus({ kind: 'teaching', progress }));
      setStatus({ kind: 'taught', result });
    } catch (e) {
      setError(`Could not teach: ${(e as Error).message}`);
      setStatus({ kind: 'idle' });
    }
  };

  const keep = async () => {
    if (status.kind !== 'taught') return;
    setError(null);
    try {
      await onSave(keepHeads(doc, status.result.heads));
      setStatus({ kind: 'kept', result: status.result });
    } catch (e) {
      setError(`Could not keep the model: ${(e as Error).message}`);
    }
  };

  const result = status.kind === 'taught' || status.kind === 'kept' ? status.result : null;
  const flipped = result?.lead.outcomes.filter((o) => o.flaggedBefore !== o.flaggedAfter) ?? [];
  const wrong = result?.lead.outcomes.filter((o) => o.flaggedAfter !== o.flag) ?? [];

  return (
    <section class="teach" aria-labelledby="teach-heading">
      <h2 id="teach-heading">Teach by example</h2>
      <p class="hint">
        Paste replies the coach got wrong and say what it should have done. Tactful adjusts its model on this device;
        nothing you paste leaves the browser.
      </p>

      <form class="teach-form" onSubmit={add}>
        <label>
          Reply
          <textarea
            name="reply"
            rows={3}
            value={reply}
            onInput={(e) => setReply(e.currentTarget.value)}
            placeholder="Paste a reply an agent wrote"
          />
        </label>
        <label>
          Customer’s message {needsCustomer ? '(needed for this rule)' : '(optional)'}
          <textarea
            name="customer"
            rows={2}
            value={customer}
            onInput={(e) => setCustomer(e.currentTarget.value)}
            placeholder="What the customer wrote"
          />
        </label>
        <div class="teach-row">
          <label>
            Rule{' '}
            <select name="rule" value={ruleId} onChange={(e) => setRuleId(e.currentTarget.value)}>
              {TEACHABLE_RULES.map((r) => (
                <option key={r.ruleId} value={r.ruleId}>
                  {ruleName(r.ruleId)}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="teach-mark">
            <legend class="visually-hidden">What the coach should do</legend>
            <label>
              <input type="radio" name="mark" checked={flag} onChange={() => setFlag(true)} /> {rule.flagLabel}
            </label>
            <label>
              <input type="radio" name="mark" checked={!flag} onChange={() => setFlag(false)} /> {rule.fineLabel}
            </label>
          </fieldset>
          <button type="submit" disabled={!canAdd}>
            Add example
          </button>
        </div>
      </form>

      {examples.length > 0 && (
        <ol class="teach-examples" aria-label="Your examples">
          {examples.map((ex, i) => (
            <li key={`${i}-${ex.reply}`} class={ex.flag ? 'teach-flag' : 'teach-fine'}>
              <span class="teach-example-mark">
                {ruleName(ex.ruleId)}:{' '}
                {ex.flag ? teachableRule(ex.ruleId)!.flagLabel : teachableRule(ex.ruleId)!.fineLabel}
              </span>
              <q class="teach-example-reply">{ex.reply}</q>
              {ex.customer && <q class="teach-example-customer">Customer: {ex.customer}</q>}
              <button type="button" disabled={busy} onClick={() => remove(i)} aria-label={`Remove example ${i + 1}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}

      <div class="teach-actions">
        <button type="button" class="teach-run" disabled={busy || examples.length === 0} onClick={run}>
          Teach
        </button>
        {status.kind === 'teaching' && (
          <div class="teach-progress" role="status">
            <progress
              max={status.progress?.total ?? 1}
              value={status.progress?.done ?? 0}
              aria-label="Teaching progress"
            />
            <span>{status.progress?.label ?? 'Starting…'}</span>
          </div>
        )}
      </div>

      {error && (
        <p class="teach-error" role="alert">
          {error}
        </p>
      )}

      {result && (
        <div class="teach-result">
          <table>
            <caption>Before and after teaching</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              <tr data-figure="lead">
                <th scope="row">Your examples right</th>
                <td>
                  {percent(result.lead.before)} ({fraction(result.lead.before)})
                </td>
                <td>
                  {percent(result.lead.after)} ({fraction(result.lead.after)})
                </td>
              </tr>
              <tr data-figure="rules">
                <th scope="row">The rules’ own examples right</th>
                <td>
                  {percent(result.ruleExamples.before)} ({fraction(result.ruleExamples.before)})
                </td>
                <td>
                  {percent(result.ruleExamples.after)} ({fraction(result.ruleExamples.after)})
                </td>
              </tr>
            </tbody>
          </table>
          <p class="hint">Taught in {Math.round(result.totalMs)} ms.</p>
          {flipped.length > 0 && (
            <>
              <h3>Your examples that changed</h3>
              <ul class="teach-changed">
                {flipped.map((o) => (
                  <li key={o.index}>
                    <q>{o.reply}</q> — {said(o.flaggedBefore)} → {said(o.flaggedAfter)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {wrong.length > 0 && (
            <>
              <h3>Still not as you marked them</h3>
              <ul class="teach-wrong">
                {wrong.map((o) => (
                  <li key={o.index}>
                    <q>{o.reply}</q> — {said(o.flaggedAfter)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.ruleExamples.flipped.length > 0 && (
            <>
              <h3>Rule examples that changed</h3>
              <ul class="teach-flipped">
                {result.ruleExamples.flipped.map((f) => (
                  <li key={`${f.ruleId}-${f.kind}-${f.text}`} class={f.passedAfter ? 'teach-fixed' : 'teach-broken'}>
                    {ruleName(f.ruleId)} ({f.kind === 'bad' ? 'should be flagged' : 'should pass'}): <q>{f.text}</q> —{' '}
                    {f.passedAfter ? 'now right' : 'now wrong'}
                  </li>
                ))}
              </ul>
            </>
          )}
          {status.kind === 'kept' ? (
            <p class="teach-kept" role="status">
              Kept with your team’s rule set: {Object.keys(result.heads).join(', ')}.
            </p>
          ) : (
            <button type="button" class="teach-keep" disabled={locked} onClick={keep}>
              Keep this model
            </button>
          )}
          {locked && status.kind !== 'kept' && (
            <p class="hint">Your organisation sets the rules, so a model taught here cannot be kept.</p>
          )}
        </div>
      )}
    </section>
  );
}
