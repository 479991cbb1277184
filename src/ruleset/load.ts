import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ruleSchema, teamRuleSetSchema, type RuleWithExamples, type TeamRuleSet } from './schema';

/** A rule file or rule set that cannot be used, with where and what to fix. */
export class RuleSetError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'RuleSetError';
  }
}

function parseWithLines(text: string, file: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  // JSON is YAML, so one parser serves both and keeps line numbers for either.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    throw new RuleSetError(file, line, '', `not valid YAML or JSON: ${err.message.split('\n')[0]}`);
  }
  return { doc, lines };
}

function validate<S extends z.ZodType>(schema: S, text: string, file: string): z.output<S> {
  const { doc, lines } = parseWithLines(text, file);
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String);
  // The deepest node that exists gives the line (a missing field points at its parent).
  let line: number | undefined;
  for (let k = path.length; k >= 0 && line === undefined; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true);
    if (isNode(node) && node.range) line = lines.linePos(node.range[0]).line;
  }
  const field = path.join('.');
  const problem =
    issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove it or check its spelling`
      : issue.code === 'invalid_type' && issue.input === undefined
        ? `missing; add the ${path[path.length - 1] ?? 'value'} field`
        : issue.message;
  throw new RuleSetError(file, line, field, problem);
}

/** Reads one `rules/<id>.yml` file; the id must match the file name when one is given. */
export function parseRuleFile(text: string, file: string, expectedId?: string): RuleWithExamples {
  const rule = validate(ruleSchema, text, file);
  if (expectedId !== undefined && rule.id !== expectedId) {
    throw new RuleSetError(file, 1, 'id', `"${rule.id}" does not match the file name; rename one so both read ${expectedId}`);
  }
  return rule;
}

/** Reads a team rule set document (YAML or JSON). */
export function parseTeamRuleSet(text: string, file = 'rule set'): TeamRuleSet {
  return validate(teamRuleSetSchema, text, file);
}
