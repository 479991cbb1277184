/**
 * The name a person reads for each rule of the default pack. Ids stay for files, the command line
 * and team leads (options shows them as secondary text); everyone else reads these.
 */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  'no-blame-shifting': 'Blame-shifting',
  'no-cant-without-alternative': '“Can’t” without an alternative',
  'no-condescension': 'Condescension',
  'no-deflection': 'Deflection',
  'no-negative-tone': 'Negative tone',
  'no-policy-hiding': 'Hiding behind policy',
  'no-shouting': 'Shouting',
  'require-apology': 'Missing apology',
  'require-follow-up-offer': 'Missing follow-up offer',
  'require-greeting': 'Missing greeting',
  'require-thanks': 'Missing thanks',
  'require-warm-closing': 'Missing warm closing',
};

/**
 * A rule's human name: from the table, else made from its id, so a team's own rules read the same
 * way ("no-internal-jargon" → "Internal jargon", "require-ticket-number" → "Missing ticket number").
 */
export function ruleName(ruleId: string): string {
  const known = RULE_NAMES[ruleId];
  if (known) return known;
  const missing = ruleId.startsWith('require-');
  const words = ruleId
    .replace(/^(no|require)-/, '')
    .split('-')
    .filter(Boolean)
    .join(' ');
  if (!words) return ruleId;
  return missing ? `Missing ${words}` : words[0]!.toUpperCase() + words.slice(1);
}
