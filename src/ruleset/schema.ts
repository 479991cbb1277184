import { z } from 'zod';
import { compromiseProblem, patternType, regexFromPattern } from '../engine';
import type { Rule } from '../engine';
import { backtrackingProblem } from './regex-safety';

/** The bad example's span for require-* rules: the reply as a whole. */
export const WHOLE_REPLY = 'whole reply';

const RULE_ID = /^(no|require)-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Why a regular expression (its source and flags) could hang the page or flag empty text, or null
 * when it is safe. See regex-safety.ts for the ambiguity check and why it refuses what it refuses.
 */
export function regexProblem(source: string, flags = ''): string | null {
  if (source.length > 500) return 'it is longer than 500 characters; split it into several patterns';
  if (/\\[1-9]|\\k</.test(source)) return 'back-references are not allowed; list the variants instead';
  if (hasNestedRepeat(source)) {
    return 'it nests a repeat inside a repeat (like (a+)+), which can freeze the page; remove the inner or outer repeat';
  }
  return backtrackingProblem(source, flags);
}

/** Reads the repeat that starts at `i` (+, *, {n,} or {n,m} with m > 1); its length, or 0. */
function repeatAt(source: string, i: number, unboundedOnly = false): number {
  const c = source[i];
  if (c === '+' || c === '*') return 1;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (m?.[2] && (m[3] === '' || (!unboundedOnly && Number(m[3]) > 1))) return m[0].length;
  return 0;
}

/**
 * A group that repeats without bound and contains a repeat at any depth: catastrophic
 * backtracking. (A counted outer repeat such as (\\w+ ){0,3} is left to the ambiguity check.)
 */
function hasNestedRepeat(source: string): boolean {
  const stack: boolean[] = [false]; // per open group: does it contain a repeat?
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      if (repeatAt(source, i + 1)) stack[stack.length - 1] = true;
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      if (repeatAt(source, i + 1)) stack[stack.length - 1] = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      const repeated = repeatAt(source, i + 1) > 0;
      if (repeatAt(source, i + 1, true) > 0 && inner) return true;
      if (inner || repeated) stack[stack.length - 1] = true;
      continue;
    }
    if (repeatAt(source, i) && source[i - 1] !== '(') stack[stack.length - 1] = true;
  }
  return false;
}

const pattern = z.string().superRefine((p, ctx) => {
  // A blank phrase compiles to an empty regex: a zero-width finding at every offset.
  if (p.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'a pattern must have words; remove the empty one or write a phrase' });
    return;
  }
  const type = patternType(p);
  if (type === 'regex') {
    let problem: string | null;
    try {
      regexFromPattern(p);
      const at = p.lastIndexOf('/');
      problem = regexProblem(p.slice(1, at), p.slice(at + 1));
    } catch (e) {
      problem = `it is not a valid regular expression (${(e as Error).message})`;
    }
    if (problem) ctx.addIssue({ code: 'custom', message: `regex ${p} is unsafe or invalid: ${problem}` });
  } else if (type === 'compromise') {
    const problem = compromiseProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `compromise pattern "${p}" does not compile: ${problem}` });
  }
});

const patterns = z.array(pattern).min(1, 'list at least one pattern');
const fixTemplate = z.union(
  [
    z.string(),
    z.strictObject({ sentence: z.string().min(1, 'write the sentence that replaces the flagged one') }),
    z.strictObject({ case: z.literal('lower', { message: 'case can only be lower' }) }),
    z.strictObject({ clause: z.literal('remove', { message: 'clause can only be remove' }) }),
  ],
  { message: 'a fix is replacement text, { sentence: "…" }, { case: lower } or { clause: remove }' },
);
const patternEntry = z.union([pattern, z.strictObject({ match: pattern, fixes: z.array(fixTemplate) })]);
const level = z.enum(['info', 'warning', 'error'], { message: 'level must be one of info, warning, error' });
const channel = z.enum(['email', 'chat'], { message: 'channel must be email or chat' });

const headName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'name a model head in lower case (e.g. blame)');
const probability = z
  .number()
  .min(0, 'a threshold is a probability from 0 to 1')
  .max(1, 'a threshold is a probability from 0 to 1');
/** A learned head and, optionally, the probability at which it counts (its own when absent). */
const modelRef = z.strictObject({ head: headName, threshold: probability.optional() });
const toneModel = modelRef.extend({ replyHead: headName.optional(), replyThreshold: probability.optional() });

const phraseCheck = z.strictObject({
  kind: z.literal('phrase'),
  patterns: z.array(patternEntry).min(1, 'list at least one pattern'),
  unless: patterns.optional(),
  skipQuestions: z.boolean().optional(),
});
const pairCheck = z.strictObject({
  kind: z.literal('pair'),
  patterns: z.array(patternEntry).min(1, 'list at least one pattern'),
  unless: patterns.optional(),
  skipQuestions: z.boolean().optional(),
  alternatives: patterns,
  window: z.union([z.number().int().min(0).max(20), z.literal('reply')], {
    message: 'window must be a number of sentences (0-20) or "reply"',
  }),
});
const requireCheck = z.strictObject({
  kind: z.literal('require'),
  patterns,
  zone: z.enum(['anywhere', 'opening', 'closing'], { message: 'zone must be anywhere, opening or closing' }),
  unless: patterns.optional(),
  insertAt: z.enum(['start', 'after-greeting', 'before-closing', 'end'], {
    message: 'insertAt must be start, after-greeting, before-closing or end',
  }),
  when: z
    .strictObject({
      customer: patterns.optional(),
      customerUnless: patterns.optional(),
      draft: patterns.optional(),
      customerModel: modelRef.optional(),
    })
    .optional(),
  minWords: z.number().int().min(0).optional(),
});
const sentimentCheck = z.strictObject({
  kind: z.literal('sentiment'),
  threshold: z.number().max(0, 'threshold must be 0 or below (negative sentiment)'),
  neutralWords: z.array(z.string()).optional(),
  unless: patterns.optional(),
  skipQuestions: z.boolean().optional(),
  model: toneModel.optional(),
  misplacedPraise: z
    .strictObject({
      patterns,
      whenMissing: z.string().regex(RULE_ID, 'whenMissing names a require rule by id (e.g. require-apology)'),
      message: z.string().min(1, 'write the short message shown on the card'),
    })
    .optional(),
});

const classifierCheck = z.strictObject({
  kind: z.literal('classifier'),
  head: headName,
  threshold: probability.optional(),
  replyHead: headName.optional(),
  replyThreshold: probability.optional(),
  patterns: z.array(patternEntry).optional(),
  unless: patterns.optional(),
  skipQuestions: z.boolean().optional(),
  unlessAnywhere: patterns.optional(),
});

/** The check a rule configures; its `kind` picks one of the engine's checks. */
export const checkSchema = z.discriminatedUnion(
  'kind',
  [phraseCheck, pairCheck, requireCheck, sentimentCheck, classifierCheck],
  { message: 'check.kind must be one of phrase, pair, require, sentiment, classifier' },
);

const example = z.strictObject({
  text: z.string().min(1),
  customer: z.string().optional(),
  channel: channel.optional(),
  customerName: z.string().optional(),
});

/** A rule as written by people: the engine's rule plus its examples. */
export const ruleSchema = z.strictObject({
  id: z.string().regex(RULE_ID, 'id must be kebab-case starting with no- or require- (e.g. no-blame-shifting)'),
  level,
  description: z.string().regex(/^[A-Z][a-z]+\b/, 'description must start with a verb such as "Disallow" or "Require"'),
  message: z.string().min(1, 'write the short message shown on the card'),
  why: z.string().min(20, 'explain in a sentence or two why this matters to the customer'),
  channels: z.array(channel).min(1).optional(),
  check: checkSchema,
  fixes: z.array(fixTemplate).optional(),
  enabled: z.boolean().optional(),
  examples: z
    .strictObject({
      bad: z
        .array(
          example.extend({
            flag: z.string().min(1, 'flag the exact span, or "whole reply"'),
            // The whole text after each of the finding's fixes, in order (ESLint's `output`);
            // an empty list when the rule offers no fix.
            output: z.array(z.string(), { message: 'list the text after each fix (an empty list when none)' }),
          }),
        )
        .default([]),
      good: z.array(example).default([]),
    })
    .optional(),
});

export type RuleWithExamples = z.infer<typeof ruleSchema>;
export type Example = NonNullable<RuleWithExamples['examples']>['good'][number];
export type BadExample = NonNullable<RuleWithExamples['examples']>['bad'][number];

// The schema and the engine must agree on what a rule is.
const _assignable: (r: RuleWithExamples) => Rule = (r) => r;
void _assignable;

const listEdit = z.strictObject({ add: z.array(pattern).optional(), remove: z.array(z.string()).optional() });

/** A team's change to one rule of the pack. */
export const overrideSchema = z.union(
  [
    z.enum(['off', 'on'], { message: 'use off, on, a level, or a map of settings' }),
    level,
    z.strictObject({
      enabled: z.boolean().optional(),
      level: level.optional(),
      channels: z.array(channel).min(1).optional(),
      message: z.string().min(1).optional(),
      why: z.string().min(1).optional(),
      fixes: z.array(fixTemplate).optional(),
      patterns: listEdit.optional(),
      unless: listEdit.optional(),
      alternatives: listEdit.optional(),
      unlessAnywhere: listEdit.optional(),
      misplacedPraise: listEdit.optional(),
      // Sentiment rules: an AFINN score (0 or below); classifier rules: a probability (0 to 1).
      threshold: z.number().optional(),
      replyThreshold: probability.optional(),
      window: z.union([z.number().int().min(0).max(20), z.literal('reply')]).optional(),
      minWords: z.number().int().min(0).optional(),
    }),
  ],
  { message: 'use off, on, a level (info, warning, error) or a map of settings' },
);

/** A head given inline: the JSON object of a model file (`decodeHead` checks the rest). */
const inlineHead = z.looseObject({
  format: z.string({ message: 'an inline model is the JSON of a model file, with its "format"' }),
});
const modelSource = z.union([z.string().min(1, 'give the path of a model file'), inlineHead], {
  message: 'give the path of a model file, or the model itself (the JSON of a model file)',
});

/** Where a team's head comes from: a path to its file, or the head inline. */
export type ModelSource = z.infer<typeof modelSource>;

/** One team's rule set: overrides of the default pack plus custom rules, in one document. */
export const teamRuleSetSchema = z.strictObject({
  tactful: z.literal(1, { message: 'start the document with "tactful: 1" (the format version)' }),
  name: z.string().min(1).optional(),
  extends: z.enum(['default', 'none'], { message: 'extends must be default or none' }).default('default'),
  rules: z.record(z.string(), overrideSchema).default({}),
  custom: z.array(ruleSchema).default([]),
  /**
   * The team's own model heads (from `tactful train` or teach by example), by name: a path to the
   * head's JSON file (relative to the document), or the head itself inline (what the extension
   * exports, so one file carries the set and its heads).
   */
  models: z.record(headName, modelSource).default({}),
});

export type RuleOverride = z.infer<typeof overrideSchema>;
export type TeamRuleSet = z.infer<typeof teamRuleSetSchema>;
