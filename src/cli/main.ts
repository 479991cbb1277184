import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLinter, type Channel, type Finding, type Linter, type RuleSet } from '../engine';
import { defaultRuleSet, defaultRulesWithExamples } from '../ruleset/default-pack';
import {
  RuleSetError,
  checkReferences,
  mergeRuleSet,
  parseRuleFile,
  parseTeamRuleSet,
  toRule,
  withLine,
} from '../ruleset';
import { rulesTable } from './rules-table';

/** Bad input: printed as one line on stderr, exit 2. */
class UsageError extends Error {}

const USAGE = `usage:
  tactful lint FILE... [--customer FILE] [--channel email|chat] [--rules PATH] [--format text|json]
  tactful lint --jsonl FILE|- [--rules PATH]
  tactful rules [--markdown] [--rules PATH]
--rules takes a team rule set (YAML or JSON) or a folder of rule files.`;

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

/** Loads --rules: a folder of rule files replaces the pack; a document is merged onto it. */
export function loadRuleSet(path: string | undefined): RuleSet {
  if (!path) return defaultRuleSet;
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
    const rules = files.map((f) =>
      toRule(parseRuleFile(readText(join(path, f), 'rule file'), join(path, f), basename(f).replace(/\.ya?ml$/, ''))),
    );
    checkReferences(rules, path);
    return { rules };
  }
  const text = readText(path, 'rule set');
  const team = parseTeamRuleSet(text, path);
  try {
    return mergeRuleSet(defaultRuleSet.rules, team, path);
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

const parseChannel = (v: string | undefined): Channel => {
  if (v === undefined || v === 'email' || v === 'chat') return v ?? 'email';
  throw new UsageError(`--channel must be email or chat, not "${v}"`);
};

function lintFiles(
  linter: Linter,
  files: string[],
  opts: { customer?: string; channel: Channel; format: string },
  io: Io,
) {
  const customerMessage = opts.customer !== undefined ? readText(opts.customer, 'customer file') : undefined;
  const texts = files.map((f) => [f, readText(f, 'file')] as const);
  let worst = 0;
  const json: unknown[] = [];
  for (const [file, text] of texts) {
    const report = linter.lint(text, { customerMessage, channel: opts.channel });
    if (report.findings.some((f) => f.level === 'error')) worst = 1;
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

function lintJsonl(linter: Linter, source: string, io: Io): number {
  const text = source === '-' ? io.readStdin() : readText(source, 'JSONL file');
  let bad = 0;
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
      channel: (input.channel as Channel | undefined) ?? 'chat',
    });
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
  return bad ? 2 : 0;
}

/** Runs the CLI; returns the exit code. */
export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command ? 0 : 2;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        customer: { type: 'string' },
        channel: { type: 'string' },
        rules: { type: 'string' },
        format: { type: 'string' },
        jsonl: { type: 'string' },
        markdown: { type: 'boolean' },
      },
    });
    const ruleSet = loadRuleSet(values.rules);
    if (command === 'rules') {
      const rules = values.rules ? ruleSet.rules : defaultRulesWithExamples;
      io.stdout(
        values.markdown ? rulesTable(rules) : rules.map((r) => `${r.id}\t${r.level}\t${r.description}`).join('\n'),
      );
      return 0;
    }
    if (command !== 'lint') throw new UsageError(`unknown command "${command}"; use lint or rules`);
    const linter = createLinter(ruleSet);
    if (values.jsonl !== undefined) {
      if (positionals.length) throw new UsageError('give either --jsonl or files to lint, not both');
      return lintJsonl(linter, values.jsonl, io);
    }
    if (positionals.length === 0) throw new UsageError('nothing to lint; give one or more files, or --jsonl FILE');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    return lintFiles(
      linter,
      positionals,
      { customer: values.customer, channel: parseChannel(values.channel), format },
      io,
    );
  } catch (e) {
    if (e instanceof UsageError || e instanceof RuleSetError) {
      io.stderr(`tactful: ${e.message}`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`tactful: ${(e as Error).message.split('\n')[0]}; see tactful --help`);
      return 2;
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
