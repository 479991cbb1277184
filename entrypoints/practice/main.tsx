import type { Linter, RuleSet } from '../../src/engine';
import type { Exercise } from '../../src/exercises/types';
import { type InForce, ruleSetInForce } from '../../src/ruleset/in-force';
import { policyModels, policyRuleSet, readPolicyDocument, teamDocument } from '../../src/settings/team';
import { startPractice } from './app';
import { withRulesOff } from './coach';
import { loadBuiltExercises } from './exercises';

/** The rules in force (the organisation's, else the team's, else the pack), read now. */
async function inForceNow(): Promise<{ inForce: InForce; ruleSet: RuleSet }> {
  const [{ defaultRuleSet }, { loadModels }, team, policy] = await Promise.all([
    import('../../src/ruleset/default-pack'),
    import('../../src/ruleset/models'),
    teamDocument.getValue(),
    readPolicyDocument(),
  ]);
  const inForce = ruleSetInForce(defaultRuleSet.rules, team, policy);
  const models = { ...defaultRuleSet.models, ...loadModels(Object.values(inForce.models)) };
  return { inForce, ruleSet: { rules: inForce.rules, models } };
}

/** The rules in force with their heads. */
const ruleSetNow = async (): Promise<RuleSet> => (await inForceNow()).ruleSet;

/**
 * The built exercises (the pack's examples and the corpus), plus one from each bad example of the
 * team's own rules that the set in force flags: what a lead adds, trainees can practise.
 */
async function exercisesNow(): Promise<readonly Exercise[]> {
  // A failure here must not cost the built exercises: the tab still loads.
  const [built, own] = await Promise.all([loadBuiltExercises(), teamExercises().catch(() => [])]);
  return [...built, ...own];
}

/** One exercise per bad example of the team's own rules that the set in force flags. */
async function teamExercises(): Promise<Exercise[]> {
  const { inForce, ruleSet } = await inForceNow();
  if (inForce.custom.length === 0) return [];
  const [{ createLinter }, { exercisesFromExamples }] = await Promise.all([
    import('../../src/engine'),
    import('../../src/exercises/derive'),
  ]);
  const linter: Linter = createLinter(ruleSet);
  return exercisesFromExamples(inForce.custom, (text, context) => linter.forDocument().lint(text, context).findings);
}

let ruleSet: RuleSet | null = null;

void startPractice(document.getElementById('app')!, {
  // The engine (compromise) takes a few hundred ms to evaluate: load it after the page has painted.
  engine: Promise.all([import('../../src/engine'), ruleSetNow()]).then(([engine, rules]) => {
    ruleSet = rules;
    return (off) => engine.createLinter(withRulesOff(ruleSet ?? rules, off));
  }),
  loadExercises: exercisesNow,
  // The practice page coaches with the same set as every tab: a lead's change applies here too.
  onRuleSetChange(relint) {
    const reload = () =>
      void ruleSetNow().then((next) => {
        ruleSet = next;
        relint();
      });
    const unwatch = [teamDocument.watch(reload), policyRuleSet.watch(reload), policyModels.watch(reload)];
    return () => {
      for (const u of unwatch) u();
    };
  },
});
