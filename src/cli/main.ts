import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { createLinter, type Channel, type Finding, type Linter, type Report, type RuleSet } from '../engine';
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
               [--time-budget MS]
      Lints each file as one reply (to the customer's message in --customer, if given).
      --channel defaults to email.
  tactful lint --jsonl FILE|- [--channel email|chat] [--rules PATH]
      One {"id", "reply", "customer", "channel"} object a line (- reads stdin; "id" is a string
      or a number); one JSON line out for each, as soon as it is linted.
      A line without "channel" is linted as --channel, which defaults to chat here.
  --time-budget MS: how long one reply may take (default 10000). Past it the reply is checked
      only up to a sentence boundary; the answer says so ("incomplete") and the exit status is 2.
  tactful rules [--rules PATH] [--markdown | --verbose]
      Each rule's effective level (off when the team set turned it off). --verbose adds its
      patterns (quoted as a team set's remove: needs them), fixes and examples; --markdown
      prints the README table.
${TRAIN_USAGE}
--rules takes a team rule set (YAML or JSON) or a folder of rule files. A team set's
"models: { blame: models/blame.json }" replaces a learned head with the team's own (a
model may also be written inline, as the extension exports it).
Exit status: 0 no finding at level error; 1 a finding at level error (in any file or line);
2 bad input or a reply not checked to the end, which wins over 1 (in --jsonl mode the good
lines are still answered).`;

export interface Io {
  /** One line of output (the newline is added). */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Stdin as text, chunk by chunk as it arrives (a batch is answered while it is still coming). */
  readStdin?: () => Iterable<string>;
  /** Sends on what stdout holds: called after each JSONL answer. */
  flush?: () => void;
}

/** The standard output was closed by its reader (`| head`): stop quietly. */
class OutputClosed extends Error {}

const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** An error as one line: its class and message, never its stack. */
const oneLine = (e: unknown): string =>
  (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s*[\r\n]+\s*/g, ' ');

/** Why `path` cannot be read, as one line that says what to fix. */
function cannotRead(what: string, path: string, e: unknown): UsageError {
  const code = errnoOf(e);
  if (code === 'ENOENT') return new UsageError(`${what} ${path} does not exist; check the path`);
  if (code === 'EISDIR') return new UsageError(`${what} ${path} is a folder; give a file`);
  if (code === 'EACCES' || code === 'EPERM')
    return new UsageError(`cannot read ${what} ${path}: permission denied; check its permissions`);
  return new UsageError(`cannot read ${what} ${path}: ${code ?? oneLine(e)}`);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw cannotRead(what, path, e);
  }
}

const sleepMs = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Reads a descriptor as UTF-8 text, chunk by chunk, synchronously (the CLI is synchronous). A
 * descriptor left non-blocking by the parent answers EAGAIN while empty: wait and read again.
 */
function* readChunks(fd: number, onError: (e: unknown) => UsageError): Generator<string> {
  const buffer = Buffer.allocUnsafe(1 << 16);
  const decoder = new StringDecoder('utf8');
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      if (errnoOf(e) === 'EAGAIN') {
        sleepMs(5);
        continue;
      }
      if (errnoOf(e) === 'EOF') break;
      throw onError(e);
    }
    if (n === 0) break;
    yield decoder.write(buffer.subarray(0, n));
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function stdinError(e: unknown): UsageError {
  const code = errnoOf(e);
  if (code === 'EISDIR')
    return new UsageError('stdin is a folder, not JSON lines; redirect a file (< batch.jsonl) or pipe lines in');
  if (code === 'EBADF') return new UsageError('stdin is closed; redirect a file (< batch.jsonl) or pipe lines in');
  return new UsageError(`cannot read stdin: ${code ?? oneLine(e)}`);
}

/** A JSONL file, chunk by chunk; the file is closed when reading ends, also on an error. */
function* fileChunks(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw cannotRead('JSONL file', path, e);
  }
  try {
    yield* readChunks(fd, (e) => cannotRead('JSONL file', path, e));
  } finally {
    closeSync(fd);
  }
}

/** Lines of chunked text, without their "\n"; a byte-order mark opening the text is dropped. */
function* linesOf(chunks: Iterable<string>): Generator<string> {
  let pending = '';
  let atStart = true;
  for (let chunk of chunks) {
    if (atStart && chunk !== '') {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      atStart = false;
    }
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      yield pending + chunk.slice(from, nl);
      pending = '';
      from = nl + 1;
    }
    pending += chunk.slice(from);
  }
  if (pending !== '') yield pending;
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
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') throw new UsageError(`rule set ${path} does not exist; check the --rules path`);
    throw cannotRead('rule set', path, e);
  }
  if (isDir) {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (e) {
      throw cannotRead('rule folder', path, e);
    }
    const files = names.filter((f) => /\.ya?ml$/.test(f)).sort();
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

/** The offset where each line starts: one pass over the text, so output stays linear. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}

/** 1-based line and column (in UTF-16 units) of an offset, by binary search over line starts. */
function lineCol(starts: readonly number[], offset: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo + 1, offset - starts[lo]! + 1];
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

/**
 * How long one reply may take in the CLI. More than the extension allows (a batch has no one
 * waiting on each keystroke), and far more than any real reply needs (milliseconds): only a slow
 * team regex on a long text reaches it.
 */
const CLI_TIME_BUDGET_MS = 10_000;

/** The budget of --time-budget, or the CLI's default. */
function parseTimeBudget(value: string | undefined): number {
  if (value === undefined) return CLI_TIME_BUDGET_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 1 || ms > 3_600_000)
    throw new UsageError(`--time-budget must be a whole number of milliseconds from 1 to 3600000, not "${value}"`);
  return ms;
}

/** The warning for a reply the budget cut short: where it stopped and what to do. */
function incompleteProblem(report: Report, length: number): string | null {
  if (!report.incomplete) return null;
  const { checkedTo, budgetMs } = report.incomplete;
  const where =
    checkedTo >= length
      ? "the customer's message was not read to the end"
      : `only the first ${checkedTo} of ${length} characters were checked`;
  return `not checked to the end: ${where} within the ${budgetMs} ms time budget (a slow regular expression in the rule set, or a very long text); rules that weigh the whole reply were skipped; raise --time-budget or simplify the pattern`;
}

function lintFiles(
  linter: Linter,
  files: string[],
  opts: { customer?: string; channel: Channel; format: string; timeBudgetMs: number },
  io: Io,
) {
  const customerMessage = opts.customer !== undefined ? readText(opts.customer, 'customer file') : undefined;
  const texts = files.map((f) => [f, readText(f, 'file')] as const);
  let worst = EXIT_CLEAN;
  let failed = false;
  const json: unknown[] = [];
  for (const [file, text] of texts) {
    let report: Report;
    try {
      report = linter.lint(text, { customerMessage, channel: opts.channel, timeBudgetMs: opts.timeBudgetMs });
    } catch (e) {
      // One file the engine cannot lint must not hide the others' findings.
      io.stderr(`tactful: ${file}: could not lint this file (${oneLine(e)}); please report it`);
      failed = true;
      continue;
    }
    if (hasErrorFinding(report.findings)) worst = EXIT_ERROR_FINDING;
    const incomplete = incompleteProblem(report, text.length);
    if (incomplete) {
      io.stderr(`tactful: ${file}: ${incomplete}`);
      failed = true;
    }
    if (opts.format === 'json') {
      json.push({
        file,
        score: report.score,
        findings: report.findings.map(stripWhy),
        ...(report.incomplete ? { incomplete: report.incomplete } : {}),
      });
      continue;
    }
    const starts = report.findings.length ? lineStarts(text) : [];
    for (const f of report.findings) {
      const [line, col] = lineCol(starts, f.start);
      io.stdout(`${file}:${line}:${col} ${f.level} ${f.ruleId} ${f.message}`);
    }
    io.flush?.();
  }
  if (opts.format === 'json' && (files.length > 1 || json.length))
    io.stdout(JSON.stringify(files.length === 1 ? json[0] : json, null, 2));
  return failed ? EXIT_BAD_INPUT : worst;
}

const stripWhy = ({ why: _why, ...f }: Finding) => f;

/** An id that can be written back as it came: a string or a finite number. */
const isId = (id: unknown): id is string | number =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

interface JsonlInput {
  id?: unknown;
  reply?: unknown;
  customer?: unknown;
  channel?: unknown;
}

/** What is wrong with a parsed line, or null. */
function lineProblem(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'expected a JSON object';
  const { id, reply, customer, channel } = input as JsonlInput;
  // The id is written back in the answer: a deeply nested one would crash JSON.stringify.
  if (typeof id === 'number' && !Number.isFinite(id))
    return 'field "id" must be a string or a number; this number is too large, quote it as a string';
  if (id != null && !isId(id)) return 'field "id" must be a string or a number';
  if (typeof reply !== 'string') return 'field "reply" must be a string';
  if (customer != null && typeof customer !== 'string') return 'field "customer" must be a string or null';
  if (channel != null && channel !== 'email' && channel !== 'chat') return 'field "channel" must be "email" or "chat"';
  return null;
}

/**
 * Answers a JSONL batch line by line, each answer sent on (io.flush) as soon as its line is
 * linted: a later failure never loses earlier answers, and a pipe gets answers while it feeds.
 */
export function lintJsonl(
  linter: Linter,
  chunks: Iterable<string>,
  source: string,
  defaultChannel: Channel,
  io: Io,
  timeBudgetMs = CLI_TIME_BUDGET_MS,
): number {
  let bad = 0;
  let inputs = 0;
  let errorFindings = false;
  let lineNo = 0;
  const skip = (id: unknown, problem: string) => {
    bad++;
    io.stderr(`tactful: ${source}:${lineNo}: ${problem}; this line was skipped`);
    io.stdout(JSON.stringify({ id: isId(id) ? id : null, line: lineNo, error: problem }));
    io.flush?.();
  };
  for (const raw of linesOf(chunks)) {
    lineNo++;
    if (raw.trim() === '') continue;
    inputs++;
    let input: JsonlInput;
    try {
      input = JSON.parse(raw);
    } catch (e) {
      skip(null, `not valid JSON (${oneLine((e as Error).message)})`);
      continue;
    }
    const problem = lineProblem(input);
    if (problem) {
      skip(input?.id, problem);
      continue;
    }
    let answer: string;
    try {
      const report = linter.lint(input.reply as string, {
        customerMessage: (input.customer as string | null) ?? undefined,
        channel: (input.channel as Channel | null | undefined) ?? defaultChannel,
        timeBudgetMs,
      });
      if (hasErrorFinding(report.findings)) errorFindings = true;
      const incomplete = incompleteProblem(report, (input.reply as string).length);
      if (incomplete) {
        // Answered (its findings are real), but the line's verdict is not complete.
        bad++;
        io.stderr(`tactful: ${source}:${lineNo}: ${incomplete}`);
      }
      answer = JSON.stringify({
        id: input.id,
        findings: report.findings.map((f) => ({
          ruleId: f.ruleId,
          start: f.start,
          end: f.end,
          level: f.level,
          message: f.message,
        })),
        score: report.score,
        ...(report.incomplete ? { incomplete: report.incomplete } : {}),
      });
    } catch (e) {
      // A fault of the engine on one line: answer it and go on with the batch.
      skip(input.id, `could not lint this line (${oneLine(e)}); please report it`);
      continue;
    }
    io.stdout(answer);
    io.flush?.();
  }
  if (inputs === 0) {
    throw new UsageError(
      source === '-'
        ? 'stdin is empty (or closed): no JSON lines to lint; redirect a file (< batch.jsonl) or pipe lines in'
        : `JSONL file ${source} has no lines to lint`,
    );
  }
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
  'time-budget': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

// Flags of the other command are refused rather than ignored: a run that silently drops a flag
// answers a different question than the one asked.
const LINT_ONLY = ['customer', 'channel', 'format', 'jsonl', 'time-budget'] as const;
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
    const timeBudgetMs = parseTimeBudget(values['time-budget']);
    const linter = createLinter(loadRuleSet(values.rules).ruleSet);
    let chunks: Iterable<string>;
    if (values.jsonl !== '-') chunks = fileChunks(values.jsonl);
    else if (io.readStdin) chunks = io.readStdin();
    else throw new UsageError('stdin cannot be read here; give a JSONL file');
    return lintJsonl(linter, chunks, values.jsonl, channel, io, timeBudgetMs);
  }
  if (positionals.length === 0) throw new UsageError('nothing to lint; give one or more files, or --jsonl FILE');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const channel = parseChannel(values.channel, FILE_CHANNEL_DEFAULT);
  const timeBudgetMs = parseTimeBudget(values['time-budget']);
  const linter = createLinter(loadRuleSet(values.rules).ruleSet);
  return lintFiles(linter, positionals, { customer: values.customer, channel, format, timeBudgetMs }, io);
}

/** Runs the CLI; returns the exit code. */
export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    // Asked for, the usage is the answer (stdout, 0); without a command it is a mistake (stderr, 2).
    if (!command) {
      io.stderr(USAGE);
      return EXIT_BAD_INPUT;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return EXIT_CLEAN;
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
    const code = errnoOf(e);
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tactful: ${(e as Error).message.split('\n')[0]}; see tactful --help`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof OutputClosed) return EXIT_OUTPUT_CLOSED;
    // A bug, not the user's input: still one line, and no verdict (an uncaught error exits 1,
    // which a team's CI would read as "error findings").
    io.stderr(`tactful: internal error (${oneLine(e)}); please report it`);
    return EXIT_BAD_INPUT;
  }
}

// What a shell reports for a program stopped by SIGPIPE (128 + 13): the reader left early.
const EXIT_OUTPUT_CLOSED = 141;

/** Writes all of `text` to a descriptor, synchronously, so output is out before any later fault. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'EAGAIN') sleepMs(2);
      else if (code === 'EPIPE') throw new OutputClosed('the reader of the output went away');
      else throw e;
    }
  }
}

/** Lines to a descriptor, written in blocks of about 64 KB and whenever flushed. */
function lineWriter(fd: number) {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    writeAll(fd, text);
  };
  const write = (s: string) => {
    parts.push(s, '\n');
    size += s.length + 1;
    if (size >= 1 << 16) flush();
  };
  return { write, flush };
}

/** The process entry: real stdin/stdout, exit code set when output is flushed. */
export function main(argv = process.argv.slice(2)): void {
  const out = lineWriter(1);
  const stderr = (s: string) => {
    try {
      writeAll(2, `${s}\n`);
    } catch {
      // Nowhere left to say it.
    }
  };
  let code = run(argv, { stdout: out.write, stderr, readStdin: () => readChunks(0, stdinError), flush: out.flush });
  try {
    out.flush();
  } catch (e) {
    if (!(e instanceof OutputClosed)) throw e;
    code = EXIT_OUTPUT_CLOSED;
  }
  process.exit(code);
}

// The bundle also serves the benchmark and repo scripts.
export { createLinter } from '../engine';
export { defaultRuleSet, defaultRulesWithExamples } from '../ruleset/default-pack';
export { rulesTable, replaceRulesTable } from './rules-table';
