import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter, type Channel, type Finding, type Linter, type RuleSet } from '../engine';
import { decodeHead } from '../engine/model';
import { defaultRuleSet, defaultRulesWithExamples } from '../ruleset/default-pack';
import { asModelHead } from '../ruleset/models';
import {
  RuleSetError,
  checkReferences,
  mergeRuleSet,
  parseRuleFile,
  parseTeamRuleSet,
  toRule,
  type ModelSource,
  type RuleWithExamples,
  withLine,
} from '../ruleset';
import { type RuleExamples, ruleDetails, ruleRow } from './rules-list';
import { rulesTable } from './rules-table';
import { TRAIN_USAGE, trainCommand } from './train';

/** Bad input: printed as one line on stderr, exit 2. */
class UsageError extends Error {}

const USAGE = `usage:
  tactful lint FILE... [--customer FILE] [--channel email|chat] [--rules PATH] [--format text|json]
      Lints each file as one reply (to the customer's message in --customer, if given).
      --channel defaults to email.
  tactful lint --jsonl FILE|- [--channel email|chat] [--rules PATH]
      One {"id", "reply", "customer", "channel"} object a line (- reads stdin); one JSON line out
      for each. A line without "channel" is linted as --channel, which defaults to chat here.
  tactful rules [--rules PATH] [--markdown | --verbose]
      Each rule's effective level (off when the team set turned it off). --verbose adds its
      patterns (quoted as a team set's remove: needs them), fixes and examples; --markdown
      prints the README table.
${TRAIN_USAGE}
--rules takes a team rule set (YAML or JSON) or a folder of rule files. A team set's
"models: { blame: models/blame.json }" replaces a learned head with the team's own (a
model may also be written inline, as the extension exports it).
Exit status: 0 no finding at level error; 1 a finding at level error (in any file or line);
2 bad input, which wins over 1 (in --jsonl mode the good lines are still answered).`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${what} ${path} does not exist; check the path`);
    if (code === 'EISDIR') throw new UsageError(`${what} ${path} is a folder; give a file`);
    throw new UsageError(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

/** A rule set as loaded from --rules, with the examples its rule files carry (for --verbose). */
export interface LoadedRules {
  ruleSet: RuleSet;
  examplesById: ReadonlyMap<string, RuleExamples>;
}

const examplesOf = (rules: readonly RuleWithExamples[]): Array<[string, RuleExamples]> =>
  rules.flatMap((r) => (r.examples ? [[r.id, r.examples] as [string, RuleExamples]] : []));

/** The team's own heads: a path (relative to the rule set document) or the head inline. */
function teamModels(sources: Record<string, ModelSource>, documentPath: string) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, source]) => {
      if (typeof source !== 'string') {
        try {
          return [name, asModelHead(decodeHead(source))];
        } catch (e) {
          throw new UsageError(
            `${documentPath}: models.${name}: the inline model is not valid (${(e as Error).message})`,
          );
        }
      }
      const at = resolve(dirname(documentPath), source);
      const text = readText(at, 'model file');
      try {
        return [name, asModelHead(decodeHead(JSON.parse(text)))];
      } catch (e) {
        throw new UsageError(`${documentPath}: models.${name}: ${at} is not a model file (${(e as Error).message})`);
      }
    }),
  );
}

/** Loads --rules: a folder of rule files replaces the pack; a document is merged onto it. */
export function loadRuleSet(path: string | undefined): LoadedRules {
  const packExamples = examplesOf(defaultRulesWithExamples);
  if (!path) return { ruleSet: defaultRuleSet, examplesById: new Map(packExamples) };
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`rule set ${path} does not exist; check the --rules path`);
  }
  if (isDir) {
    const files = readdirSync(path)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    if (files.length === 0) throw new UsageError(`rule folder ${path} has no .yml files`);
    const parsed = files.map((f) =>
      parseRuleFile(readText(join(path, f), 'rule file'), join(path, f), basename(f).replace(/\.ya?ml$/, '')),
    );
    const rules = parsed.map(toRule);
    checkReferences(rules, path);
    return { ruleSet: { rules, models: defaultRuleSet.models }, examplesById: new Map(examplesOf(parsed)) };
  }
  const text = readText(path, 'rule set');
  const team = parseTeamRuleSet(text, path);
  try {
    // A custom rule's own examples come after the pack's: with "extends: none" it may reuse an id.
    const examplesById = new Map([...packExamples, ...examplesOf(team.custom)]);
    const models = { ...defaultRuleSet.models, ...teamModels(team.models, path) };
    return { ruleSet: { ...mergeRuleSet(defaultRuleSet.rules, team, path), models }, examplesById };
  } catch (e) {
    throw e instanceof RuleSetError ? withLine(e, text) : e;
  }
}

function lineCol(text: string, offset: number): [number, number] {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return [line, offset - last];
}

// Exit status, the same in file and JSONL mode: a team's CI fails on any error-level finding.
const EXIT_CLEAN = 0;
const EXIT_ERROR_FINDING = 1;
const EXIT_BAD_INPUT = 2;

const hasErrorFinding = (findings: readonly Finding[]) => findings.some((f) => f.level === 'error');

/** The channel of --channel, or `fallback` when the flag is absent. */
const parseChannel = (value: string | undefined, fallback: Channel): Channel => {
  if (value === undefined) return fallback;
  if (value === 'email' || value === 'chat') return value;
  throw new UsageError(`--channel must be email or chat, not "${value}"`);
};

// A file is a draft of one reply, most often an email, so files default to email. A JSONL line
// is a case of a batch, and batches default to chat: the eval scorer the batches are scored with
// (../shared/eval/score.mjs) reads a case without "channel" as chat, and the two must agree on
// what a case is. --channel sets the batch default explicitly; both defaults are in the help.
const FILE_CHANNEL_DEFAULT: Channel = 'email';
const JSONL_CHANNEL_DEFAULT: Channel = 'chat';

function lintFiles(
  linter: Linter,
  files: string[],
  opts: { customer?: string; channel: Channel; format: string },
  io: Io,
) {
  const customerMessage = opts.customer !== undefined ? readText(opts.customer, 'customer file') : undefined;
  const texts = files.map((f) => [f, readText(f, 'file')] as const);
  let worst = EXIT_CLEAN;
  const json: unknown[] = [];
  for (const [file, text] of texts) {
    const report = linter.lint(text, { customerMessage, channel: opts.channel });
    if (hasErrorFinding(report.findings)) worst = EXIT_ERROR_FINDING;
    if (opts.format === 'json') {
      json.push({ file, score: report.score, findings: report.findings.map(stripWhy) });
      continue;
    }
    for (const f of report.findings) {
      const [line, col] = lineCol(text, f.start);
      io.stdout(`${file}:${line}:${col} ${f.level} ${f.ruleId} ${f.message}`);
    }
  }
  if (opts.format === 'json') io.stdout(JSON.stringify(files.length === 1 ? json[0] : json, null, 2));
  return worst;
}

const stripWhy = ({ why: _why, ...f }: Finding) => f;

function lintJsonl(linter: Linter, source: string, defaultChannel: Channel, io: Io): number {
  const text = source === '-' ? io.readStdin() : readText(source, 'JSONL file');
  let bad = 0;
  let errorFindings = false;
  text.split('\n').forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    let problem: string | null = null;
    let input: { id?: unknown; reply?: unknown; customer?: unknown; channel?: unknown } = {};
    try {
      input = JSON.parse(raw);
      if (typeof input !== 'object' || input === null || Array.isArray(input)) problem = 'expected a JSON object';
      else if (typeof input.reply !== 'string') problem = 'field "reply" must be a string';
      else if (input.customer != null && typeof input.customer !== 'string')
        problem = 'field "customer" must be a string or null';
      else if (input.channel != null && input.channel !== 'email' && input.channel !== 'chat')
        problem = 'field "channel" must be "email" or "chat"';
    } catch (e) {
      problem = `not valid JSON (${(e as Error).message})`;
    }
    if (problem) {
      bad++;
      io.stderr(`tactful: ${source}:${lineNo}: ${problem}; this line was skipped`);
      io.stdout(JSON.stringify({ id: input?.id ?? null, line: lineNo, error: problem }));
      return;
    }
    const report = linter.lint(input.reply as string, {
      customerMessage: (input.customer as string | null) ?? undefined,
      channel: (input.channel as Channel | null | undefined) ?? defaultChannel,
    });
    if (hasErrorFinding(report.findings)) errorFindings = true;
    io.stdout(
      JSON.stringify({
        id: input.id,
        findings: report.findings.map((f) => ({
          ruleId: f.ruleId,
          start: f.start,
          end: f.end,
          level: f.level,
          message: f.message,
        })),
        score: report.score,
      }),
    );
  });
  // Bad input wins: the run cannot be trusted as a verdict when some lines were not linted.
  if (bad) return EXIT_BAD_INPUT;
  return errorFindings ? EXIT_ERROR_FINDING : EXIT_CLEAN;
}

const OPTIONS = {
  customer: { type: 'string' },
  channel: { type: 'string' },
  rules: { type: 'string' },
  format: { type: 'string' },
  jsonl: { type: 'string' },
  markdown: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

// Flags of the other command are refused rather than ignored: a run that silently drops a flag
// answers a different question than the one asked.
const LINT_ONLY = ['customer', 'channel', 'format', 'jsonl'] as const;
const RULES_ONLY = ['markdown', 'verbose'] as const;

function listRules(values: Values, positionals: string[], io: Io): number {
  for (const flag of LINT_ONLY) {
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} is for tactful lint; tactful rules takes only --rules, --markdown or --verbose`);
  }
  if (positionals.length) {
    throw new UsageError(
      `tactful rules takes no files (got "${positionals[0]}"); to lint a reply use tactful lint ${positionals[0]}`,
    );
  }
  if (values.markdown && values.verbose) {
    throw new UsageError(
      '--markdown and --verbose do not combine: --markdown prints the README table, --verbose the patterns and examples as text; drop one',
    );
  }
  const { ruleSet, examplesById } = loadRuleSet(values.rules);
  const { rules } = ruleSet;
  if (values.markdown) io.stdout(rulesTable(rules));
  // A blank line between rules keeps each rule's block readable; the first line stays the row.
  else if (values.verbose) io.stdout(rules.map((r) => ruleDetails(r, examplesById.get(r.id)).join('\n')).join('\n\n'));
  else io.stdout(rules.map(ruleRow).join('\n'));
  return EXIT_CLEAN;
}

function lint(values: Values, positionals: string[], io: Io): number {
  for (const flag of RULES_ONLY) {
    if (values[flag])
      throw new UsageError(`--${flag} is for tactful rules; tactful lint prints text or JSON (--format)`);
  }
  if (values.jsonl !== undefined) {
    if (positionals.length) throw new UsageError('give either --jsonl or files to lint, not both');
    if (values.customer !== undefined) {
      throw new UsageError(
        '--customer does not apply to --jsonl: each line carries its own "customer" field; put the message there',
      );
    }
    if (values.format !== undefined && values.format !== 'json')
      throw new UsageError(`--jsonl always prints JSON lines; drop --format ${values.format}`);
    const channel = parseChannel(values.channel, JSONL_CHANNEL_DEFAULT);
    const linter = createLinter(loadRuleSet(values.rules).ruleSet);
    return lintJsonl(linter, values.jsonl, channel, io);
  }
  if (positionals.length === 0) throw new UsageError('nothing to lint; give one or more files, or --jsonl FILE');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const channel = parseChannel(values.channel, FILE_CHANNEL_DEFAULT);
  const linter = createLinter(loadRuleSet(values.rules).ruleSet);
  return lintFiles(linter, positionals, { customer: values.customer, channel, format }, io);
}

/** Runs the CLI; returns the exit code. */
export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command ? EXIT_CLEAN : EXIT_BAD_INPUT;
    }
    if (command === 'train') return trainCommand(rest, io);
    if (command !== 'lint' && command !== 'rules')
      throw new UsageError(`unknown command "${command}"; use lint, rules or train`);
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
    return command === 'rules' ? listRules(values, positionals, io) : lint(values, positionals, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RuleSetError) {
      io.stderr(`tactful: ${e.message}`);
      return EXIT_BAD_INPUT;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tactful: ${(e as Error).message.split('\n')[0]}; see tactful --help`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

/** The process entry: real stdin/stdout, exit code set when output is flushed. */
export function main(argv = process.argv.slice(2)): void {
  const out: string[] = [];
  const code = run(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => process.stderr.write(`${s}\n`),
    readStdin: () => readFileSync(0, 'utf8'),
  });
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '', () => process.exit(code));
}

// The bundle also serves the benchmark and repo scripts.
export { createLinter } from '../engine';
export { defaultRuleSet, defaultRulesWithExamples } from '../ruleset/default-pack';
export { rulesTable, replaceRulesTable } from './rules-table';
