import type { Channel, Finding } from '../engine';
import type { RuleWithExamples } from '../ruleset/schema';
import { hashString } from './order';
import type { Exercise, ExerciseFile } from './types';

// Derives rules/exercises.json (see scripts/exercises.mjs): the rules' bad examples and a small,
// deterministic subset of the labelled corpus. Pure: the caller passes the linter.

/** Lints a reply with the default pack; returns its findings. */
export type LintFn = (
  reply: string,
  context: { customerMessage: string; customerName: string; channel: Channel },
) => Finding[];

/** A line of rules/corpus/corpus.jsonl (only the fields used here). */
export interface CorpusRow {
  id: string;
  scenario: string;
  channel: Channel;
  /** Null where the reply answers no message (a proactive one). */
  customer: string | null;
  reply: string;
  labels: Record<string, boolean | null>;
}

/** Corpus replies per rule: few enough to ship, enough for a few rounds of practice. */
export const PER_RULE = 24;
/** Short replies only: an exercise is read and rewritten in a minute. */
export const MAX_REPLY = 300;
export const MAX_CUSTOMER = 400;
export const MAX_GOOD = 600;

/** Shown with a rule example that has no customer's message of its own. */
export const GENERIC_CUSTOMER = 'Hello, I have a question about my order. Could you help me, please?';

/** Which corpus replies are flawed for a rule, by their labels (null: not decided, never used). */
export const FLAWED_BY_LABEL: Readonly<Record<string, (row: CorpusRow) => boolean>> = {
  'no-blame-shifting': (r) => r.labels.blame_shifting === true,
  'no-deflection': (r) => r.labels.deflection === true,
  'no-negative-tone': (r) => r.labels.negative_tone === true,
  'require-apology': (r) => r.labels.apology_needed === true && r.labels.apology === false,
  'require-follow-up-offer': (r) => r.labels.follow_up_offer === false,
  'require-greeting': (r) => r.channel === 'email' && r.labels.greeting === false,
  'require-thanks': (r) => r.channel === 'email' && r.labels.thanks === false,
  'require-warm-closing': (r) => r.channel === 'email' && r.labels.warm_closing === false,
};

/** A reply of the same scenario good enough to show as "a good version". */
function wellLabelled(r: CorpusRow): boolean {
  const l = r.labels;
  return (
    l.blame_shifting === false &&
    l.deflection === false &&
    l.negative_tone === false &&
    (l.apology === true || l.apology_needed === false) &&
    l.follow_up_offer === true
  );
}

const blocks = (ruleId: string) => (f: Finding) => f.ruleId === ruleId || f.level === 'error';

/** Applies the rule's first fix until it stops flagging (at most a few times), or null. */
function fixedByRule(ruleId: string, text: string, context: Parameters<LintFn>[1], lint: LintFn): string | null {
  let out = text;
  for (let i = 0; i < 6; i++) {
    const findings = lint(out, context);
    if (!findings.some(blocks(ruleId))) return out;
    const fix = findings.find((f) => f.ruleId === ruleId)?.fixes[0];
    if (!fix) return null;
    out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
  }
  return null;
}

/** The exercises from the rules' bad examples that the pack flags, each with a clean version. */
export function exercisesFromExamples(rules: readonly RuleWithExamples[], lint: LintFn): Exercise[] {
  const out: Exercise[] = [];
  for (const rule of rules) {
    const bad = rule.examples?.bad ?? [];
    bad.forEach((ex, i) => {
      const context = {
        customerMessage: ex.customer ?? GENERIC_CUSTOMER,
        customerName: ex.customerName ?? '',
        channel: ex.channel ?? 'chat',
      };
      if (!lint(ex.text, context).some((f) => f.ruleId === rule.id)) return;
      // The text after the rule's fix, fixed again where one fix leaves more ("WAIT … !!!").
      const good =
        (ex.output[0] !== undefined ? fixedByRule(rule.id, ex.output[0], context, lint) : null) ??
        (rule.examples?.good ?? []).map((g) => g.text).find((g) => !lint(g, context).some(blocks(rule.id)));
      if (!good) return;
      out.push({
        id: `${rule.id}/example-${i + 1}`,
        ruleId: rule.id,
        source: 'example',
        ...context,
        reply: ex.text,
        good,
      });
    });
  }
  return out;
}

/**
 * Up to `PER_RULE` short corpus replies per rule, chosen deterministically (by a hash of their id):
 * labelled flawed for the rule, flagged by it, with no other error-level finding, and with a
 * reply of the same scenario as the good version.
 */
export function exercisesFromCorpus(rows: readonly CorpusRow[], lint: LintFn, perRule = PER_RULE): Exercise[] {
  const byScenario = new Map<string, CorpusRow[]>();
  for (const r of rows) byScenario.set(r.scenario, [...(byScenario.get(r.scenario) ?? []), r]);
  const ordered = [...rows].sort((a, b) => hashString(a.id) - hashString(b.id) || (a.id < b.id ? -1 : 1));
  const out: Exercise[] = [];
  for (const [ruleId, flawed] of Object.entries(FLAWED_BY_LABEL).sort(([a], [b]) => (a < b ? -1 : 1))) {
    let taken = 0;
    for (const row of ordered) {
      if (taken >= perRule) break;
      if (!row.customer || row.reply.length > MAX_REPLY || row.customer.length > MAX_CUSTOMER || !flawed(row)) continue;
      const context = { customerMessage: row.customer, customerName: '', channel: row.channel };
      const findings = lint(row.reply, context);
      if (
        !findings.some((f) => f.ruleId === ruleId) ||
        findings.some((f) => f.level === 'error' && f.ruleId !== ruleId)
      )
        continue;
      const good = (byScenario.get(row.scenario) ?? [])
        .filter((g) => g.id !== row.id && g.channel === row.channel && g.reply.length <= MAX_GOOD && wellLabelled(g))
        .sort((a, b) => a.reply.length - b.reply.length || (a.id < b.id ? -1 : 1))
        .find((g) => !lint(g.reply, context).some(blocks(ruleId)));
      if (!good) continue;
      out.push({ id: `${ruleId}/${row.id}`, ruleId, source: 'corpus', ...context, reply: row.reply, good: good.reply });
      taken++;
    }
  }
  return out;
}

/** The whole derived file. */
export function deriveExercises(
  rules: readonly RuleWithExamples[],
  rows: readonly CorpusRow[],
  lint: LintFn,
): ExerciseFile {
  return { version: 1, exercises: [...exercisesFromExamples(rules, lint), ...exercisesFromCorpus(rows, lint)] };
}

/** The file's text, as written and compared. */
export function serialiseExercises(file: ExerciseFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
