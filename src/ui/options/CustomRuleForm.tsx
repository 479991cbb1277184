import { useState } from 'preact/hooks';
import type { Level } from '../../engine';
import type { RuleWithExamples } from '../../ruleset/schema';
import { LEVEL_LABEL, LEVELS } from '../levels';

type Kind = 'phrase' | 'pair' | 'require' | 'sentiment' | 'classifier';

const KIND_LABEL: Record<Kind, string> = {
  phrase: 'Flag phrases',
  pair: 'Flag a phrase unless an alternative follows',
  require: 'Require something in the reply',
  sentiment: 'Flag negative wording',
  classifier: 'Flag what a learned model recognises',
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A rule of the lead's own, of any kind, without code. Its examples are required: the page pins
 * what each bad example flags (and the text after its fix) from what the rule does, and refuses a
 * bad example it does not flag or a good one it does.
 */
export function CustomRuleForm({
  heads,
  onAdd,
}: {
  heads: readonly string[];
  /** Returns what is wrong (nothing added) or null when the rule was added. */
  onAdd(rule: RuleWithExamples): Promise<string | null>;
}) {
  const [kind, setKind] = useState<Kind>('phrase');
  const [f, setF] = useState({
    id: 'no-',
    level: 'warning' as Level,
    description: 'Disallow ',
    message: '',
    why: '',
    patterns: '',
    alternatives: '',
    fix: '',
    threshold: '-3',
    head: heads[0] ?? '',
    zone: 'anywhere',
    insertAt: 'end',
    bad: '',
    good: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  const input = (k: keyof typeof f, label: string, multi = false, hint?: string) =>
    multi ? (
      <label class="field">
        <span>{label}</span>
        <textarea value={f[k]} rows={3} onInput={set(k)} />
        {hint && <small class="hint">{hint}</small>}
      </label>
    ) : (
      <label class="field">
        <span>{label}</span>
        <input value={f[k]} onInput={set(k)} />
        {hint && <small class="hint">{hint}</small>}
      </label>
    );

  const build = (): RuleWithExamples | string => {
    const patterns = lines(f.patterns);
    const bad = lines(f.bad);
    const good = lines(f.good);
    if (bad.length === 0 || good.length === 0)
      return 'write at least one reply it must flag and one it must leave alone (its examples)';
    let check: RuleWithExamples['check'];
    if (kind === 'phrase') check = { kind, patterns };
    else if (kind === 'pair') check = { kind, patterns, alternatives: lines(f.alternatives), window: 2 };
    else if (kind === 'require')
      check = {
        kind,
        patterns,
        zone: f.zone as 'anywhere',
        insertAt: f.insertAt as 'end',
      };
    else if (kind === 'sentiment') check = { kind, threshold: Number(f.threshold) };
    else check = { kind, head: f.head, ...(patterns.length ? { patterns } : {}) };
    return {
      id: f.id.trim(),
      level: f.level,
      description: f.description.trim(),
      message: f.message.trim(),
      why: f.why.trim(),
      check,
      ...(f.fix.trim() ? { fixes: [f.fix.trim()] } : {}),
      // The span and the text after each fix are filled in from what the rule does.
      examples: { bad: bad.map((text) => ({ text, flag: '', output: [] })), good: good.map((text) => ({ text })) },
    };
  };

  return (
    <form
      class="custom-rule"
      aria-label="Add a rule of your own"
      onSubmit={async (e) => {
        e.preventDefault();
        const rule = build();
        if (typeof rule === 'string') return setProblem(rule);
        setProblem(await onAdd(rule));
      }}
    >
      <label class="field">
        <span>Kind</span>
        <select value={kind} onInput={(e) => setKind(e.currentTarget.value as Kind)}>
          {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      {input('id', 'Id', false, 'kebab-case, starting with no- or require- (e.g. no-internal-jargon)')}
      <label class="field">
        <span>Level</span>
        <select value={f.level} onInput={set('level')}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
      </label>
      {input('description', 'Description', false, 'starts with a verb: “Disallow…”, “Require…”')}
      {input('message', 'Message on the card')}
      {input('why', 'Why it matters to the customer', true)}
      {kind !== 'sentiment' &&
        input(
          'patterns',
          kind === 'require' ? 'Phrases that satisfy it (one a line)' : 'Phrases it flags (one a line)',
          true,
          'a phrase, a compromise match, or /a regular expression/i',
        )}
      {kind === 'pair' && input('alternatives', 'Alternatives that make it fine (one a line)', true)}
      {kind === 'require' && (
        <>
          <label class="field">
            <span>Where</span>
            <select value={f.zone} onInput={set('zone')}>
              <option value="anywhere">anywhere</option>
              <option value="opening">in the opening</option>
              <option value="closing">in the closing</option>
            </select>
          </label>
          <label class="field">
            <span>Insert the fix at</span>
            <select value={f.insertAt} onInput={set('insertAt')}>
              <option value="start">the start</option>
              <option value="after-greeting">after the greeting</option>
              <option value="before-closing">before the closing</option>
              <option value="end">the end</option>
            </select>
          </label>
        </>
      )}
      {kind === 'sentiment' && input('threshold', 'Flag sentences scoring at or below')}
      {kind === 'classifier' && (
        <label class="field">
          <span>Model</span>
          <select value={f.head} onInput={set('head')}>
            {heads.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind !== 'sentiment' && input('fix', kind === 'require' ? 'Sentence to insert' : 'Replacement (optional)')}
      {input('bad', 'Replies it must flag (one a line, at least one)', true)}
      {input('good', 'Replies it must leave alone (one a line, at least one)', true)}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit">Add rule</button>
    </form>
  );
}
