import Sentiment from 'sentiment';
import { PatternGroup, parseSentence, type Hit } from './patterns';
import {
  countWords,
  isQuotedLine,
  isSignOffLine,
  looksLikeSignature,
  resplit,
  splitSentences,
  type Segment,
} from './sentences';
import { insertionFix, replacementFix } from './fixes';
import type {
  Finding,
  Fix,
  FixTemplate,
  InsertAt,
  LintOptions,
  PatternEntry,
  Report,
  Rule,
  RuleSet,
  Zone,
} from './types';

/** What one sentence contributes, computed once per distinct sentence text. */
interface SentenceFacts {
  /** Hits per pattern group, indexed like `Compiled.groups`. */
  hits: Hit[][];
  sentiment: number;
  words: number;
  question: boolean;
  quoted: boolean;
  signatureLike: boolean;
  /** A short closing formula on its own line ("Kind regards,", "Best,"). */
  signOff: boolean;
  /** Quoted passages inside the sentence ("you said 'it is broken'"), never flagged. */
  quotes: Array<[number, number]>;
}

interface CompiledRule {
  rule: Rule;
  trigger?: number;
  triggerFixes: Array<FixTemplate[] | undefined>;
  unless?: number;
  alternatives?: number;
  required?: number;
  except?: number;
  customer?: PatternGroup;
  customerExcept?: PatternGroup;
  draft?: number;
  /** Sentiment rules: the misplaced-praise patterns and the require rule they wait on. */
  praise?: number;
  praiseWhenMissing?: CompiledRule;
}

/** A linter bound to one rule set; keeps a per-sentence cache between calls. */
export interface Linter {
  lint(text: string, options: LintOptions): Report;
  readonly rules: readonly Rule[];
}

const PENALTY = { info: 3, warning: 8, error: 15 } as const;
const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;
// The cache keeps sentences no longer in the draft (an undo brings them back) up to this many
// times the draft's own sentences, then starts again from the draft's.
const CACHE_SLACK = 4;

/**
 * Compiles a rule set (patterns compiled once) and returns a linter. Linting is incremental:
 * facts are cached per sentence text, so an edit re-analyses only the sentences it touched,
 * and reply-level rules combine the cached facts.
 */
export function createLinter(ruleSet: RuleSet): Linter {
  const groups: PatternGroup[] = [];
  const addGroup = (patterns: PatternEntry[] | undefined) => {
    if (!patterns || patterns.length === 0) return undefined;
    groups.push(new PatternGroup(patterns.map((p) => (typeof p === 'string' ? p : p.match))));
    return groups.length - 1;
  };
  const standalone = (patterns: string[] | undefined) => (patterns?.length ? new PatternGroup(patterns) : undefined);

  const neutral: Record<string, number> = {};
  function compile(rule: Rule): CompiledRule {
    const c = rule.check;
    const cr: CompiledRule = { rule, triggerFixes: [] };
    if (c.kind === 'phrase' || c.kind === 'pair') {
      cr.trigger = addGroup(c.patterns);
      cr.triggerFixes = c.patterns.map((p) => (typeof p === 'string' ? undefined : p.fixes));
      cr.unless = addGroup(c.unless);
      if (c.kind === 'pair') cr.alternatives = addGroup(c.alternatives);
    } else if (c.kind === 'require') {
      cr.required = addGroup(c.patterns);
      cr.except = addGroup(c.unless);
      cr.customer = standalone(c.when?.customer);
      cr.customerExcept = standalone(c.when?.customerUnless);
      cr.draft = addGroup(c.when?.draft);
    } else {
      cr.unless = addGroup(c.unless);
      for (const w of c.neutralWords ?? []) neutral[w.toLowerCase()] = 0;
    }
    return cr;
  }
  const compiled = ruleSet.rules.filter((r) => r.enabled !== false).map(compile);
  // A require rule another rule waits on is consulted even when switched off: compiled once,
  // silently.
  const silent = new Map<string, CompiledRule>();
  for (const cr of compiled) {
    const c = cr.rule.check;
    if (c.kind !== 'sentiment' || !c.misplacedPraise) continue;
    const ref = c.misplacedPraise.whenMissing;
    const target = compiled.find((o) => o.rule.id === ref) ?? silent.get(ref);
    const rule = target?.rule ?? ruleSet.rules.find((r) => r.id === ref);
    if (rule?.check.kind !== 'require') continue;
    cr.praiseWhenMissing = target ?? silent.set(ref, compile(rule)).get(ref)!;
    cr.praise = addGroup(c.misplacedPraise.patterns);
  }

  const sentiment = new Sentiment();
  const sentimentOptions = { extras: neutral };
  let cache = new Map<string, SentenceFacts>();
  // The last lint's text, segments and facts: an edit re-splits and re-analyses only around itself.
  let last: { text: string; segments: Segment[]; facts: SentenceFacts[] } | null = null;
  let customerCache: { text: string; needs: Map<CompiledRule, boolean> } | null = null;

  function analyse(text: string): SentenceFacts {
    const lower = text.toLowerCase();
    let doc: ReturnType<typeof parseSentence> | undefined;
    const parse = () => (doc ??= parseSentence(text));
    const quoted = isQuotedLine(text);
    const quotes = findQuotes(text);
    // Words the writer quotes from someone else say nothing about the writer's own tone.
    let ownWords = text;
    for (const [qs, qe] of quotes) ownWords = ownWords.slice(0, qs) + ' '.repeat(qe - qs) + ownWords.slice(qe);
    return {
      hits: quoted ? groups.map(() => []) : groups.map((g) => g.find(text, lower, parse)),
      sentiment: quoted ? 0 : sentiment.analyze(ownWords, sentimentOptions).score,
      words: countWords(text),
      question: /\?["'”’)]*$/.test(text),
      quoted,
      signatureLike: looksLikeSignature(text),
      signOff: isSignOffLine(text),
      quotes,
    };
  }

  function customerNeeds(cr: CompiledRule, customer: string): boolean {
    if (customerCache?.text !== customer) customerCache = { text: customer, needs: new Map() };
    const known = customerCache.needs.get(cr);
    if (known !== undefined) return known;
    const lower = customer.toLowerCase();
    let doc: ReturnType<typeof parseSentence> | undefined;
    const parse = () => (doc ??= parseSentence(customer));
    const hits = cr.customer ? cr.customer.find(customer, lower, parse) : [];
    const except = cr.customerExcept ? cr.customerExcept.find(customer, lower, parse) : [];
    const need = hits.some((h) => !except.some((x) => overlaps(h, x)));
    customerCache.needs.set(cr, need);
    return need;
  }

  function lint(text: string, options: LintOptions): Report {
    const t0 = performance.now();
    const { segments, reused } = last
      ? resplit(last.text, last.segments, text)
      : { segments: splitSentences(text), reused: [] };
    const facts: SentenceFacts[] = new Array(segments.length);
    let analysed = 0;
    for (let k = 0; k < segments.length; k++) {
      const r = reused[k] ?? -1;
      if (r >= 0) {
        facts[k] = last!.facts[r]!;
        continue;
      }
      const seg = segments[k]!;
      let f = cache.get(seg.text);
      if (!f) {
        f = analyse(seg.text);
        analysed++;
        cache.set(seg.text, f);
      }
      facts[k] = f;
    }
    if (cache.size > CACHE_SLACK * segments.length + 256) {
      cache = new Map(segments.map((seg, k) => [seg.text, facts[k]!]));
    }
    last = { text, segments, facts };

    const doc = new DocumentView(text, segments, facts, options);
    // Each require rule is settled once per lint, whether it reports or another rule asks.
    const settled = new Map<CompiledRule, Finding | null>();
    const missing = (cr: CompiledRule): Finding | null => {
      if (!settled.has(cr)) settled.set(cr, requireOutcome(cr, doc));
      return settled.get(cr)!;
    };
    const applies = (cr: CompiledRule) => !cr.rule.channels || cr.rule.channels.includes(options.channel);
    const findings: Finding[] = [];
    for (const cr of compiled) {
      if (!applies(cr)) continue;
      const c = cr.rule.check;
      if (c.kind === 'phrase' || c.kind === 'pair') findings.push(...phraseFindings(cr, doc));
      else if (c.kind === 'sentiment') {
        findings.push(...sentimentFindings(cr, doc, c.threshold, c.skipQuestions));
        const waitsOn = cr.praiseWhenMissing;
        if (waitsOn && applies(waitsOn) && missing(waitsOn)) findings.push(...misplacedPraiseFindings(cr, doc));
      } else {
        const f = missing(cr);
        if (f) findings.push(f);
      }
    }
    findings.sort((a, b) => a.start - b.start || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    let sentimentScore = 0;
    for (const i of doc.content) sentimentScore += facts[i]!.sentiment;
    return {
      findings,
      score: scoreOf(findings),
      sentiment: { score: sentimentScore, comparative: doc.words ? sentimentScore / doc.words : 0 },
      timings: { totalMs: performance.now() - t0, sentences: segments.length, analysed },
    };
  }

  /** The require rule's finding when its piece is needed here and missing, else null. */
  function requireOutcome(cr: CompiledRule, doc: DocumentView): Finding | null {
    const c = cr.rule.check as Extract<Rule['check'], { kind: 'require' }>;
    const customer = doc.options.customerMessage?.trim();
    let needed = true;
    if (c.when) {
      needed = customer
        ? customerNeeds(cr, customer)
        : cr.draft !== undefined && doc.content.some((i) => doc.facts[i]!.hits[cr.draft!]!.length > 0);
    }
    if (!needed || doc.words < (c.minWords ?? 0)) return null;
    return requireFinding(cr, doc, c.zone, c.insertAt);
  }

  return { lint, rules: compiled.map((c) => c.rule) };
}

/** The reply as a sequence of analysed sentences, with its opening, closing and signature. */
class DocumentView {
  /** Indexes of the writer's own sentences (not quoted lines), in order. */
  readonly content: number[] = [];
  /** Indexes of the trailing signature sentences. */
  readonly signature: number[] = [];
  readonly words: number;

  constructor(
    readonly text: string,
    readonly segments: Segment[],
    readonly facts: SentenceFacts[],
    readonly options: LintOptions,
  ) {
    let words = 0;
    facts.forEach((f, i) => {
      if (!f.quoted) {
        this.content.push(i);
        words += f.words;
      }
    });
    this.words = words;
    // Trailing lines that look like a signature, but never the whole reply.
    for (let k = this.content.length - 1; k > 0 && this.signature.length < 8; k--) {
      const i = this.content[k]!;
      if (!facts[i]!.signatureLike) break;
      this.signature.unshift(i);
    }
    // A sign-off line ("Kind regards,") starts the signature, whatever the lines after it say.
    const n = this.content.length;
    for (let k = n - 1 - this.signature.length; k > 0 && k >= n - 8; k--) {
      const i = this.content[k]!;
      if (facts[i]!.signOff) {
        this.signature.unshift(...this.content.slice(k, n - this.signature.length));
        break;
      }
      if (facts[i]!.words > 10 || /[.!?]$/.test(segments[i]!.text)) break;
    }
  }

  private positions?: Map<number, number>;

  /** Where sentence `i` sits among the content sentences (built once per lint, not per rule). */
  positionOf(i: number): number {
    this.positions ??= new Map(this.content.map((seg, k) => [seg, k]));
    return this.positions.get(i)!;
  }

  /** Content sentences before the signature. */
  get body(): number[] {
    return this.content.slice(0, this.content.length - this.signature.length);
  }

  zone(zone: Zone): number[] {
    if (zone === 'anywhere') return this.content;
    const body = this.body;
    if (zone === 'opening') return body.slice(0, 1);
    // The closing line is the last sentence before the signature.
    return [...body.slice(-1), ...this.signature];
  }
}

function phraseFindings(cr: CompiledRule, doc: DocumentView): Finding[] {
  const c = cr.rule.check as Extract<Rule['check'], { kind: 'phrase' | 'pair' }>;
  const out: Finding[] = [];
  const { facts } = doc;
  let altAnywhere: boolean | undefined;
  for (const i of doc.content) {
    const f = facts[i]!;
    const hits = f.hits[cr.trigger!]!;
    if (hits.length === 0) continue;
    if (cr.unless !== undefined && f.hits[cr.unless]!.length > 0) continue;
    if (c.skipQuestions && f.question) continue;
    if (c.kind === 'pair' && cr.alternatives !== undefined) {
      const alt = cr.alternatives;
      // An alternative inside the trigger itself ("nothing we can do") does not count.
      const offersAlternative = (j: number) =>
        facts[j]!.hits[alt]!.some((a) => j !== i || !hits.some((h) => overlaps(a, h)));
      if (c.window === 'reply') {
        altAnywhere ??= doc.content.some((j) => j !== i && offersAlternative(j));
        if (altAnywhere || offersAlternative(i)) continue;
      } else {
        const k = doc.positionOf(i);
        const near = doc.content.slice(Math.max(0, k - c.window), k + c.window + 1);
        if (near.some(offersAlternative)) continue;
      }
    }
    const sentence = doc.segments[i]!;
    for (const { start, end, pattern } of spansOf(doc, i, hits)) {
      const own = cr.triggerFixes[pattern];
      const templates = own ?? cr.rule.fixes ?? [];
      // `$1` in a pattern's own fixes refers to that pattern's groups.
      const source = own ? patternSource(c.patterns[pattern]) : undefined;
      const fixes = templates.flatMap(
        (t) => replacementFix(doc.text, sentence, start, end, t, doc.options, source) ?? [],
      );
      out.push(finding(cr.rule, start, end, doc.text.slice(start, end), fixes));
    }
  }
  return out;
}

/** Where sentence `i`'s hits sit in the text: the longest of overlapping ones, none inside quotes. */
function spansOf(doc: DocumentView, i: number, hits: Hit[]): Hit[] {
  const f = doc.facts[i]!;
  const at = doc.segments[i]!.start;
  return longestFirst(hits)
    .filter((h) => !f.quotes.some(([qs, qe]) => h.start >= qs && h.end <= qe))
    .map((h) => ({ ...h, start: at + h.start, end: at + h.end }));
}

function sentimentFindings(
  cr: CompiledRule,
  doc: DocumentView,
  threshold: number,
  skipQuestions: boolean | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const i of doc.body) {
    const f = doc.facts[i]!;
    if (f.sentiment > threshold) continue;
    if (cr.unless !== undefined && f.hits[cr.unless]!.length > 0) continue;
    if (skipQuestions && f.question) continue;
    const seg = doc.segments[i]!;
    out.push(finding(cr.rule, seg.start, seg.end, seg.text, []));
  }
  return out;
}

function misplacedPraiseFindings(cr: CompiledRule, doc: DocumentView): Finding[] {
  const c = cr.rule.check as Extract<Rule['check'], { kind: 'sentiment' }>;
  const out: Finding[] = [];
  for (const i of doc.body) {
    for (const { start, end } of spansOf(doc, i, doc.facts[i]!.hits[cr.praise!]!)) {
      out.push({
        ...finding(cr.rule, start, end, doc.text.slice(start, end), []),
        message: c.misplacedPraise!.message,
      });
    }
  }
  return out;
}

function requireFinding(cr: CompiledRule, doc: DocumentView, zone: Zone, insertAt: InsertAt): Finding | null {
  const { facts } = doc;
  const satisfied = doc.zone(zone).some((i) => {
    const hits = facts[i]!.hits[cr.required!]!;
    const except = cr.except === undefined ? [] : facts[i]!.hits[cr.except]!;
    return hits.some((h) => !except.some((x) => overlaps(h, x)));
  });
  if (satisfied) return null;
  const body = doc.body.length ? doc.body : doc.content;
  const anchorIndex = insertAt === 'start' || insertAt === 'after-greeting' ? body[0] : body[body.length - 1];
  const anchor = anchorIndex === undefined ? { start: 0, end: doc.text.length } : doc.segments[anchorIndex]!;
  const ctx = {
    text: doc.text,
    body: body.map((i) => doc.segments[i]!),
    hasSignature: doc.signature.length > 0,
    endsWithSignOff: body.length > 1 && doc.facts[body[body.length - 1]!]!.signOff,
    options: doc.options,
  };
  // A require rule inserts whole sentences; only plain strings make sense there.
  const fixes = (cr.rule.fixes ?? []).flatMap((t) => (typeof t === 'string' ? [insertionFix(ctx, t, insertAt)] : []));
  return finding(cr.rule, anchor.start, anchor.end, doc.text.slice(anchor.start, anchor.end), fixes);
}

function finding(rule: Rule, start: number, end: number, actual: string, fixes: Fix[]): Finding {
  return { ruleId: rule.id, level: rule.level, message: rule.message, why: rule.why, start, end, actual, fixes };
}

const patternSource = (p: PatternEntry | undefined) => (p === undefined || typeof p === 'string' ? p : p.match);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Keeps the longest of overlapping hits, in text order. */
function longestFirst(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** Spans between matching quotation marks inside a sentence. */
function findQuotes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*”|"[^"]*"|(?<!\w)'[^']{3,}'(?!\w)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** 100 minus a penalty per finding by level; a rule counts at most twice. */
function scoreOf(findings: Finding[]): number {
  const perRule = new Map<string, number>();
  let penalty = 0;
  for (const f of findings) {
    const n = (perRule.get(f.ruleId) ?? 0) + 1;
    perRule.set(f.ruleId, n);
    if (n <= 2) penalty += PENALTY[f.level];
  }
  return Math.max(0, 100 - penalty);
}
