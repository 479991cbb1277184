import type { Rule, RuleSet } from '../engine';
import { RuleSetError } from './load';
import type { RuleOverride, TeamRuleSet } from './schema';
import { toRule } from './to-rule';

type ListField = 'patterns' | 'unless' | 'alternatives' | 'unlessAnywhere';
type ListEdit = { add?: string[]; remove?: string[] };
type Listed = string | { match: string };

/**
 * Removes then adds patterns (matched by their text). A removal not in the list is an error at
 * `rules.<id>.<field>.remove` calling the list `what`; `emptyProblem`, when given, is the error
 * for a list left empty.
 */
function editedList<T extends Listed>(
  list: readonly T[],
  edit: ListEdit,
  where: { rule: Rule; field: string; what: string; file: string },
  emptyProblem?: string,
): Array<T | string> {
  const { rule, field, what, file } = where;
  const current: Array<T | string> = list.slice();
  const key = (p: Listed) => (typeof p === 'string' ? p : p.match);
  for (const r of edit.remove ?? []) {
    const at = current.findIndex((p) => key(p) === r);
    if (at < 0) {
      throw new RuleSetError(
        file,
        undefined,
        `rules.${rule.id}.${field}.remove`,
        `"${r}" is not one of ${rule.id}'s ${what}; copy it exactly from the rule`,
      );
    }
    current.splice(at, 1);
  }
  current.push(...(edit.add ?? []));
  if (emptyProblem && current.length === 0)
    throw new RuleSetError(file, undefined, `rules.${rule.id}.${field}`, emptyProblem);
  return current;
}

function editList(rule: Rule, field: ListField, edit: ListEdit, file: string): Rule {
  const check = rule.check as unknown as Record<string, unknown>;
  if (field === 'alternatives' && rule.check.kind !== 'pair') {
    const hint = rule.check.kind === 'classifier' ? ' (its offers are listed under unlessAnywhere)' : '';
    throw new RuleSetError(
      file,
      undefined,
      `rules.${rule.id}.alternatives`,
      `${rule.id} is a ${rule.check.kind} rule and has no alternatives${hint}; remove this field`,
    );
  }
  if (field === 'unlessAnywhere' && rule.check.kind !== 'classifier') {
    throw new RuleSetError(
      file,
      undefined,
      `rules.${rule.id}.unlessAnywhere`,
      `${rule.id} is a ${rule.check.kind} rule and has no unlessAnywhere; remove this field`,
    );
  }
  if (field !== 'unless' && rule.check.kind === 'sentiment') {
    throw new RuleSetError(
      file,
      undefined,
      `rules.${rule.id}.${field}`,
      `${rule.id} is a sentiment rule and has no ${field}; change its threshold instead`,
    );
  }
  const empty =
    field === 'patterns' ? `removing every pattern leaves ${rule.id} empty; turn the rule off instead` : undefined;
  const current = editedList((check[field] as Listed[]) ?? [], edit, { rule, field, what: field, file }, empty);
  return { ...rule, check: { ...rule.check, [field]: current } as Rule['check'] };
}

/** A team edits the misplaced-praise phrases of a sentiment rule like any other phrase list. */
function editPraise(rule: Rule, edit: ListEdit, file: string): Rule {
  const c = rule.check;
  if (c.kind !== 'sentiment' || !c.misplacedPraise) {
    throw new RuleSetError(
      file,
      undefined,
      `rules.${rule.id}.misplacedPraise`,
      `${rule.id} has no misplacedPraise check; remove this field`,
    );
  }
  const empty = 'removing every pattern leaves the misplacedPraise check empty; keep at least one';
  const patterns = editedList(
    c.misplacedPraise.patterns,
    edit,
    { rule, field: 'misplacedPraise', what: 'misplacedPraise patterns', file },
    empty,
  );
  return { ...rule, check: { ...c, misplacedPraise: { ...c.misplacedPraise, patterns } } };
}

function applyOverride(rule: Rule, o: RuleOverride, file: string): Rule {
  if (o === 'off' || o === 'on') return { ...rule, enabled: o === 'on' };
  if (typeof o === 'string') return { ...rule, level: o, enabled: true };
  let out: Rule = { ...rule };
  if (o.enabled !== undefined) out.enabled = o.enabled;
  if (o.level) out.level = o.level;
  if (o.channels) out.channels = o.channels;
  if (o.message) out.message = o.message;
  if (o.why) out.why = o.why;
  if (o.fixes) out.fixes = o.fixes;
  for (const field of ['patterns', 'unless', 'alternatives', 'unlessAnywhere'] as const) {
    const edit = o[field];
    if (edit) out = editList(out, field, edit, file);
  }
  if (o.misplacedPraise) out = editPraise(out, o.misplacedPraise, file);
  const param = (name: 'threshold' | 'replyThreshold' | 'window' | 'minWords', kinds: Rule['check']['kind'][]) => {
    const value = o[name];
    if (value === undefined) return;
    const fail = (problem: string) => {
      throw new RuleSetError(file, undefined, `rules.${rule.id}.${name}`, problem);
    };
    if (!kinds.includes(out.check.kind))
      fail(
        `${name} applies to ${kinds.join(' and ')} rules only and ${rule.id} is a ${out.check.kind} rule; remove it`,
      );
    // A sentiment threshold is an AFINN score, a classifier's a probability.
    if (name === 'threshold' && out.check.kind === 'sentiment' && (value as number) > 0)
      fail('a sentiment threshold is 0 or below (more negative flags less)');
    if (name === 'threshold' && out.check.kind === 'classifier' && ((value as number) < 0 || (value as number) > 1))
      fail('a classifier threshold is a probability from 0 to 1');
    out = { ...out, check: { ...out.check, [name]: value } as Rule['check'] };
  };
  param('threshold', ['sentiment', 'classifier']);
  param('replyThreshold', ['classifier']);
  param('window', ['pair']);
  param('minWords', ['require']);
  return out;
}

/**
 * Puts a team's rule set on top of the default pack: overrides by rule id, then custom rules.
 * Throws a RuleSetError naming the field at fault; the caller keeps the rules in force.
 */
export function mergeRuleSet(pack: readonly Rule[], team: TeamRuleSet, file = 'rule set'): RuleSet {
  const base = team.extends === 'none' ? [] : pack;
  const byId = new Map(base.map((r) => [r.id, r]));
  for (const [id, o] of Object.entries(team.rules)) {
    const rule = byId.get(id) ?? team.custom.map(toRule).find((r) => r.id === id);
    if (!rule) {
      const known = [...byId.keys()];
      const hint = known.length
        ? `use one of ${known.join(', ')}`
        : 'with "extends: none" only custom rules exist; add it under custom';
      throw new RuleSetError(file, undefined, `rules.${id}`, `there is no rule "${id}"; ${hint}`);
    }
    if (byId.has(id)) byId.set(id, applyOverride(rule, o, file));
  }
  const customIds = new Set<string>();
  team.custom.forEach((custom, i) => {
    if (customIds.has(custom.id)) {
      throw new RuleSetError(
        file,
        undefined,
        `custom.${i}.id`,
        `two custom rules have the id "${custom.id}"; give one of them another id`,
      );
    }
    customIds.add(custom.id);
  });
  team.custom.forEach((custom, i) => {
    if (byId.has(custom.id)) {
      throw new RuleSetError(
        file,
        undefined,
        `custom.${i}.id`,
        `"${custom.id}" is already a rule of the pack; give the custom rule another id or override the pack's rule under "rules"`,
      );
    }
    const o = team.rules[custom.id];
    byId.set(custom.id, o ? applyOverride(toRule(custom), o, file) : toRule(custom));
  });
  const rules = [...byId.values()];
  // A custom rule's reference is a field of its own entry under custom.
  const customAt = new Map(team.custom.map((c, i) => [c.id, i]));
  checkReferences(rules, file, (id) => {
    const i = customAt.get(id);
    return i === undefined ? undefined : `custom.${i}.check.misplacedPraise.whenMissing`;
  });
  return { rules };
}

/**
 * Every id once (a folder with both no-shouting.yml and no-shouting.yaml would load two rules with
 * one id), and a rule that waits on another (misplaced praise waits on a require rule) needs it in
 * the set. `fieldOf` gives the field of a rule's whenMissing when it is not under rules.<id>.
 */
export function checkReferences(
  rules: readonly Rule[],
  file = 'rule set',
  fieldOf: (id: string) => string | undefined = () => undefined,
): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new RuleSetError(
        file,
        undefined,
        '',
        `two rules have the id "${rule.id}" (two files for one rule, such as ${rule.id}.yml and ${rule.id}.yaml?); keep one`,
      );
    }
    seen.add(rule.id);
  }
  for (const rule of rules) {
    if (rule.check.kind !== 'sentiment' || !rule.check.misplacedPraise) continue;
    const ref = rule.check.misplacedPraise.whenMissing;
    const target = rules.find((r) => r.id === ref);
    if (target?.check.kind !== 'require') {
      const requires = rules.filter((r) => r.check.kind === 'require').map((r) => r.id);
      throw new RuleSetError(
        file,
        undefined,
        fieldOf(rule.id) ?? `rules.${rule.id}.misplacedPraise.whenMissing`,
        `"${ref}" is not a require rule of this set; name one of ${requires.join(', ') || '(none: add a require rule)'}`,
      );
    }
  }
}
