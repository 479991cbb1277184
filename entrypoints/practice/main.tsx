import type { RuleSet } from '../../src/engine';
import { ruleSetInForce } from '../../src/ruleset/in-force';
import { policyModels, policyRuleSet, readPolicyDocument, teamDocument } from '../../src/settings/team';
import { startPractice } from './app';
import { withRulesOff } from './coach';

/** The rules in force (the organisation's, else the team's, else the pack) with their heads. */
async function ruleSetNow(): Promise<RuleSet> {
  const [{ defaultRuleSet }, { loadModels }, team, policy] = await Promise.all([
    import('../../src/ruleset/default-pack'),
    import('../../src/ruleset/models'),
    teamDocument.getValue(),
    readPolicyDocument(),
  ]);
  const inForce = ruleSetInForce(defaultRuleSet.rules, team, policy);
  return { rules: inForce.rules, models: { ...defaultRuleSet.models, ...loadModels(Object.values(inForce.models)) } };
}

let ruleSet: RuleSet | null = null;

void startPractice(document.getElementById('app')!, {
  // The engine (compromise) takes a few hundred ms to evaluate: load it after the page has painted.
  engine: Promise.all([import('../../src/engine'), ruleSetNow()]).then(([engine, rules]) => {
    ruleSet = rules;
    return (off) => engine.createLinter(withRulesOff(ruleSet ?? rules, off));
  }),
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
