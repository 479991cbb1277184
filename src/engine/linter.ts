import Sentiment from 'sentiment';
import english from 'sentiment/languages/en/index.js';
import { CHECKS } from './checks';
import { requireOutcome, type CompiledRequire } from './checks/require';
import type { CheckModule, CompileContext, Compiled, LintContext } from './checks/types';
import { blankQuotes, DocumentView, findQuotes, type SentenceFacts } from './document';
import { PatternGroup, parseSentence } from './patterns';
import { scoreOf } from './score';
import { checkDeadline, DEFAULT_TIME_BUDGET_MS, OutOfTime } from './time-budget';
import {
  countWords,
  isQuotedLine,
  isSignOffLine,
  looksLikeSignature,
  resplit,
  splitSentences,
  type Segment,
} from './sentences';
import type { Check, Finding, LintOptions, PatternEntry, Report, Rule, RuleSet } from './types';

const registeredLanguages = new Set<string>();

/**
 * The sentiment "language" that scores a rule set's neutral words as 0. The package's own way,
 * `analyze(text, { extras })`, writes the extras into its one shared English table, so every
 * linter in the process (the options page's live panel, the worker after a rule-set change) would
 * go on scoring those words as 0 even when its rule set does not say so. Instead each distinct set
 * of neutral words gets a table of its own, a copy of English with them added, registered once.
 */
function sentimentLanguage(sentiment: Sentiment, neutral: Record<string, number>): string {
  const words = Object.keys(neutral).sort();
  if (words.length === 0) return 'en';
  const code = `tactful-neutral:${words.join('|')}`;
  if (!registeredLanguages.has(code)) {
    sentiment.registerLanguage(code, {
      labels: { ...english.labels, ...neutral },
      scoringStrategy: english.scoringStrategy,
    });
    registeredLanguages.add(code);
  }
  return code;
}

/** A linter bound to one rule set; keeps a per-sentence cache between calls. */
export interface Linter {
  lint(text: string, options: LintOptions): Report;
  readonly rules: readonly Rule[];
  /**
   * Another linter for another draft: the same compiled rules (nothing compiled again), its own
   * incremental cache, so drafts linted in turn never evict each other's sentences.
   */
  forDocument(): Linter;
}

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;
// The cache keeps sentences no longer in the draft (an undo brings them back) up to this many
// times the draft's own sentences, then starts again from the draft's.
const CACHE_SLACK = 4;

// The table is typed per kind; here every rule goes through the same door.
const moduleOf = (rule: Rule) => CHECKS[rule.check.kind] as unknown as CheckModule<Check['kind'], Compiled>;

/**
 * Compiles a rule set (patterns compiled once) and returns a linter. Linting is incremental:
 * facts are cached per sentence text, so an edit re-analyses only the sentences it touched,
 * and reply-level rules combine the cached facts.
 */
export function createLinter(ruleSet: RuleSet): Linter {
  const groups: PatternGroup[] = [];
  const sentenceFacts: Array<(sentence: string) => unknown> = [];
  const neutral: Record<string, number> = {};
  const ctx: CompileContext = {
    sentencePatterns(patterns: PatternEntry[] | undefined) {
      if (!patterns || patterns.length === 0) return undefined;
      groups.push(new PatternGroup(patterns.map((p) => (typeof p === 'string' ? p : p.match))));
      return groups.length - 1;
    },
    messagePatterns: (patterns) => (patterns?.length ? new PatternGroup(patterns) : undefined),
    sentenceFact(compute) {
      sentenceFacts.push(compute);
      return sentenceFacts.length - 1;
    },
    neutralWords(words) {
      for (const w of words) neutral[w.toLowerCase()] = 0;
    },
    modelHead: (name) => ruleSet.models?.[name],
  };

  const compiled = ruleSet.rules.filter((r) => r.enabled !== false).map((r) => moduleOf(r).compile(r, ctx));
  // Rules another rule consults (misplaced praise waits on require-apology) are compiled even
  // when switched off, silently: they are asked, never reported.
  const byId = new Map<string, Compiled>(compiled.map((cr) => [cr.rule.id, cr]));
  for (const cr of [...compiled]) {
    for (const ref of moduleOf(cr.rule).references?.(cr.rule) ?? []) {
      const rule = ruleSet.rules.find((r) => r.id === ref);
      if (rule && !byId.has(ref)) byId.set(ref, moduleOf(rule).compile(rule, ctx));
    }
  }

  const sentiment = new Sentiment();
  const sentimentOptions = { language: sentimentLanguage(sentiment, neutral) };

  /** Facts of a sentence the lint had no time to read: it says nothing, and is never cached. */
  function unread(text: string): SentenceFacts {
    return {
      hits: groups.map(() => []),
      computed: sentenceFacts.map(() => 0),
      sentiment: 0,
      words: countWords(text),
      question: false,
      quoted: false,
      signatureLike: false,
      signOff: false,
      quotes: [],
      unread: true,
    };
  }

  function analyse(text: string, deadline: number): SentenceFacts {
    const lower = text.toLowerCase();
    let doc: ReturnType<typeof parseSentence> | undefined;
    const parse = () => {
      doc ??= parseSentence(text);
      return doc;
    };
    const quoted = isQuotedLine(text);
    const quotes = findQuotes(text);
    // Words the writer quotes from someone else say nothing about the writer's own tone.
    const ownWords = blankQuotes(text, quotes);
    return {
      hits: quoted ? groups.map(() => []) : groups.map((g) => g.find(text, lower, parse, deadline)),
      computed: quoted ? sentenceFacts.map(() => 0) : sentenceFacts.map((compute) => compute(ownWords)),
      sentiment: quoted ? 0 : sentiment.analyze(ownWords, sentimentOptions).score,
      words: countWords(text),
      question: /\?["'”’)]*$/.test(text),
      quoted,
      signatureLike: looksLikeSignature(text),
      signOff: isSignOffLine(text),
      quotes,
    };
  }

  /** One draft's linter: its sentence cache and last lint, over the shared compiled rules. */
  function documentLinter(): Linter {
    let cache = new Map<string, SentenceFacts>();
    // The last lint's text, segments and facts: an edit re-splits and re-analyses only around itself.
    let last: { text: string; segments: Segment[]; facts: SentenceFacts[] } | null = null;
    let customerCache: { text: string; needs: Map<object, boolean> } | null = null;

    function lint(text: string, options: LintOptions): Report {
      const t0 = performance.now();
      const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
      const deadline = t0 + budgetMs;
      const { segments, reused } = last
        ? resplit(last.text, last.segments, text)
        : { segments: splitSentences(text), reused: [] };
      const facts: SentenceFacts[] = new Array(segments.length);
      let analysed = 0;
      // Where the lint stopped reading, when it ran out of time.
      let checkedTo: number | null = null;
      for (let k = 0; k < segments.length; k++) {
        const seg = segments[k]!;
        if (checkedTo !== null) {
          facts[k] = unread(seg.text);
          continue;
        }
        const r = reused[k] ?? -1;
        if (r >= 0 && !last!.facts[r]!.unread) {
          facts[k] = last!.facts[r]!;
          continue;
        }
        let f = cache.get(seg.text);
        if (!f) {
          try {
            // Each lint reads at least one new sentence before it looks at the clock: a page that
            // lints in slices (resumePoint) always gets further, however long the rest took.
            if (analysed > 0) checkDeadline(deadline);
            f = analyse(seg.text, deadline);
          } catch (e) {
            if (!(e instanceof OutOfTime)) throw e;
            checkedTo = seg.start;
            facts[k] = unread(seg.text);
            continue;
          }
          analysed++;
          cache.set(seg.text, f);
        }
        facts[k] = f;
      }
      if (cache.size > CACHE_SLACK * segments.length + 256) {
        cache = new Map();
        segments.forEach((seg, k) => {
          if (!facts[k]!.unread) cache.set(seg.text, facts[k]!);
        });
      }
      last = { text, segments, facts };

      const doc = new DocumentView(text, segments, facts, options);
      const applies = (rule: Rule) => !rule.channels || rule.channels.includes(options.channel);
      // Each require rule is settled once per lint, whether it reports or another rule asks.
      const settled = new Map<string, Finding | null>();
      const lintContext: LintContext = {
        doc,
        facts,
        missing(ruleId) {
          // Whether a piece is missing cannot be told from part of the draft.
          if (checkedTo !== null) return null;
          if (!settled.has(ruleId)) {
            const cr = byId.get(ruleId);
            const outcome =
              cr && cr.rule.check.kind === 'require' && applies(cr.rule)
                ? requireOutcome(cr as CompiledRequire, lintContext)
                : null;
            settled.set(ruleId, outcome);
          }
          return settled.get(ruleId)!;
        },
        customerNeeds(key, need) {
          const message = options.customerMessage?.trim() ?? '';
          if (customerCache?.text !== message) customerCache = { text: message, needs: new Map() };
          let known = customerCache.needs.get(key);
          if (known === undefined) {
            try {
              known = need(message, deadline);
            } catch (e) {
              if (!(e instanceof OutOfTime)) throw e;
              checkedTo ??= text.length;
              return false;
            }
            customerCache.needs.set(key, known);
          }
          return known;
        },
      };
      let findings: Finding[] = [];
      for (const cr of compiled) {
        if (!applies(cr.rule)) continue;
        const module = moduleOf(cr.rule);
        if (checkedTo !== null && module.readsWholeReply) continue;
        // Appended one by one: spreading 125,000 findings as arguments overflows the stack.
        for (const f of module.findings(cr, lintContext)) findings.push(f);
      }
      // The customer's message may have run out the clock after every rule had reported.
      if (checkedTo !== null) {
        findings = findings.filter((f) => {
          const rule = byId.get(f.ruleId)?.rule;
          return f.end <= checkedTo! && !(rule && moduleOf(rule).readsWholeReply);
        });
      }
      findings.sort((a, b) => a.start - b.start || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
      let sentimentScore = 0;
      for (const i of doc.content) sentimentScore += facts[i]!.sentiment;
      return {
        findings,
        score: scoreOf(findings),
        sentiment: { score: sentimentScore, comparative: doc.words ? sentimentScore / doc.words : 0 },
        timings: { totalMs: performance.now() - t0, sentences: segments.length, analysed },
        ...(checkedTo === null ? {} : { incomplete: { checkedTo, budgetMs } }),
      };
    }

    return { lint, rules, forDocument: documentLinter };
  }

  const rules = compiled.map((c) => c.rule);
  return documentLinter();
}
