// Which rules a lead can teach by example, and the learned heads behind each. Pure data, so the
// options page can show the choice without loading the engine; a unit test keeps it in step with
// the heads each rule of the pack names (rules/*.yml).

/** How a lead's example teaches a rule's heads. */
export type TeachTarget =
  /** The reply's sentences (sentence head) and the whole reply (reply head). */
  | 'reply'
  /** The customer's message (a message head): "flag this" = the customer needs an apology. */
  | 'customer';

/** A rule that can be taught, with the heads the rule reads. */
export interface TeachableRule {
  ruleId: string;
  target: TeachTarget;
  /** Head names, as in `rules/models/<name>.json` and a team document's `models:`. */
  heads: readonly string[];
  /** What "flag this" means, in the lead's words. */
  flagLabel: string;
  /** What "this is fine" means. */
  fineLabel: string;
}

export const TEACHABLE_RULES: readonly TeachableRule[] = [
  {
    ruleId: 'no-blame-shifting',
    target: 'reply',
    heads: ['blame', 'blame-reply'],
    flagLabel: 'This is blame-shifting',
    fineLabel: 'This is fine',
  },
  {
    ruleId: 'no-deflection',
    target: 'reply',
    heads: ['deflection', 'deflection-reply'],
    flagLabel: 'This is deflection',
    fineLabel: 'This is fine',
  },
  {
    ruleId: 'no-negative-tone',
    target: 'reply',
    heads: ['tone', 'tone-reply'],
    flagLabel: 'This tone is negative',
    fineLabel: 'This is fine',
  },
  {
    ruleId: 'require-apology',
    target: 'customer',
    heads: ['complaint'],
    flagLabel: 'This customer needs an apology',
    fineLabel: 'No apology needed',
  },
];

/** The teachable rule of an id, or undefined. */
export const teachableRule = (ruleId: string): TeachableRule | undefined =>
  TEACHABLE_RULES.find((r) => r.ruleId === ruleId);

/** The heads the examples' rules read (each once, in the table's order). */
export function headsToTeach(ruleIds: Iterable<string>): string[] {
  const wanted = new Set(ruleIds);
  return [...new Set(TEACHABLE_RULES.filter((r) => wanted.has(r.ruleId)).flatMap((r) => r.heads))];
}
