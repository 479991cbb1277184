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

type Issue = z.core.$ZodIssue;

/** Inside a union, the most specific branch's issue says best what is wrong. */
function specific(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const candidate = specific({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
      if (candidate.path.length > issue.path.length && (!best || candidate.path.length > best.path.length))
        best = candidate;
    }
  }
  return best ?? issue;
}

function validate<S extends z.ZodType>(schema: S, text: string, file: string, emptyHint: string): z.output<S> {
  const { doc, lines } = parseWithLines(text, file);
  const data = doc.toJS();
  if (data === null || data === undefined) throw new RuleSetError(file, 1, '', `the document is empty; ${emptyHint}`);
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issue = specific(result.error.issues[0]!);
  const path = issue.path.map(String);
  // An unknown field points at its own line, not its parent's.
  const where = issue.code === 'unrecognized_keys' && issue.keys.length ? [...path, issue.keys[0]!] : path;
  // The deepest node that exists gives the line (a missing field points at its parent).
  let line: number | undefined;
  for (let k = where.length; k >= 0 && line === undefined; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(where.slice(0, k), true);
    if (isNode(node) && node.range) line = lines.linePos(node.range[0]).line;
  }
  if (line === undefined && where.length) {
    // A key whose value is empty has no node of its own: find the key's line in the text.
    const key = where[where.length - 1]!;
    const at = text.search(new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm'));
    if (at >= 0) line = lines.linePos(at).line;
  }
  const field = where.join('.');
  let problem: string;
  if (issue.code === 'unrecognized_keys')
    problem = `unknown field "${issue.keys.join('", "')}"; remove it or check its spelling`;
  else if (issue.code === 'invalid_type' && issue.input === undefined)
    problem = `missing; add the ${path[path.length - 1] ?? 'value'} field`;
  else if (issue.code === 'invalid_type')
    problem = `expected ${issue.expected}, found ${describe(issue.input)}; ${issue.message.startsWith('Invalid input') ? `write a ${issue.expected} here` : issue.message}`;
  else problem = issue.message;
  throw new RuleSetError(file, line, field, problem);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'nothing';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Reads one `rules/<id>.yml` file; the id must match the file name when one is given. */
export function parseRuleFile(text: string, file: string, expectedId?: string): RuleWithExamples {
  const rule = validate(ruleSchema, text, file, 'write a rule with id, level, description, message, why and check');
  if (expectedId !== undefined && rule.id !== expectedId) {
    throw new RuleSetError(
      file,
      1,
      'id',
      `"${rule.id}" does not match the file name; rename one so both read ${expectedId}`,
    );
  }
  return rule;
}

/** Reads a team rule set document (YAML or JSON). */
export function parseTeamRuleSet(text: string, file = 'rule set'): TeamRuleSet {
  return validate(teamRuleSetSchema, text, file, 'start the document with "tactful: 1" (the format version)');
}

/** The line of a dotted field path ("rules.no-shouting.level") in a YAML or JSON document. */
export function lineOfField(text: string, field: string): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const path = field.split('.');
  for (let k = path.length; k > 0; k--) {
    const node = doc.getIn(path.slice(0, k), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A RuleSetError found after parsing (while merging), given the line of its field. */
export function withLine(error: RuleSetError, text: string): RuleSetError {
  if (error.line !== undefined) return error;
  return new RuleSetError(error.file, lineOfField(text, error.field), error.field, error.problem);
}
