import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/engine/checks';
import { pair } from '../../src/engine/checks/pair';
import { phrase } from '../../src/engine/checks/phrase';
import { require } from '../../src/engine/checks/require';
import { sentiment } from '../../src/engine/checks/sentiment';
import type { CheckModule } from '../../src/engine/checks/types';
import type { Check } from '../../src/engine/types';

type Table = { [K in Check['kind']]: CheckModule<K, any> };

describe('check kinds', () => {
  it('has one module per kind of check, and a kind without a module does not compile', () => {
    // `tsc --noEmit` (the first step of `npm test`) fails if this stops being an error.
    // @ts-expect-error -- the classifier kind has no module in this table
    const withoutClassifier: Table = { phrase, pair, require, sentiment };
    void withoutClassifier;
    expect(Object.keys(CHECKS).sort()).toEqual(['classifier', 'pair', 'phrase', 'require', 'sentiment']);
  });
});

describe('model heads', () => {
  it('the default rules name exactly the heads rules/models ships, and the pack carries them', async () => {
    const { defaultRules, headsNamedBy } = await import('../../src/ruleset/default-rules');
    const { defaultRuleSet } = await import('../../src/ruleset/default-pack');
    const { readdirSync } = await import('node:fs');
    const shipped = readdirSync('rules/models')
      .filter((f) => f.endsWith('.json') && f !== 'cv.json')
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(headsNamedBy(defaultRules)).toEqual(shipped);
    expect(Object.keys(defaultRuleSet.models ?? {}).sort()).toEqual(shipped);
  });
});
