// `npm run train` / `tactful train`: trains the learned checks' model heads on labelled replies
// (rules/corpus/corpus.jsonl plus any of a team's own), cross-validates them by scenario,
// picks each head's threshold and writes rules/models/<head>.json and cv.json.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { splitSentences } from '../engine/sentences';
import {
  DEFAULT_FEATURE_OPTIONS,
  FEATURE_VERSION,
  type Feature,
  type FeatureOptions,
  featuresOf,
  replyFeatures,
} from '../engine/model/features';
import {
  type Head,
  type HeadFile,
  type HeadUnit,
  dequantise,
  encodeHead,
  probability,
  quantise,
} from '../engine/model/classifier';
import { type Example, type FitSettings, fitLogistic, mulberry32, shuffle } from '../engine/model/learn';

/** The labels of a corpus line the heads learn from. */
export type LabelName = 'blame_shifting' | 'deflection' | 'negative_tone' | 'apology_needed';

/**
 * What a head learns: sentences of replies (positives: those overlapping the label's spans),
 * whole replies (as the sum of their sentences), or customer messages.
 */
export interface HeadSpec {
  id: string;
  unit: HeadUnit;
  label: LabelName;
}

export const HEADS: readonly HeadSpec[] = [
  { id: 'blame', unit: 'sentence', label: 'blame_shifting' },
  { id: 'deflection', unit: 'sentence', label: 'deflection' },
  { id: 'tone', unit: 'sentence', label: 'negative_tone' },
  { id: 'complaint', unit: 'message', label: 'apology_needed' },
  { id: 'blame-reply', unit: 'reply', label: 'blame_shifting' },
  { id: 'deflection-reply', unit: 'reply', label: 'deflection' },
  { id: 'tone-reply', unit: 'reply', label: 'negative_tone' },
];

/** Everything that decides the models besides the corpus; stored in each model file. */
export interface TrainSettings {
  features: FeatureOptions;
  fit: FitSettings;
  /** Cross-validation folds, split by scenario. */
  folds: number;
  /** Seed of the scenario-to-fold assignment. */
  foldSeed: number;
  /** Thresholds maximise accuracy among those with at least this precision (when any has). */
  minPrecision: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  features: DEFAULT_FEATURE_OPTIONS,
  fit: { epochs: 16, learningRate: 0.2, l2: 3e-5, positiveWeight: 1, seed: 8 },
  folds: 5,
  foldSeed: 5,
  minPrecision: 0.9,
};

/** One corpus line as training reads it. */
export interface CorpusRow {
  id: string;
  scenario: string;
  reply: string;
  customer: string | null;
  labels: Partial<Record<LabelName, boolean | null>>;
  spans: Partial<Record<LabelName, string[]>>;
  /** `file:line`, for messages. */
  where: string;
}

/** Bad corpus lines: the message lists each as `file:line: what to fix`. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

const LABELS: readonly LabelName[] = ['blame_shifting', 'deflection', 'negative_tone', 'apology_needed'];
const SPAN_LABELS: readonly LabelName[] = ['blame_shifting', 'deflection', 'negative_tone'];
const MAX_ERRORS = 20;

/**
 * Reads labelled replies, one JSON object a line: `{ id, scenario?, customer?, reply, labels,
 * spans? }` as in rules/corpus/corpus.jsonl. Each label the heads learn is true, false, null
 * (unknown: skipped) or absent; a reply labelled true for blame_shifting, deflection or
 * negative_tone names the offending sentence(s) in `spans.<label>`, each copied exactly from the
 * reply. Throws a CorpusError listing every bad line (`file:line: what to fix`).
 */
export function readCorpus(files: readonly string[]): { rows: CorpusRow[]; sha256: string } {
  const rows: CorpusRow[] = [];
  const errors: string[] = [];
  const ids = new Map<string, string>();
  const hash = createHash('sha256');
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CorpusError(
        code === 'ENOENT'
          ? `corpus file ${file} does not exist; check the path`
          : `cannot read ${file}: ${(e as Error).message}`,
      );
    }
    hash.update(`${basename(file)}\n${text.length}\n`);
    hash.update(text);
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]!.trim();
      if (!line) continue;
      const where = `${file}:${n + 1}`;
      const row = parseRow(line, where, (what) => errors.push(`${where}: ${what}`));
      if (!row) continue;
      const previous = ids.get(row.id);
      if (previous) {
        errors.push(`${where}: id "${row.id}" is already used at ${previous}; give each reply its own id`);
        continue;
      }
      ids.set(row.id, where);
      rows.push(row);
    }
  }
  if (errors.length) {
    const more = errors.length > MAX_ERRORS ? `\n… and ${errors.length - MAX_ERRORS} more` : '';
    throw new CorpusError(
      `${errors.length} bad corpus line${errors.length === 1 ? '' : 's'}; nothing was trained:\n${errors.slice(0, MAX_ERRORS).join('\n')}${more}`,
    );
  }
  return { rows, sha256: hash.digest('hex') };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseRow(line: string, where: string, report: (what: string) => void): CorpusRow | null {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    report(`not valid JSON (${(e as Error).message}); write one JSON object per line`);
    return null;
  }
  if (!isRecord(doc)) {
    report('must be a JSON object like {"id": …, "reply": …, "labels": {…}}');
    return null;
  }
  let ok = true;
  const bad = (what: string) => {
    report(what);
    ok = false;
  };
  if (typeof doc.id !== 'string' || !doc.id.trim()) bad('"id" must be a non-empty string naming the reply');
  if (doc.scenario !== undefined && (typeof doc.scenario !== 'string' || !doc.scenario.trim()))
    bad('"scenario" must be a non-empty string (replies to the same customer message share one)');
  if (typeof doc.reply !== 'string' || !doc.reply.trim()) bad('"reply" must be the reply\'s text (a non-empty string)');
  if (doc.customer !== undefined && doc.customer !== null && typeof doc.customer !== 'string')
    bad('"customer" must be the customer\'s message (a string) or null');
  const labels: CorpusRow['labels'] = {};
  const spans: CorpusRow['spans'] = {};
  if (!isRecord(doc.labels)) bad('"labels" must be an object such as {"blame_shifting": false, "deflection": true}');
  else {
    for (const label of LABELS) {
      const v = doc.labels[label];
      if (v === undefined) continue;
      if (v !== true && v !== false && v !== null) bad(`"labels.${label}" must be true, false or null (not known)`);
      else labels[label] = v;
    }
    if (!LABELS.some((l) => doc.labels !== undefined && (doc.labels as Record<string, unknown>)[l] !== undefined))
      bad(`"labels" has none of ${LABELS.join(', ')}; label at least one`);
  }
  if (doc.spans !== undefined && !isRecord(doc.spans))
    bad('"spans" must be an object such as {"blame_shifting": ["The courier lost it."]}');
  const reply = typeof doc.reply === 'string' ? doc.reply : '';
  for (const label of SPAN_LABELS) {
    const list = isRecord(doc.spans) ? doc.spans[label] : undefined;
    if (list !== undefined) {
      if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' && s.trim())) {
        bad(`"spans.${label}" must be a list of non-empty strings copied from the reply`);
        continue;
      }
      const missing = (list as string[]).find((s) => !reply.includes(s));
      if (missing !== undefined) {
        bad(`"spans.${label}" has "${missing}", which is not in the reply; copy the sentence exactly`);
        continue;
      }
      spans[label] = list as string[];
    }
    if (labels[label] === true && !spans[label]?.length)
      bad(
        `"labels.${label}" is true but "spans.${label}" is missing; list the offending sentence(s) copied from the reply`,
      );
  }
  if (!ok) return null;
  const d = doc as Record<string, string>;
  return {
    id: d.id!,
    scenario: d.scenario ?? d.id!,
    reply,
    customer: typeof doc.customer === 'string' && doc.customer.trim() ? doc.customer : null,
    labels,
    spans,
    where,
  };
}

// --- data per head ---------------------------------------------------------------------------

/** A training/scoring unit (sentence or customer message) and the replies it is judged in. */
interface Unit {
  text: string;
  features: Feature[];
  /** null: scored for the reply-level figures but not trained on. */
  label: boolean | null;
  fold: number;
}

interface ReplyCase {
  id: string;
  label: boolean;
  fold: number;
  units: number[];
}

export interface HeadData {
  spec: HeadSpec;
  units: Unit[];
  replies: ReplyCase[];
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/** Assigns scenarios to folds: sorted, shuffled with a seed, dealt round-robin. */
export function foldsOf(rows: readonly CorpusRow[], folds: number, seed: number): Map<string, number> {
  const scenarios = shuffle([...new Set(rows.map((r) => r.scenario))].sort(), mulberry32(seed));
  return new Map(scenarios.map((s, i) => [s, i % folds]));
}

/** Builds a head's units and reply cases from the corpus (features extracted once per text). */
export function headData(
  spec: HeadSpec,
  rows: readonly CorpusRow[],
  fold: ReadonlyMap<string, number>,
  features: FeatureOptions,
): HeadData {
  const cache = new Map<string, Feature[]>();
  const feats = (text: string) => {
    let f = cache.get(text);
    if (!f) {
      f = featuresOf(text, features);
      cache.set(text, f);
    }
    return f;
  };
  const units: Unit[] = [];
  const replies: ReplyCase[] = [];
  if (spec.unit === 'sentence') {
    for (const row of rows) {
      const label = row.labels[spec.label];
      if (label !== true && label !== false) continue;
      const f = fold.get(row.scenario)!;
      const spanRanges: Array<[number, number]> = [];
      for (const s of row.spans[spec.label] ?? []) {
        for (let at = row.reply.indexOf(s); at >= 0; at = row.reply.indexOf(s, at + 1))
          spanRanges.push([at, at + s.length]);
      }
      const ids: number[] = [];
      for (const seg of splitSentences(row.reply)) {
        const positive = spanRanges.some(([a, b]) => overlaps(seg.start, seg.end, a, b));
        ids.push(units.length);
        units.push({
          text: seg.text,
          features: feats(seg.text),
          label: label ? (positive ? true : null) : false,
          fold: f,
        });
      }
      replies.push({ id: row.id, label, fold: f, units: ids });
    }
  } else if (spec.unit === 'reply') {
    for (const row of rows) {
      const label = row.labels[spec.label];
      if (label !== true && label !== false) continue;
      const f = fold.get(row.scenario)!;
      const parts = splitSentences(row.reply).map((seg) => feats(seg.text));
      replies.push({ id: row.id, label, fold: f, units: [units.length] });
      units.push({ text: row.reply, features: replyFeatures(parts), label, fold: f });
    }
  } else {
    // One unit per distinct customer message of a scenario, labelled by its replies' majority.
    const byMessage = new Map<string, { unit: number; yes: number; no: number }>();
    for (const row of rows) {
      const label = row.labels[spec.label];
      if (row.customer === null || (label !== true && label !== false)) continue;
      const key = `${row.scenario}\u0000${row.customer}`;
      let m = byMessage.get(key);
      if (!m) {
        m = { unit: units.length, yes: 0, no: 0 };
        byMessage.set(key, m);
        units.push({ text: row.customer, features: feats(row.customer), label: null, fold: fold.get(row.scenario)! });
      }
      if (label) m.yes++;
      else m.no++;
      replies.push({ id: row.id, label, fold: fold.get(row.scenario)!, units: [m.unit] });
    }
    for (const m of byMessage.values()) units[m.unit]!.label = m.yes >= m.no;
  }
  return { spec, units, replies };
}

// --- fitting and measuring -------------------------------------------------------------------

function fitHead(data: HeadData, settings: TrainSettings, trainOn: (u: Unit) => boolean) {
  const examples: Example[] = [];
  for (const u of data.units)
    if (u.label !== null && trainOn(u)) examples.push({ features: u.features, label: u.label });
  const buckets = 2 ** settings.features.bits;
  const { bias, weights } = fitLogistic(examples, buckets, settings.fit);
  // Score with the weights a model file will hold, so that figures match what ships.
  const { scale, q } = quantise(weights);
  const head: Head = {
    id: data.spec.id,
    unit: data.spec.unit,
    featureVersion: FEATURE_VERSION,
    features: settings.features,
    buckets,
    bias,
    weights: dequantise(scale, q),
    threshold: 0.5,
  };
  return { head, examples: examples.length, positives: examples.filter((e) => e.label).length };
}

/** Reply-level figures at a threshold: a reply is positive when any of its units scores ≥ it. */
export interface Figures {
  threshold: number;
  replies: number;
  accuracy: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function figuresAt(scores: ReadonlyArray<{ score: number; label: boolean }>, threshold: number): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { score, label } of scores) {
    const yes = score >= threshold;
    if (yes && label) tp++;
    else if (yes) fp++;
    else if (label) fn++;
    else tn++;
  }
  const n = scores.length;
  return {
    threshold,
    replies: n,
    accuracy: n ? (tp + tn) / n : 0,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    tp,
    fp,
    fn,
    tn,
  };
}

/**
 * The threshold with the best accuracy among those reaching `minPrecision` (the best accuracy
 * overall when none does), placed halfway between the two scores it separates.
 */
export function pickThreshold(scores: ReadonlyArray<{ score: number; label: boolean }>, minPrecision: number): number {
  const sorted = [...scores].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.label).length;
  let tp = 0;
  let fp = 0;
  let best = { acc: -1, at: 1 - 1e-6, ok: false };
  // Candidate cut after each run of equal scores: everything above is called positive.
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.label) tp++;
    else fp++;
    const next = sorted[i + 1];
    if (next && next.score === sorted[i]!.score) continue;
    const tn = sorted.length - positives - fp;
    const acc = (tp + tn) / sorted.length;
    const ok = tp / (tp + fp) >= minPrecision;
    const at = next ? (sorted[i]!.score + next.score) / 2 : sorted[i]!.score / 2;
    if ((ok && !best.ok) || (ok === best.ok && acc > best.acc)) best = { acc, at, ok };
  }
  return Math.min(Math.max(best.at, 1e-6), 1 - 1e-6);
}

/** Cross-validated figures of one head. */
export interface HeadCv {
  head: string;
  /** At the chosen threshold, picked on all folds' out-of-fold scores. */
  atThreshold: Figures;
  /** Each fold judged with a threshold picked on the other folds only (no peeking). */
  nested: Figures;
  /** Accuracy of a coach that never fires. */
  silentAccuracy: number;
}

/** Each unit's score by the model trained on the other folds. */
export function outOfFoldScores(data: HeadData, settings: TrainSettings): Float64Array {
  const unitScore = new Float64Array(data.units.length);
  for (let k = 0; k < settings.folds; k++) {
    const { head } = fitHead(data, settings, (u) => u.fold !== k);
    data.units.forEach((u, i) => {
      if (u.fold === k) unitScore[i] = probability(head, u.features);
    });
  }
  return unitScore;
}

function crossValidate(data: HeadData, settings: TrainSettings): { cv: HeadCv; threshold: number } {
  const unitScore = outOfFoldScores(data, settings);
  const scores = data.replies.map((r) => ({
    score: Math.max(...r.units.map((i) => unitScore[i]!)),
    label: r.label,
    fold: r.fold,
  }));
  const threshold = pickThreshold(scores, settings.minPrecision);
  const nested: Array<{ score: number; label: boolean }> = [];
  for (let k = 0; k < settings.folds; k++) {
    const t = pickThreshold(
      scores.filter((s) => s.fold !== k),
      settings.minPrecision,
    );
    // Re-express each held-out reply against its own fold's threshold as a 0/1 score.
    for (const s of scores) if (s.fold === k) nested.push({ score: s.score >= t ? 1 : 0, label: s.label });
  }
  const negatives = scores.filter((s) => !s.label).length;
  return {
    threshold,
    cv: {
      head: data.spec.id,
      atThreshold: figuresAt(scores, threshold),
      nested: { ...figuresAt(nested, 0.5), threshold: Number.NaN },
      silentAccuracy: scores.length ? negatives / scores.length : 0,
    },
  };
}

// --- the command -----------------------------------------------------------------------------

export interface TrainOptions {
  /** JSONL corpus files (the shipped corpus and/or a team's own). */
  corpus: readonly string[];
  /** Folder for <head>.json and cv.json; nothing is written when absent. */
  out?: string;
  /** Heads to train (ids of HEADS); all by default. */
  heads?: readonly string[];
  settings?: TrainSettings;
  /** Where progress and the CV table go (default: nowhere). */
  log?: (line: string) => void;
}

export interface TrainResult {
  /** The model files' documents, by head id. */
  files: Record<string, HeadFile>;
  /** Every file's text by file name (`<head>.json`, `cv.json`), as written to `out`. */
  outputs: Record<string, string>;
  cv: HeadCv[];
  ms: number;
}

/** The corpus shipped with Tactful (rules/corpus/corpus.jsonl), from src/cli or dist/<x>/. */
export function defaultCorpusPath(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../rules/corpus/corpus.jsonl');
}

/** The shipped models' folder (rules/models). */
export function defaultModelsDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../rules/models');
}

const round = (x: number) => Number(x.toFixed(4));
const pct = (x: number) => x.toFixed(3);

/** The JSON text of a model file: byte-stable for the same head and training. */
export const modelFileText = (file: HeadFile) => `${JSON.stringify(file, null, 2)}\n`;

/**
 * Trains the heads on the corpus files: cross-validates each by scenario, picks its threshold,
 * fits it on all the data and (with `out`) writes `<out>/<head>.json` and `<out>/cv.json`.
 * Deterministic: same files and settings give byte-identical model files. Throws a CorpusError
 * for bad lines, before anything is written.
 */
export function train(options: TrainOptions): TrainResult {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const specs = options.heads ? options.heads.map(specOf) : HEADS;
  const { rows, sha256 } = readCorpus(options.corpus);
  log(
    `${rows.length} replies from ${options.corpus.length} file(s); ${settings.folds}-fold cross-validation by scenario`,
  );
  const fold = foldsOf(rows, settings.folds, settings.foldSeed);
  const files: Record<string, HeadFile> = {};
  const cvs: HeadCv[] = [];
  for (const spec of specs) {
    const t = performance.now();
    const data = headData(spec, rows, fold, settings.features);
    if (!data.replies.some((r) => r.label) || !data.replies.some((r) => !r.label)) {
      const why = `head "${spec.id}" needs replies labelled both true and false for ${spec.label}`;
      if (options.heads) throw new CorpusError(why);
      log(`  ${spec.id}: skipped; ${why}`);
      continue;
    }
    const { cv, threshold } = crossValidate(data, settings);
    const { head, examples, positives } = fitHead(data, settings, () => true);
    head.threshold = threshold;
    files[spec.id] = encodeHead(head, {
      unit: spec.unit,
      label: spec.label,
      corpus: { files: options.corpus.map((f) => basename(f)), sha256, replies: rows.length },
      settings,
      examples,
      positives,
      cv: cvSummary(cv),
    });
    cvs.push(cv);
    log(
      `  ${spec.id}: ${examples} ${spec.unit === 'reply' ? 'replies' : `${spec.unit}s`} (${positives} positive), ${Math.round(performance.now() - t)} ms`,
    );
  }
  if (cvs.length === 0) throw new CorpusError('no head could be trained: label more replies both true and false');
  log('');
  log(cvTable(cvs));
  const outputs: Record<string, string> = {};
  for (const [id, file] of Object.entries(files)) outputs[`${id}.json`] = modelFileText(file);
  const cvDoc = {
    corpus: { files: options.corpus.map((f) => basename(f)), sha256, replies: rows.length },
    folds: settings.folds,
    minPrecision: settings.minPrecision,
    heads: cvs.map(cvSummary),
  };
  outputs['cv.json'] = `${JSON.stringify(cvDoc, null, 2)}\n`;
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    for (const [name, text] of Object.entries(outputs)) writeFileSync(join(options.out, name), text);
    log(`\nwrote ${Object.keys(files).length} model(s) and cv.json to ${options.out}`);
  }
  return { files, outputs, cv: cvs, ms: performance.now() - t0 };
}

function specOf(id: string): HeadSpec {
  const spec = HEADS.find((h) => h.id === id);
  if (!spec) throw new CorpusError(`no head "${id}"; heads are ${HEADS.map((h) => h.id).join(', ')}`);
  return spec;
}

function cvSummary(cv: HeadCv) {
  const f = (x: Figures) => ({
    accuracy: round(x.accuracy),
    precision: round(x.precision),
    recall: round(x.recall),
    tp: x.tp,
    fp: x.fp,
    fn: x.fn,
    tn: x.tn,
  });
  return {
    head: cv.head,
    threshold: Number(cv.atThreshold.threshold.toPrecision(6)),
    replies: cv.atThreshold.replies,
    atThreshold: f(cv.atThreshold),
    nested: f(cv.nested),
    silentAccuracy: round(cv.silentAccuracy),
  };
}

/** The CV figures as a text table. */
export function cvTable(cvs: readonly HeadCv[]): string {
  const rows = [
    ['head', 'threshold', 'replies', 'accuracy', 'precision', 'recall', 'nested acc/prec/rec', 'silent acc'],
    ...cvs.map((c) => [
      c.head,
      c.atThreshold.threshold.toFixed(3),
      String(c.atThreshold.replies),
      pct(c.atThreshold.accuracy),
      pct(c.atThreshold.precision),
      pct(c.atThreshold.recall),
      `${pct(c.nested.accuracy)}/${pct(c.nested.precision)}/${pct(c.nested.recall)}`,
      pct(c.silentAccuracy),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

/** The `train` lines of the CLI's usage text. */
export const TRAIN_USAGE = `  tactful train [--corpus FILE]... [--out DIR] [--head ID]... [--no-default-corpus]
      Trains the learned checks on the shipped corpus plus your own labelled replies (JSONL, one
      {"id", "scenario", "customer", "reply", "labels", "spans"} object a line, as in
      rules/corpus/corpus.jsonl) and writes <head>.json and cv.json to DIR (default ./models;
      without --corpus, the shipped rules/models). Prints cross-validated figures per head.`;

/**
 * `tactful train [--corpus FILE]... [--out DIR] [--head ID]... [--no-default-corpus]`: trains on
 * the shipped corpus plus the given files (only the given files with --no-default-corpus) and
 * writes the models to DIR: by default ./models when --corpus is given, else the shipped
 * rules/models (what `npm run train` does). Returns the exit status: 0 trained, 2 bad input
 * (the message, e.g. every bad corpus line as file:line, on stderr).
 */
export function trainCommand(
  argv: readonly string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
): number {
  let values: { corpus?: string[]; out?: string; head?: string[]; 'no-default-corpus'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        corpus: { type: 'string', multiple: true },
        out: { type: 'string' },
        head: { type: 'string', multiple: true },
        'no-default-corpus': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.stderr(`tactful train: ${(e as Error).message}\n`);
    return 2;
  }
  const corpus = [...(values['no-default-corpus'] ? [] : [defaultCorpusPath()]), ...(values.corpus ?? [])];
  // The shipped models are rewritten only when asked (`npm run train`: no --corpus, no --out).
  const out = values.out ?? (values.corpus ? 'models' : defaultModelsDir());
  if (corpus.length === 0) {
    io.stderr('tactful train: no corpus; give --corpus FILE\n');
    return 2;
  }
  try {
    train({
      corpus,
      out,
      heads: values.head,
      log: (line) => io.stdout(`${line}\n`),
    });
  } catch (e) {
    if (e instanceof CorpusError) {
      io.stderr(`tactful train: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return 0;
}

// `npm run train` runs the built dist/train/train.js directly (not when bundled into the CLI).
if (
  import.meta.url.endsWith('/train.js') &&
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  process.exitCode = trainCommand(process.argv.slice(2));
}
