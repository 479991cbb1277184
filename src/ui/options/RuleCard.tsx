import { useState } from 'preact/hooks';
import type { Channel, Level } from '../../engine';
import type { ListName, TeamEdit } from '../../ruleset/edit';
import { listsOf } from '../../ruleset/lists';
import type { EditorRule } from '../../state/options';
import { LEVEL_LABEL, LEVELS } from '../levels';
import { ruleName } from '../rule-names';

/** What each list does, in words. */
export const LIST_LABEL: Record<ListName, string> = {
  patterns: 'Phrases it looks for',
  alternatives: 'Alternatives that make it fine',
  unlessAnywhere: 'Offers of help anywhere in the reply that make it fine',
  misplacedPraise: 'Praise that is out of place',
  unless: 'Unless the sentence has',
};

const text = (p: unknown) => (typeof p === 'string' ? p : String((p as { match: string }).match));

function listOf(er: EditorRule, list: ListName): string[] {
  const c = er.rule.check as unknown as Record<string, unknown>;
  const raw =
    list === 'misplacedPraise' ? (c.misplacedPraise as { patterns?: unknown[] } | undefined)?.patterns : c[list];
  return Array.isArray(raw) ? raw.map(text) : [];
}

interface Props {
  er: EditorRule;
  readOnly: boolean;
  onEdit(edit: TeamEdit): void;
}

function PatternList({ er, list, readOnly, onEdit }: Props & { list: ListName }) {
  const [next, setNext] = useState('');
  const id = er.rule.id;
  const items = listOf(er, list);
  const added = new Set(er.added[list] ?? []);
  const removed = er.removed[list] ?? [];
  const name = ruleName(id);
  const add = () => {
    const pattern = next.trim();
    if (!pattern) return;
    onEdit({ kind: 'addPattern', id, list, pattern });
    setNext('');
  };
  return (
    <fieldset class="pattern-list" data-list={list}>
      <legend>{LIST_LABEL[list]}</legend>
      {items.length ? (
        <ul>
          {items.map((p) => (
            <li key={p} class={added.has(p) ? 'pattern pattern-added' : 'pattern'}>
              <code>{p}</code>
              {added.has(p) && <span class="tag">added by your team</span>}
              {!readOnly && (
                <button
                  type="button"
                  class="remove"
                  aria-label={`Remove “${p}” from ${name}`}
                  onClick={() => onEdit({ kind: 'removePattern', id, list, pattern: p })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">None.</p>
      )}
      {removed.length > 0 && (
        <ul class="removed">
          {removed.map((p) => (
            <li key={p} class="pattern pattern-removed">
              <del>
                <code>{p}</code>
              </del>
              <span class="tag">removed by your team</span>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={`Put back “${p}” in ${name}`}
                  onClick={() => onEdit({ kind: 'addPattern', id, list, pattern: p })}
                >
                  Put back
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form
          class="add-pattern"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            value={next}
            aria-label={`New phrase for ${name}: ${LIST_LABEL[list]}`}
            placeholder="a phrase, a compromise match or /a regex/i"
            onInput={(e) => setNext(e.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </form>
      )}
    </fieldset>
  );
}

function Threshold({ er, field, readOnly, onEdit }: Props & { field: 'threshold' | 'replyThreshold' }) {
  const c = er.rule.check as unknown as Record<string, unknown>;
  const value = c[field] as number | undefined;
  const sentiment = er.rule.check.kind === 'sentiment';
  const label = sentiment
    ? 'Flag sentences scoring at or below (0 flags the most; more negative flags less)'
    : field === 'threshold'
      ? 'Probability a sentence must reach to be flagged (empty: the model’s own)'
      : 'Probability the whole reply must reach (empty: the model’s own)';
  return (
    <label class="threshold">
      {label}
      <input
        type="number"
        step={sentiment ? 1 : 0.05}
        min={sentiment ? undefined : 0}
        max={sentiment ? 0 : 1}
        value={value ?? ''}
        disabled={readOnly}
        aria-label={`${ruleName(er.rule.id)}: ${field === 'threshold' ? 'threshold' : 'reply threshold'}`}
        onChange={(e) => {
          const raw = e.currentTarget.value.trim();
          const n = raw === '' ? null : Number(raw);
          if (n === null || Number.isFinite(n)) onEdit({ kind: 'threshold', id: er.rule.id, field, value: n });
        }}
      />
    </label>
  );
}

/** One rule: what it does and why, its switches and lists, and its examples. */
export function RuleCard({ er, readOnly, onEdit }: Props) {
  const { rule } = er;
  const on = rule.enabled !== false;
  const name = ruleName(rule.id);
  const channels = rule.channels ?? ['email', 'chat'];
  const setChannel = (c: Channel, want: boolean) => {
    const next = want ? [...new Set([...channels, c])] : channels.filter((x) => x !== c);
    if (next.length) onEdit({ kind: 'channels', id: rule.id, channels: next });
  };
  return (
    <article class={on ? 'team-rule' : 'team-rule rule-off'} data-rule-id={rule.id} aria-label={name}>
      <header>
        <label class="switch">
          <input
            type="checkbox"
            checked={on}
            disabled={readOnly}
            aria-label={`Team set: ${name} on`}
            onChange={(e) => onEdit({ kind: 'enabled', id: rule.id, on: e.currentTarget.checked })}
          />
          <span class="rule-name">{name}</span>
        </label>
        <select
          value={rule.level}
          disabled={readOnly}
          aria-label={`Team set: ${name} level`}
          class={`level level-${rule.level}`}
          onInput={(e) => onEdit({ kind: 'level', id: rule.id, level: e.currentTarget.value as Level })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
        {er.custom && <span class="tag">your team’s rule</span>}
        <code class="rule-id">{rule.id}</code>
      </header>
      <p class="rule-description">{rule.description}</p>
      <p class="rule-why">
        <strong>Why: </strong>
        {rule.why}
      </p>
      <div class="channels" role="group" aria-label={`${name}: channels`}>
        {(['email', 'chat'] as const).map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={channels.includes(c)}
              disabled={readOnly || (channels.length === 1 && channels.includes(c))}
              onChange={(e) => setChannel(c, e.currentTarget.checked)}
            />
            {c === 'email' ? 'Email' : 'Chat'}
          </label>
        ))}
      </div>
      {(rule.check.kind === 'sentiment' || rule.check.kind === 'classifier') && (
        <Threshold er={er} field="threshold" readOnly={readOnly} onEdit={onEdit} />
      )}
      {rule.check.kind === 'classifier' && rule.check.replyHead && (
        <Threshold er={er} field="replyThreshold" readOnly={readOnly} onEdit={onEdit} />
      )}
      <details class="lists">
        <summary>Phrases</summary>
        {listsOf(er.rule).map((list) => (
          <PatternList key={list} er={er} list={list} readOnly={readOnly} onEdit={onEdit} />
        ))}
      </details>
      {er.examples && (
        <details class="examples">
          <summary>
            Examples ({er.examples.bad.length} flagged, {er.examples.good.length} fine)
          </summary>
          <ul>
            {er.examples.bad.map((ex) => (
              <li key={`b${ex.text}`} class="example-bad">
                ✗ {ex.text}
              </li>
            ))}
            {er.examples.good.map((ex) => (
              <li key={`g${ex.text}`} class="example-good">
                ✓ {ex.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!readOnly && (er.custom || er.overridden) && (
        <button
          type="button"
          class="link"
          onClick={() => onEdit(er.custom ? { kind: 'removeCustom', id: rule.id } : { kind: 'resetRule', id: rule.id })}
        >
          {er.custom ? `Delete ${name}` : `Back to the built-in ${name}`}
        </button>
      )}
    </article>
  );
}
