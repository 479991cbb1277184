// What the options page and the teach worker say to each other: plain, structured-cloneable data.
// No runtime import of the engine here, so the UI may import these types freely.

/** One of the lead's examples: a reply (and the customer's message), marked for one rule. */
export interface TeachExample {
  /** The reply as an agent wrote it. */
  reply: string;
  /** The customer's message it answers (required for `require-apology`). */
  customer?: string;
  /** A teachable rule (see TEACHABLE_RULES). */
  ruleId: string;
  /** true: "flag this" (e.g. "this is blame-shifting"); false: "this is fine". */
  flag: boolean;
  /**
   * The sentence at fault, copied from the reply (optional). Without it, a flagged reply's
   * sentence the current head scores highest is taken (the one the rule would underline).
   */
  sentence?: string;
}

/** How a head is adjusted; every field has a default (DEFAULT_TEACH_SETTINGS). */
export interface TeachSettings {
  /** Passes over the lead's examples and the replay set. */
  epochs: number;
  /** AdaGrad step size (smaller than the corpus trainer's: the head only moves a little). */
  learningRate: number;
  /** L2 penalty per update of an active weight. */
  l2: number;
  /** How much one of the lead's examples counts against one replay example. */
  exampleWeight: number;
  /** Seed of the example order. */
  seed: number;
}

/** What the worker is asked to do. */
export interface TeachRequest {
  examples: TeachExample[];
  /**
   * The heads to start from, by name (the JSON of a head file): the team's own where it has one,
   * else the pack's (`/models/<name>.json`). Every head the examples' rules read must be here.
   */
  heads: Record<string, unknown>;
  settings?: Partial<TeachSettings>;
}

/** Where a teach run is. */
export interface TeachProgress {
  phase: 'checking' | 'before' | 'training' | 'after' | 'done';
  /** Steps done of `total` (for a progress bar). */
  done: number;
  total: number;
  /** What is being done, for people ("Training blame-reply"). */
  label: string;
}

/** Accuracy on a set of examples: how many the rule gets right. */
export interface Score {
  total: number;
  correct: number;
  /** correct / total (1 when there are none). */
  accuracy: number;
}

/** One of the lead's examples, before and after: did the rule flag it? */
export interface LeadOutcome {
  /** Index in the request's examples. */
  index: number;
  ruleId: string;
  reply: string;
  /** What the lead said: flag it (true) or it is fine (false). */
  flag: boolean;
  flaggedBefore: boolean;
  flaggedAfter: boolean;
}

/** One of a rule's own examples (rules/*.yml) whose result changed. */
export interface RuleExampleOutcome {
  ruleId: string;
  kind: 'bad' | 'good';
  text: string;
  customer?: string;
  passedBefore: boolean;
  passedAfter: boolean;
}

/** Figures before and after on one set of examples. */
export interface BeforeAfter {
  before: Score;
  after: Score;
}

/** What a teach run gives back. */
export interface TeachResult {
  /** The new heads by name: the JSON of a head file (`tactful-head/1`), ready to keep. */
  heads: Record<string, unknown>;
  /** On the lead's examples: the rule flags the ones marked "flag this" and no others. */
  lead: BeforeAfter & { outcomes: LeadOutcome[] };
  /** On the rules' own examples (of the rules taught): bad ones flagged, good ones not. */
  ruleExamples: BeforeAfter & { flipped: RuleExampleOutcome[] };
  /** Milliseconds: training alone, and the whole run (with measuring). */
  trainMs: number;
  totalMs: number;
}

/** Page → worker. */
export type TeachCall = { type: 'teach'; id: number; request: TeachRequest };

/** Worker → page. */
export type TeachReply =
  | { type: 'progress'; id: number; progress: TeachProgress }
  | { type: 'result'; id: number; result: TeachResult }
  | { type: 'error'; id: number; message: string };
