import type { Rule } from '../engine';
import { parseTeamRuleSet, RuleSetError, withLine } from './load';
import { mergeRuleSet } from './merge';
import type { RuleWithExamples, TeamRuleSet } from './schema';

/** A team rule set as the extension keeps it: the document as written, and its own heads. */
export interface TeamDocument {
  /** The YAML or JSON text exactly as the lead wrote or imported it (what export gives back). */
  text: string;
  /** The team's own model heads (from teach by example or `tactful train`), by head name. */
  models?: Record<string, unknown>;
}

/** Where the rules in force come from. */
export type RuleSetSource = 'pack' | 'team' | 'policy';

/** What the document says is wrong, where: a line (when known), a field path and what to fix. */
export interface DocumentProblem {
  line: number | undefined;
  field: string;
  message: string;
}

/** The rules in force, where they come from, and whether the agent may change them. */
export interface InForce {
  rules: Rule[];
  source: RuleSetSource;
  /** Set by the organisation's policy: the agent cannot change it. */
  locked: boolean;
  /** The team's heads the rules may name, besides the pack's. */
  models: Record<string, unknown>;
  /** The document's own rules as written, with their examples (the practice page's exercises). */
  custom: RuleWithExamples[];
  /** Why a stored document was not used (the rules fall back to the next source). */
  problem: (DocumentProblem & { source: 'team' | 'policy' }) | null;
}

/**
 * Reads and merges a team document over the pack, with the CLI's schema and messages. The heads
 * a document's `models:` names must be among `headNames` (the pack's) or the document's own.
 */
export function checkTeamDocument(
  pack: readonly Rule[],
  doc: TeamDocument,
): { ok: true; rules: Rule[]; team: TeamRuleSet } | { ok: false; problem: DocumentProblem } {
  const file = 'rule set';
  try {
    const team = parseTeamRuleSet(doc.text, file);
    for (const name of Object.keys(team.models)) {
      if (!doc.models?.[name]) {
        throw new RuleSetError(
          file,
          undefined,
          `models.${name}`,
          `no model "${name}" came with this rule set; import it with the document or remove the line`,
        );
      }
    }
    return { ok: true, rules: mergeRuleSet(pack, team, file).rules, team };
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    const located = withLine(e, doc.text);
    return { ok: false, problem: { line: located.line, field: located.field, message: located.problem } };
  }
}

/**
 * The rules in force: the organisation's policy document when one is set (locked), else the
 * team's document, else the pack. A document that does not check is not used — the next source
 * is — and the problem says why; the document itself is kept as it is, never dropped.
 */
export function ruleSetInForce(pack: readonly Rule[], team: TeamDocument | null, policy: TeamDocument | null): InForce {
  let problem: InForce['problem'] = null;
  if (policy) {
    const checked = checkTeamDocument(pack, policy);
    if (checked.ok) {
      const { rules, team: doc } = checked;
      return { rules, source: 'policy', locked: true, models: policy.models ?? {}, custom: doc.custom, problem };
    }
    problem = { ...checked.problem, source: 'policy' };
  }
  if (team) {
    const checked = checkTeamDocument(pack, team);
    if (checked.ok) {
      const { rules, team: doc } = checked;
      const locked = problem !== null;
      return { rules, source: 'team', locked, models: team.models ?? {}, custom: doc.custom, problem };
    }
    problem ??= { ...checked.problem, source: 'team' };
  }
  return { rules: [...pack], source: 'pack', locked: problem?.source === 'policy', models: {}, custom: [], problem };
}
