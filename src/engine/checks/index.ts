import type { Check } from '../types';
import { classifier } from './classifier';
import { pair } from './pair';
import { phrase } from './phrase';
import { require } from './require';
import { sentiment } from './sentiment';
import type { CheckModule } from './types';

/**
 * One module per kind of check. A kind added to `Check` without a module here does not
 * compile; rules only configure these.
 */
export const CHECKS = { phrase, pair, require, sentiment, classifier } satisfies {
  // biome-ignore lint/suspicious/noExplicitAny: each module keeps its own compiled state
  [K in Check['kind']]: CheckModule<K, any>;
};
