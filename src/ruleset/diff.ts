import type { Rule } from '../engine';

/** What changed in one field of a rule: phrases added and removed, or the value before and after. */
export interface FieldChange {
  field: string;
  added?: string[];
  removed?: string[];
  from?: unknown;
  to?: unknown;
}

/** How one rule set differs from another, rule by rule: what an import would change. */
export interface RuleSetDiff {
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: FieldChange[] }>;
  /** Team heads the document brings, drops or replaces, by name. */
  models: { added: string[]; removed: string[]; changed: string[] };
}

const json = (v: unknown) => JSON.stringify(v);
const text = (p: unknown) => (typeof p === 'string' ? p : json((p as { match?: unknown }).match ?? p));

function compare(field: string, a: unknown, b: unknown, out: FieldChange[]) {
  if (json(a) === json(b)) return;
  if (Array.isArray(a) || Array.isArray(b)) {
    const before = ((a as unknown[]) ?? []).map(text);
    const after = ((b as unknown[]) ?? []).map(text);
    const added = after.filter((p) => !before.includes(p));
    const removed = before.filter((p) => !after.includes(p));
    out.push({ field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      compare(`${field}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    return;
  }
  out.push({ field, from: a, to: b });
}

/** The fields of a rule that differ, named as a team document names them (`level`, `patterns`, …). */
export function ruleChanges(before: Rule, after: Rule): FieldChange[] {
  const out: FieldChange[] = [];
  const on = (r: Rule) => r.enabled !== false;
  if (on(before) !== on(after)) out.push({ field: 'enabled', from: on(before), to: on(after) });
  for (const key of ['level', 'channels', 'description', 'message', 'why', 'fixes'] as const)
    compare(
      key,
      before[key] ?? (key === 'channels' ? ['email', 'chat'] : undefined),
      after[key] ?? (key === 'channels' ? ['email', 'chat'] : undefined),
      out,
    );
  const a = before.check as unknown as Record<string, unknown>;
  const b = after.check as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) compare(key, a[key], b[key], out);
  return out;
}

/** The difference between the rules in force and the rules a document would put in force. */
export function diffRuleSets(
  before: readonly Rule[],
  after: readonly Rule[],
  models: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): RuleSetDiff {
  const byId = new Map(before.map((r) => [r.id, r]));
  const afterIds = new Set(after.map((r) => r.id));
  const changed: RuleSetDiff['changed'] = [];
  for (const rule of after) {
    const old = byId.get(rule.id);
    if (!old) continue;
    const fields = ruleChanges(old, rule);
    if (fields.length) changed.push({ id: rule.id, fields });
  }
  const mb = models.before ?? {};
  const ma = models.after ?? {};
  return {
    added: after.filter((r) => !byId.has(r.id)).map((r) => r.id),
    removed: before.filter((r) => !afterIds.has(r.id)).map((r) => r.id),
    changed,
    models: {
      added: Object.keys(ma).filter((n) => !(n in mb)),
      removed: Object.keys(mb).filter((n) => !(n in ma)),
      changed: Object.keys(ma).filter((n) => n in mb && json(ma[n]) !== json(mb[n])),
    },
  };
}

/** True when applying the document would change nothing. */
export const isEmptyDiff = (d: RuleSetDiff) =>
  d.added.length +
    d.removed.length +
    d.changed.length +
    d.models.added.length +
    d.models.removed.length +
    d.models.changed.length ===
  0;
