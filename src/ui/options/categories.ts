import type { Rule } from '../../engine';

/** The editor's groups, in the order a lead reads them. */
export const CATEGORIES = [
  { id: 'avoid', title: 'What to avoid', hint: 'Phrases and judgements a customer would read badly.' },
  { id: 'tone', title: 'Tone', hint: 'How the reply sounds: shouting, talking down, negative wording.' },
  { id: 'needs', title: 'What a reply needs', hint: 'What must be there: apology, thanks, greeting, a next step.' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

const TONE = new Set(['no-shouting', 'no-condescension']);

/** Which group a rule is shown in: require rules, tone rules, everything else to avoid. */
export function categoryOf(rule: Pick<Rule, 'id' | 'check'>): CategoryId {
  if (rule.check.kind === 'require') return 'needs';
  if (rule.check.kind === 'sentiment' || TONE.has(rule.id)) return 'tone';
  return 'avoid';
}
