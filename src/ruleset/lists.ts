import type { Rule } from '../engine/types';

// The pattern lists a rule has, apart from edit.ts (which parses YAML) so that the options page's
// components can ask without loading a YAML parser.

/** The phrase lists a team edits: the check's own lists and a sentiment rule's misplaced praise. */
export type ListName = 'patterns' | 'unless' | 'alternatives' | 'unlessAnywhere' | 'misplacedPraise';

/** The lists a rule of this kind has, in the order the editor shows them. */
export function listsOf(rule: Rule): ListName[] {
  const c = rule.check;
  const out: ListName[] = [];
  if (c.kind !== 'sentiment') out.push('patterns');
  if (c.kind === 'pair') out.push('alternatives');
  if (c.kind === 'classifier') out.push('unlessAnywhere');
  if (c.kind === 'sentiment' && c.misplacedPraise) out.push('misplacedPraise');
  out.push('unless');
  return out;
}
