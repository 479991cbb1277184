import { render } from 'preact';
import { defaultRules } from '../../src/ruleset/default-rules';
import { disabledRules } from '../../src/settings/sites';
import { RuleToggles } from '../../src/ui/options/RuleToggles';
import '../../src/ui/level-colors';
import '../../src/ui/options/options.css';

const app = document.getElementById('app')!;

function draw(off: string[]) {
  render(
    <RuleToggles
      rules={defaultRules}
      disabled={new Set(off)}
      onToggle={(id, on) => {
        const next = on ? off.filter((x) => x !== id) : [...new Set([...off, id])];
        void disabledRules.setValue(next);
      }}
    />,
    app,
  );
}

void disabledRules.getValue().then(draw);
disabledRules.watch(draw);
