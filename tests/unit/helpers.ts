// Small inline rule sets and helpers shared by the unit tests. They never depend on rules/,
// which is being written in parallel and whose findings will change.
import { type Check, type Fix, patternType, type Report, type Rule, type RuleSet } from '../../src/engine';
import { defaultRuleSet } from '../../src/ruleset/default-pack';

/** A rule with sensible defaults; only the check (and what a test cares about) must be given. */
export function rule(id: string, check: Check, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    level: 'warning',
    description: `Disallow or require things for ${id}.`,
    message: `${id} message`,
    why: `Because ${id} matters to the customer reading the reply.`,
    ...extra,
    check,
  };
}

/** Applies one fix (replacement or insertion) to the text. */
export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}

/** The report without its timings, for deep comparison. */
export function withoutTimings(report: Report): Omit<Report, 'timings'> {
  const { timings: _timings, ...rest } = report;
  return rest;
}

/**
 * One rule of every kind, used by engine and incremental tests:
 * phrase (literal, with per-pattern fixes, unless, skipQuestions), phrase (compromise),
 * pair, require (opening / anywhere with `when` / closing), sentiment.
 */
export const sampleRuleSet: RuleSet = {
  rules: [
    rule(
      'no-deflection',
      {
        kind: 'phrase',
        patterns: [
          'not my department',
          "I don't know",
          { match: "you'll have to call them", fixes: ["I'll call them for you"] },
        ],
        unless: ['find out'],
        skipQuestions: true,
      },
      { fixes: ["I'll find out for you"] },
    ),
    rule(
      'no-blame-shifting',
      { kind: 'phrase', patterns: ['(the|our) #Noun (forgot|lost)'] },
      { fixes: ['we made a mistake'] },
    ),
    rule('no-condescension', { kind: 'phrase', patterns: ['as I already said', 'calm down'] }, { fixes: [''] }),
    rule('no-shouting', { kind: 'phrase', patterns: ['/!{2,}/'] }, { level: 'info' }),
    rule('no-cant-without-alternative', {
      kind: 'pair',
      patterns: ["we can't", 'unable to'],
      alternatives: ['instead', 'what I can do'],
      window: 1,
    }),
    rule(
      'require-greeting',
      { kind: 'require', patterns: ['/^(hi|hello|dear)\\b/i'], zone: 'opening', insertAt: 'start' },
      { channels: ['email'], fixes: ['Hi {name},'] },
    ),
    rule(
      'require-apology',
      {
        kind: 'require',
        patterns: ['sorry', 'apologize'],
        zone: 'anywhere',
        unless: ['not sorry'],
        insertAt: 'after-greeting',
        when: { customer: ['broken', 'late', 'problem'], customerUnless: ['no problem'], draft: ['delay', 'late'] },
      },
      { fixes: ["I'm sorry about that."] },
    ),
    rule(
      'require-warm-closing',
      {
        kind: 'require',
        patterns: ['have a great day', 'happy to help'],
        zone: 'closing',
        insertAt: 'before-closing',
        minWords: 4,
      },
      { channels: ['email'], fixes: ['Have a great day!'] },
    ),
    rule('no-negative-tone', { kind: 'sentiment', threshold: -3, neutralWords: ['sorry'], skipQuestions: true }),
  ],
};

/**
 * Every `/regex/flags` pattern of the built-in rules, in any of a check's pattern lists (the one
 * helper here that reads rules/: the tests that use it are about the pack's own regexes).
 */
export function builtInRegexes(): string[] {
  return defaultRuleSet.rules.flatMap((r) => {
    const c = r.check as unknown as Record<string, unknown>;
    const lists = [
      c.patterns,
      c.unless,
      c.alternatives,
      c.unlessAnywhere,
      (c.when as { customer?: unknown })?.customer,
    ];
    return lists
      .flatMap((l) => (Array.isArray(l) ? l : []))
      .map((p) => (typeof p === 'string' ? p : (p as { match: string }).match))
      .filter((p) => patternType(p) === 'regex');
  });
}
