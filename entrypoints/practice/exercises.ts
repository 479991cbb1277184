/**
 * Exercises on the practice page: a customer's message and a flawed reply (rules/exercises.json,
 * derived from the rules' bad examples and the labelled corpus by scripts/exercises.mjs) to rewrite
 * until the exercise's rule no longer flags it.
 *
 * Deep link: `practice.html#exercise=<ruleId>` opens the page on an exercise for that rule
 * (`#exercise=any` for any rule). The review page's "practise this" links there; while exercises
 * are shown the hash follows the rule picked, and free practice clears it.
 */
import {
  afterCompletion,
  afterShown,
  ANY,
  drawNext,
  type Exercise,
  exerciseScore,
  isExerciseDone,
} from '../../src/exercises';
import { exerciseProgress, type ExerciseProgress } from '../../src/settings/exercises';
import { createExerciseStore, type ExerciseStore, type PracticeMode } from '../../src/state/exercises';
import { createPracticeStore, lintInput, sameInput, type PracticeStore } from '../../src/state/practice';
import { connectCoach, type Coach, type LinterFactory } from './coach';

const HASH = /^#exercise=([a-z0-9-]+)$/i;

/** The rule (or "any") a `#exercise=<ruleId>` hash asks for, else null. */
export function exerciseFromHash(hash: string): string | null {
  return HASH.exec(hash)?.[1] ?? null;
}

export interface Exercises {
  store: ExerciseStore;
  /** The rewrite, coached like the free draft (its own store, never saved over the free draft). */
  inputs: PracticeStore;
  coach: Coach;
  setMode(mode: PracticeMode): void;
  /** Draws the next exercise of the pick ("any" or a rule id). */
  pick(pick: string): Promise<void>;
  next(): Promise<void>;
  hint(): void;
  show(): void;
  setDisabledRules(ruleIds: readonly string[]): void;
  stop(): void;
}

export interface ExerciseOptions {
  load(): Promise<readonly Exercise[]>;
  engine: Promise<LinterFactory>;
  lintDelayMs?: number;
  disabledRules: readonly string[];
}

/** The exercises loaded by the page build: a chunk of its own, fetched when first needed. */
export const loadBuiltExercises = (): Promise<readonly Exercise[]> =>
  import('../../rules/exercises.json').then((m) => m.default.exercises as Exercise[]);

export async function startExercises(options: ExerciseOptions): Promise<Exercises> {
  const hashPick = exerciseFromHash(location.hash);
  const store = createExerciseStore({
    mode: hashPick ? 'exercises' : 'free',
    pick: hashPick ?? ANY,
    progress: await exerciseProgress.getValue(),
  });
  const inputs = createPracticeStore();
  inputs.getState().setDisabledRules(options.disabledRules);
  const coach = connectCoach(inputs, options.engine, options.lintDelayMs);
  let all: Promise<readonly Exercise[]> | null = null;
  const pool = () => {
    all ??= options.load().then((list) => {
      updateRuleIds(list);
      return list;
    });
    return all;
  };
  let loadedList: readonly Exercise[] = [];
  const updateRuleIds = (list: readonly Exercise[]) => {
    loadedList = list;
    const off = new Set(inputs.getState().disabledRules);
    store.getState().setRuleIds([...new Set(list.map((e) => e.ruleId))].filter((id) => !off.has(id)));
  };

  const save = (progress: ExerciseProgress) => {
    store.getState().setProgress(progress);
    void exerciseProgress.setValue(progress);
  };

  /** The hash this page wrote itself: a `hashchange` to it is not a new link to follow. */
  let ownHash = location.hash;
  const followHash = () => {
    const { mode, pick } = store.getState();
    ownHash = mode === 'exercises' ? `#exercise=${pick}` : '';
    if (location.hash !== ownHash) history.replaceState(null, '', `${location.pathname}${location.search}${ownHash}`);
  };

  const draw = async (pick: string) => {
    store.getState().setPick(pick);
    followHash();
    const list = await pool();
    // Rules turned off are left out of "any"; a rule picked by name (or deep link) is still drawn.
    const off = new Set(inputs.getState().disabledRules);
    const from = pick === ANY ? list.filter((e) => !off.has(e.ruleId)) : list;
    const { progress } = store.getState();
    const drawn = drawNext(from, pick, progress.cursors[pick]);
    if (drawn) save({ ...progress, cursors: { ...progress.cursors, [pick]: drawn.cursor } });
    const exercise = drawn?.exercise ?? null;
    store.getState().start(exercise);
    inputs.setState({
      draft: exercise?.reply ?? '',
      customerMessage: exercise?.customerMessage ?? '',
      customerName: exercise?.customerName ?? '',
      channel: exercise?.channel ?? 'email',
      report: null,
      linted: null,
    });
    coach.lintNow();
  };

  // Done when a fresh report of the rewrite no longer has the rule, nor anything at error level.
  const unsubscribe = inputs.subscribe((state) => {
    const { exercise, done, hints, shown, progress } = store.getState();
    if (!exercise || done || !state.report || !sameInput(state.linted, lintInput(state))) return;
    if (!isExerciseDone(exercise.ruleId, exercise.reply, state.draft, state.report.findings)) return;
    const score = exerciseScore(hints, shown);
    store.getState().complete(score);
    save({
      ...progress,
      rules: { ...progress.rules, [exercise.ruleId]: afterCompletion(progress.rules[exercise.ruleId], score) },
    });
  });
  // Another practice tab finished an exercise: show its streak here too.
  const unwatch = exerciseProgress.watch((progress) => store.getState().setProgress(progress));
  const onHash = () => {
    const pick = exerciseFromHash(location.hash);
    if (!pick || location.hash === ownHash) return;
    ownHash = location.hash;
    store.getState().setMode('exercises');
    void draw(pick);
  };
  window.addEventListener('hashchange', onHash);

  if (hashPick) void draw(hashPick);

  return {
    store,
    inputs,
    coach,
    setMode(mode) {
      store.getState().setMode(mode);
      followHash();
      if (mode === 'exercises' && !store.getState().exercise) void draw(store.getState().pick);
    },
    pick: draw,
    next: () => draw(store.getState().pick),
    hint: () => store.getState().hint(),
    show() {
      const { exercise, shown, done, progress } = store.getState();
      if (!exercise || shown) return;
      store.getState().show();
      // Seeing the answer before finishing breaks the streak (finishing after it scores 0).
      if (!done)
        save({
          ...progress,
          rules: { ...progress.rules, [exercise.ruleId]: afterShown(progress.rules[exercise.ruleId]) },
        });
    },
    setDisabledRules(ruleIds) {
      inputs.getState().setDisabledRules(ruleIds);
      if (loadedList.length) updateRuleIds(loadedList);
    },
    stop() {
      window.removeEventListener('hashchange', onHash);
      unwatch();
      unsubscribe();
      coach.stop();
    },
  };
}
