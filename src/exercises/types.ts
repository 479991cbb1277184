import type { Channel } from '../engine';

/** One exercise: a customer's message and a reply the rule flags, to be rewritten until it does not. */
export interface Exercise {
  /** Stable: `<ruleId>/example-<n>` or `<ruleId>/<corpus id>`. */
  id: string;
  ruleId: string;
  /** A bad example of the rule file, or a reply of the labelled corpus. */
  source: 'example' | 'corpus';
  customerMessage: string;
  customerName: string;
  channel: Channel;
  /** The flawed reply the trainee starts from. */
  reply: string;
  /** A version the rule (and every error-level rule) leaves alone. */
  good: string;
}

/** `rules/exercises.json`: derived by `node scripts/exercises.mjs`, checked by a unit test. */
export interface ExerciseFile {
  version: 1;
  exercises: Exercise[];
}
