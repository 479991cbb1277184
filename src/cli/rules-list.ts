import type { Check, PatternEntry, Rule } from '../engine';
import type { RuleWithExamples } from '../ruleset';

/** A rule's examples as written in its file (pack rules, folder rules and team custom rules). */
export type RuleExamples = NonNullable<RuleWithExamples['examples']>;

/** The level a rule runs at once the team set is merged: a rule turned off is `off`. */
export const effectiveLevel = (rule: Rule): Rule['level'] | 'off' => (rule.enabled === false ? 'off' : rule.level);

/** One line per rule: id, effective level, description (tab-separated, for grep and cut). */
export const ruleRow = (rule: Rule): string => `${rule.id}\t${effectiveLevel(rule)}\t${rule.description}`;

// Quoted as JSON: a JSON string is also a valid YAML double-quoted scalar, so a team lead can
// paste a pattern as printed under `remove:` in a YAML or JSON team set and it matches exactly
// (backslashes, quotes and apostrophes included).
const quote = (s: string): string => JSON.stringify(s);

const entryLine = (entry: PatternEntry): string =>
  typeof entry === 'string' ? quote(entry) : `${quote(entry.match)}  fixes: ${JSON.stringify(entry.fixes)}`;

/**
 * Every pattern list of a check, labelled with its field path in the rule file. The labels
 * `patterns`, `unless`, `alternatives` and `misplacedPraise` are also the keys a team set edits
 * with add/remove; `when.*` lists change only by writing a custom rule.
 */
function patternLists(check: Check): Array<[label: string, entries: readonly PatternEntry[] | undefined]> {
  switch (check.kind) {
    case 'phrase':
      return [
        ['patterns', check.patterns],
        ['unless', check.unless],
      ];
    case 'pair':
      return [
        ['patterns', check.patterns],
        ['alternatives', check.alternatives],
        ['unless', check.unless],
      ];
    case 'require':
      return [
        ['patterns', check.patterns],
        ['unless', check.unless],
        ['when.customer', check.when?.customer],
        ['when.customerUnless', check.when?.customerUnless],
        ['when.draft', check.when?.draft],
      ];
    case 'sentiment':
      return [
        ['unless', check.unless],
        ['misplacedPraise', check.misplacedPraise?.patterns],
      ];
    case 'classifier':
      return [
        ['patterns', check.patterns],
        ['unless', check.unless],
        ['unlessAnywhere', check.unlessAnywhere],
      ];
  }
}

/** The check's settings other than pattern lists, in a few words. */
function checkSummary(check: Check): string {
  switch (check.kind) {
    case 'phrase':
      return 'phrase';
    case 'pair':
      return `pair, window ${check.window}`;
    case 'require':
      return `require, zone ${check.zone}, insert at ${check.insertAt}${check.minWords ? `, min ${check.minWords} words` : ''}`;
    case 'sentiment':
      return `sentiment, threshold ${check.threshold}${check.misplacedPraise ? `, misplacedPraise while ${check.misplacedPraise.whenMissing} is missing` : ''}`;
    case 'classifier':
      return `classifier, head ${check.head}${check.threshold !== undefined ? `, threshold ${check.threshold}` : ''}`;
  }
}

type Example = RuleExamples['good'][number];

const exampleContext = (e: Example): string =>
  [
    e.customer !== undefined ? `  customer: ${quote(e.customer)}` : '',
    e.channel ? `  channel: ${e.channel}` : '',
    e.customerName ? `  customerName: ${quote(e.customerName)}` : '',
  ].join('');

/** `tactful rules --verbose`: the rule's row, then its check, patterns, fixes and examples. */
export function ruleDetails(rule: Rule, examples: RuleExamples | undefined): string[] {
  const out = [ruleRow(rule), `  check: ${checkSummary(rule.check)}`];
  if (rule.channels) out.push(`  channels: ${rule.channels.join(', ')}`);
  // Loops rather than push(...list): a team set may hold more patterns than a call has arguments.
  for (const [label, entries] of patternLists(rule.check)) {
    if (!entries?.length) continue;
    out.push(`  ${label}:`);
    for (const e of entries) out.push(`    ${entryLine(e)}`);
  }
  if (rule.fixes?.length) {
    out.push('  fixes:');
    for (const f of rule.fixes) out.push(`    ${JSON.stringify(f)}`);
  }
  if (examples?.bad.length) {
    out.push('  bad examples:');
    for (const e of examples.bad) {
      out.push(`    ${quote(e.text)}  flags: ${quote(e.flag)}${exampleContext(e)}`);
      // Rule files written before `output` existed have none; print what there is.
      for (const after of e.output ?? []) out.push(`      after fix: ${quote(after)}`);
    }
  }
  if (examples?.good.length) {
    out.push('  good examples:');
    for (const e of examples.good) out.push(`    ${quote(e.text)}${exampleContext(e)}`);
  }
  return out;
}
