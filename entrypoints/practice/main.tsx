import { startPractice } from './app';
import { withRulesOff } from './coach';

void startPractice(document.getElementById('app')!, {
  // The engine (compromise) takes a few hundred ms to evaluate: load it after the page has painted.
  engine: Promise.all([import('../../src/engine'), import('../../src/ruleset/default-pack')]).then(
    ([engine, pack]) =>
      (off) =>
        engine.createLinter(withRulesOff(pack.defaultRuleSet, off)),
  ),
});
