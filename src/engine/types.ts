/** How serious a finding is. */
export type Level = 'info' | 'warning' | 'error';

/** Where the reply is going: email expects greeting, thanks and a closing; chat does not. */
export type Channel = 'email' | 'chat';

/**
 * A pattern is one of:
 * - a literal phrase (`"not my department"`): case-insensitive, whole words, any apostrophe
 *   and any run of spaces;
 * - a regular expression written as `/source/flags` (`"/\\b[A-Z]{4,}\\b/"`);
 * - compromise match syntax when it uses any of `# ( ) [ ] { } | * + ? ! ~ @ < >`
 *   (`"(the|our) #Noun (forgot|lost)"`).
 */
export type Pattern = string;

/**
 * How a fix rewrites a flagged span, so that the sentence stays whole and grammatical:
 * - a string replaces the flagged words (`""` removes them; after a regular expression,
 *   `$1` or `$<name>` put back what its groups matched: "$1 lost" keeps the verb);
 * - `{ sentence }` replaces the whole sentence, keeping a greeting that opens it ("Hi Sam, ");
 * - `{ case: lower }` writes the flagged words in lower case (shouting);
 * - `{ clause: remove }` removes the trailing reason clause holding the flagged words
 *   ("… because you ordered without a house number"), offered only where a main clause is left.
 * For `require` rules a fix is the sentence inserted where the missing piece belongs.
 */
export type FixTemplate = string | { sentence: string } | { case: 'lower' } | { clause: 'remove' };

/** A pattern with fixes of its own, used instead of the rule's fixes when it matched. */
export interface PatternWithFixes {
  match: Pattern;
  fixes: FixTemplate[];
}

export type PatternEntry = Pattern | PatternWithFixes;

/** Flags a span wherever a pattern matches, unless its sentence matches `unless`. */
export interface PhraseCheck {
  kind: 'phrase';
  patterns: PatternEntry[];
  /** A sentence matching any of these is never flagged (negation, ownership). */
  unless?: Pattern[];
  /** Do not flag inside questions ("Did the courier lose it?"). */
  skipQuestions?: boolean;
}

/**
 * Flags a span that needs a companion nearby: "we can't …" needs an alternative. When one of
 * `alternatives` matches within `window` sentences either side (or anywhere when `window` is
 * `"reply"`), nothing is flagged.
 */
export interface PairCheck {
  kind: 'pair';
  patterns: PatternEntry[];
  unless?: Pattern[];
  skipQuestions?: boolean;
  alternatives: Pattern[];
  window: number | 'reply';
}

/** Where a `require` rule looks for its phrase, and where its fix inserts one. */
export type Zone = 'anywhere' | 'opening' | 'closing';
export type InsertAt = 'start' | 'after-greeting' | 'before-closing' | 'end';

/**
 * Flags the reply when none of `patterns` matches in `zone`. With `when`, the rule only
 * applies if the customer's message (or, without one, the draft) shows the need.
 */
export interface RequireCheck {
  kind: 'require';
  patterns: Pattern[];
  zone: Zone;
  /** A match of these in the zone does not count (e.g. "no thank you"). */
  unless?: Pattern[];
  insertAt: InsertAt;
  when?: {
    /** The customer's message shows the need when it matches one of these ... */
    customer?: Pattern[];
    /**
     * ... except where a match of these overlaps it: "no problem" or "not experiencing any
     * issues" cancel the "problem"/"issues" they contain, not a real complaint elsewhere.
     */
    customerUnless?: Pattern[];
    /** Without a customer message, the draft shows the need when it matches one of these. */
    draft?: Pattern[];
    /** A learned head that reads the customer's message ("complaint"); its threshold or this one. */
    customerModel?: { head: string; threshold?: number };
  };
  /** Drafts shorter than this many words are left alone (a one-line chat answer). */
  minWords?: number;
}

/**
 * Praise-thanks sent to a customer who complained ("Thank you for your kind words" under a
 * review about a dirty room) reads as a template nobody checked. A match of `patterns` is
 * flagged, with `message`, only while the require rule named by `whenMissing` finds its piece
 * missing: the customer reported a problem and the reply does not acknowledge it. That rule is
 * consulted even when it is switched off; when the set has no such rule, nothing is flagged.
 */
export interface MisplacedPraise {
  patterns: Pattern[];
  whenMissing: string;
  message: string;
}

/** Flags sentences whose sentiment score is at or below `threshold`. */
export interface SentimentCheck {
  kind: 'sentiment';
  threshold: number;
  /** Words scored as neutral here (an apology is not negative tone). */
  neutralWords?: string[];
  unless?: Pattern[];
  skipQuestions?: boolean;
  /**
   * A learned tone head: a sentence it scores at or above its threshold is flagged too; with
   * `replyHead`, only when that head finds the whole reply cold (then its highest sentence).
   */
  model?: { head: string; threshold?: number; replyHead?: string; replyThreshold?: number };
  misplacedPraise?: MisplacedPraise;
}

/**
 * A learned head (a model trained on the team's labelled corpus, see `npm run train`) scores
 * each sentence; a sentence at or above `threshold` is flagged. `patterns` (optional) give
 * exact spans and fixes where they match, as a phrase check's do.
 */
export interface ClassifierCheck {
  kind: 'classifier';
  /** The model head by name, from the rule set's `models` ("blame", "deflection", "tone"). */
  head: string;
  /** Probability at or above which a sentence is flagged; the head's own (from CV) when absent. */
  threshold?: number;
  /**
   * A head that reads the whole reply. With it, the reply head decides whether the rule fires and
   * the sentence head only picks the sentence to underline (the one it scores highest).
   */
  replyHead?: string;
  replyThreshold?: number;
  patterns?: PatternEntry[];
  unless?: Pattern[];
  skipQuestions?: boolean;
  /** A match of these anywhere in the reply clears the rule (an offer of the writer's own help). */
  unlessAnywhere?: Pattern[];
}

export type Check = PhraseCheck | PairCheck | RequireCheck | SentimentCheck | ClassifierCheck;

/** One rule of a rule set, as read from `rules/<id>.yml` (examples left out). */
export interface Rule {
  id: string;
  level: Level;
  /** Starts with a verb: "Disallow …", "Require …". */
  description: string;
  message: string;
  why: string;
  /** Channels the rule applies to; both when absent. */
  channels?: Channel[];
  check: Check;
  /** Replacement (phrase/pair) or inserted sentence (require). `{name}` is the customer's name. */
  fixes?: FixTemplate[];
  enabled?: boolean;
}

export interface RuleSet {
  rules: Rule[];
  /** Learned model heads by name, for `classifier` checks and `when.customerModel`. */
  models?: Record<string, ModelHead>;
}

/** A learned head as the engine uses it (decoded from `rules/models/<name>.json`). */
export interface ModelHead {
  /** What the head reads: one sentence, the customer's message, or a whole reply. */
  unit: 'sentence' | 'message' | 'reply';
  /** Probability that `text` (a sentence or a message) shows what the head learned. */
  probability(text: string): number;
  /** A reply head's part for one sentence, cached with the sentence. */
  evidence(text: string): unknown;
  /** A reply head's probability for the reply, from its sentences' parts. */
  combine(parts: readonly unknown[]): number;
  /** The threshold chosen by cross-validation. */
  threshold: number;
  /** Spans of the words in `text` that weighed most towards a positive score. */
  weightiest(text: string, k: number): Array<{ start: number; end: number }>;
}

/** A change to the text: replace `[start, end)` with `text` (an insertion when start === end). */
export interface Fix {
  label: string;
  start: number;
  end: number;
  text: string;
}

/** One thing to coach, with offsets in UTF-16 code units of the linted text. */
export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  why: string;
  start: number;
  end: number;
  /** The flagged text, `text.slice(start, end)`. */
  actual: string;
  fixes: Fix[];
  /** For a learned check's finding: the words that weighed most, so the writer sees what to change. */
  weighed?: string[];
}

export interface LintOptions {
  customerMessage?: string;
  /** The customer's first name, for greeting fixes. */
  customerName?: string;
  channel: Channel;
  /**
   * How long the lint may take, in milliseconds (default 2,000): past it the lint stops at a
   * sentence boundary and the report says how far it read (see `Report.incomplete`).
   */
  timeBudgetMs?: number;
}

export interface Report {
  findings: Finding[];
  /** 100 means nothing to coach. */
  score: number;
  /** AFINN sentiment of the reply: sum and per-word average. */
  sentiment: { score: number; comparative: number };
  timings?: { totalMs: number; sentences: number; analysed: number };
  /**
   * Present when the lint ran out of its time budget: only the text before `checkedTo` was read,
   * its sentence-level findings are reported, and the rules that weigh the whole reply (a missing
   * apology, a "can't" without an alternative) report nothing. `checkedTo` is the draft's length
   * when only the customer's message was left unread.
   */
  incomplete?: { checkedTo: number; budgetMs: number };
}
