import type { DocumentView, SentenceFacts } from '../document';
import type { PatternGroup } from '../patterns';
import type { Check, Finding, ModelHead, PatternEntry, Rule } from '../types';

/** A rule whose check is of kind `K`. */
export type RuleOf<K extends Check['kind']> = Rule & { check: Extract<Check, { kind: K }> };

/** What a check module may ask for while its rule set is compiled (once per rule set). */
export interface CompileContext {
  /** Patterns matched in every sentence, hits cached with the sentence; undefined for none. */
  sentencePatterns(patterns: PatternEntry[] | undefined): number | undefined;
  /** Patterns run on the customer's message instead of the draft. */
  messagePatterns(patterns: string[] | undefined): PatternGroup | undefined;
  /** A fact computed once per distinct sentence and cached with it; returns its slot. */
  sentenceFact(compute: (sentence: string) => unknown): number;
  /** Words the sentiment score treats as neutral ("sorry" is not negative tone). */
  neutralWords(words: readonly string[]): void;
  /** A named model head the rule set carries, or undefined (the check then reports nothing). */
  modelHead(name: string): ModelHeadLike | undefined;
}

/** What the engine needs of a learned model head (see src/engine/model). */
export type ModelHeadLike = ModelHead;

/** What a check module sees while one draft is linted. */
export interface LintContext {
  doc: DocumentView;
  facts: readonly SentenceFacts[];
  /**
   * The finding of a require rule of this set when its piece is missing, else null; settled once
   * per lint, and consulted even when that rule is switched off (misplaced praise waits on it).
   */
  missing(ruleId: string): Finding | null;
  /**
   * The customer's message shows the need (a require rule's `when`), cached per message. `need`
   * may throw OutOfTime at `deadline`; the lint is then incomplete and the answer is no.
   */
  customerNeeds(key: object, need: (message: string, deadline: number) => boolean): boolean;
}

/**
 * One kind of check: how it compiles a rule, and how cached sentence facts become findings. The
 * table in ./index.ts lists one module per kind of `Check`; a kind without a module does not
 * compile.
 */
export interface CheckModule<K extends Check['kind'], S extends { rule: Rule } = Compiled<K>> {
  /** Compiles the rule's check (patterns, heads) once per rule set. */
  compile(rule: RuleOf<K>, ctx: CompileContext): S;
  /** Ids of other rules this check consults (compiled even when switched off). */
  references?(rule: RuleOf<K>): string[];
  /**
   * Whether a finding can depend on what other sentences say (a missing apology, a "can't" whose
   * alternative may come later). Such a rule reports nothing when the lint ran out of time before
   * the end of the draft: the unread part could change its answer.
   */
  readsWholeReply?: boolean;
  /** The rule's findings for one draft, from the cached sentence facts. */
  findings(compiled: S, lint: LintContext): Finding[];
}

/** A compiled rule: the rule plus what its module keeps (pattern slots, model heads). */
export interface Compiled<K extends Check['kind'] = Check['kind']> {
  rule: RuleOf<K>;
}
