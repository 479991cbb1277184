import { LineCounter, parseDocument, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { z } from 'zod';
import { LIMITS } from './limits';
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

const number = (n: number) => n.toLocaleString('en');

/** The size of `text` in UTF-8 bytes, counted only when it could be over `limit`. */
function overBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}

/** Keys that would reach Object.prototype in a plain object: never a field, rule id or head name. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Path = Array<string | number>;

/** The first forbidden key in the document (aliases are not followed: their anchor is checked). */
function forbiddenKey(doc: Document): { path: Path; node: unknown } | null {
  const todo: Array<{ node: unknown; path: Path }> = [{ node: doc.contents, path: [] }];
  while (todo.length) {
    const { node, path } = todo.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], node: pair.key };
        todo.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        todo.push({ node: item, path: [...path, i] });
      });
    }
  }
  return null;
}

function lineOf(node: unknown, lines: LineCounter): number | undefined {
  return isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
}

/** The first alias of the document, for the line of an alias problem. */
function firstAlias(doc: Document): unknown {
  const todo: unknown[] = [doc.contents];
  while (todo.length) {
    const node = todo.shift();
    if (isAlias(node)) return node;
    if (isMap(node)) for (const pair of node.items) todo.push(pair.key, pair.value);
    else if (isSeq(node)) todo.push(...node.items);
  }
  return undefined;
}

function parseWithLines(text: string, file: string): { doc: Document; lines: LineCounter; data: unknown } {
  // Refused before parsing: YAML parses about 2.5 MB a second here, and a set this large is
  // not written by hand.
  if (overBytes(text, LIMITS.documentBytes)) {
    throw new RuleSetError(
      file,
      undefined,
      '',
      `the document is larger than ${LIMITS.documentBytes / 1024 / 1024} MB, the most a rule set may be; split it or remove rules`,
    );
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    // JSON is YAML, so one parser serves both and keeps line numbers for either.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    throw new RuleSetError(file, undefined, '', `cannot be read as YAML or JSON (${(e as Error).message})`);
  }
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    throw new RuleSetError(file, line, '', `not valid YAML or JSON: ${err.message.split('\n')[0]}`);
  }
  const forbidden = forbiddenKey(doc);
  if (forbidden) {
    const key = forbidden.path[forbidden.path.length - 1];
    throw new RuleSetError(
      file,
      lineOf(forbidden.node, lines),
      forbidden.path.join('.'),
      `"${key}" cannot be used as a key (it would change how the document is read); remove it or rename it`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new RuleSetError(
        file,
        lineOf(firstAlias(doc), lines),
        '',
        `its aliases (*name) expand to more than ${number(LIMITS.aliases)} copies, the most a rule set may use (an alias bomb?); write the lists out or reuse fewer anchors`,
      );
    }
    throw new RuleSetError(file, undefined, '', `cannot be read as YAML or JSON (${(e as Error).message})`);
  }
  return { doc, lines, data };
}

/** Fields that hold a list of patterns (or of patterns to add or remove). */
const PATTERN_LISTS = new Set([
  'patterns',
  'unless',
  'alternatives',
  'unlessAnywhere',
  'customer',
  'customerUnless',
  'draft',
  'add',
  'remove',
]);

/**
 * Counts before the schema runs (which compiles every pattern): a set over the caps is refused
 * fast, at the field that crosses them. Team heads under `models` are not patterns.
 */
function checkCaps(data: unknown, file: string, doc: Document, lines: LineCounter): void {
  const at = (path: Path, problem: string) =>
    new RuleSetError(file, lineOf(doc.getIn(path, true), lines), path.join('.'), problem);
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const custom = (data as { custom?: unknown }).custom;
    if (Array.isArray(custom) && custom.length > LIMITS.customRules) {
      throw at(
        ['custom'],
        `${number(custom.length)} custom rules; a rule set may have at most ${number(LIMITS.customRules)} (merge rules that share a message into one rule with more patterns)`,
      );
    }
  }
  let total = 0;
  let over = false;
  const todo: Array<{ value: unknown; path: Path }> = [{ value: data, path: [] }];
  while (todo.length) {
    const { value, path } = todo.pop()!;
    if (Array.isArray(value)) {
      const key = path[path.length - 1];
      if (typeof key === 'string' && PATTERN_LISTS.has(key)) {
        if (value.length > LIMITS.patternsPerList) {
          throw at(
            path,
            `${number(value.length)} patterns; a list may have at most ${number(LIMITS.patternsPerList)} (split it across rules)`,
          );
        }
        total += value.length;
        if (total > LIMITS.patternsTotal) over = true;
        continue;
      }
      value.forEach((item, i) => {
        todo.push({ value: item, path: [...path, i] });
      });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (path.length === 0 && key === 'models') continue;
        todo.push({ value: item, path: [...path, key] });
      }
    }
  }
  if (over) {
    throw new RuleSetError(
      file,
      undefined,
      '',
      `${number(total)} patterns in all; a rule set may have at most ${number(LIMITS.patternsTotal)} (remove patterns or rules)`,
    );
  }
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
  const { doc, lines, data } = parseWithLines(text, file);
  if (data === null || data === undefined) throw new RuleSetError(file, 1, '', `the document is empty; ${emptyHint}`);
  checkCaps(data, file, doc, lines);
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
