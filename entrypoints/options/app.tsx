import { render } from 'preact';
import { createLinter, type Linter, type ModelHead, type Rule } from '../../src/engine';
import { defaultRules, defaultRulesWithExamples, headsNamedBy } from '../../src/ruleset/default-rules';
import { diffRuleSets } from '../../src/ruleset/diff';
import { applyEdit, type ListName, type TeamEdit } from '../../src/ruleset/edit';
import { runExamples, type RuleExamples } from '../../src/ruleset/examples';
import { checkTeamDocument, ruleSetInForce, type TeamDocument } from '../../src/ruleset/in-force';
import { loadModels } from '../../src/ruleset/models';
import { WHOLE_REPLY, type RuleWithExamples, type TeamRuleSet } from '../../src/ruleset/schema';
import { toRule } from '../../src/ruleset/to-rule';
import { EMPTY_DOCUMENT, exportDocument, takeInlineHeads } from '../../src/ruleset/transfer';
import { disabledRules } from '../../src/settings/sites';
import {
  policyModels,
  policyRuleSet,
  previousTeamDocument,
  readPolicyDocument,
  saveTeamDocument,
  teamDocument,
  undoTeamDocument,
} from '../../src/settings/team';
import { storageProblem } from '../../src/settings/stored';
import { lintSlices } from '../../src/state/lint-slices';
import { createOptionsStore, type EditorRule, type OptionsState, type OptionsStore } from '../../src/state/options';
import { useStore } from '../../src/state/use-store';
import type { TeachClient } from '../../src/teach/client';
import { OptionsPage, type OptionsIntents } from '../../src/ui/options/OptionsPage';
import { TeachByExample } from '../../src/ui/options/TeachByExample';

/** How long typing in the test panel must pause before it is coached again. */
export const LINT_DELAY_MS = 150;

/** What the options page needs from the browser, so that its wiring runs in tests too. */
export interface OptionsDeps {
  /** The JSON of the pack's model files (the extension's own /models/<head>.json). */
  packHeads(): Promise<unknown[]>;
  /** Offers `text` as a file to save. */
  download(fileName: string, text: string, type: string): void;
  /** Teach by example's trainer (a worker); made when first needed, absent in tests that do not teach. */
  teachClient?(): TeachClient;
}

/** A client that starts its worker on first use: an options page where nobody teaches starts none. */
function lazyClient(make: () => TeachClient): TeachClient {
  let client: TeachClient | null = null;
  return {
    teach: (request, onProgress) => {
      client ??= make();
      return client.teach(request, onProgress);
    },
    dispose: () => client?.dispose(),
  };
}

const packExamples = new Map(
  defaultRulesWithExamples.flatMap((r) => (r.examples ? [[r.id, r.examples] as [string, RuleExamples]] : [])),
);
const LISTS: ListName[] = ['patterns', 'unless', 'alternatives', 'unlessAnywhere', 'misplacedPraise'];

/** The rules of a checked document as the editor shows them. */
function editorRules(rules: readonly Rule[], team: TeamRuleSet): EditorRule[] {
  const customIds = new Map(team.custom.map((c) => [c.id, c]));
  return rules.map((rule) => {
    const custom = customIds.get(rule.id);
    const pack = custom ? undefined : defaultRules.find((r) => r.id === rule.id);
    const o = team.rules[rule.id];
    const added: EditorRule['added'] = {};
    const removed: EditorRule['removed'] = {};
    if (!custom && o && typeof o === 'object') {
      for (const list of LISTS) {
        const edit = o[list];
        if (edit?.add?.length) added[list] = edit.add;
        if (edit?.remove?.length) removed[list] = edit.remove;
      }
    }
    return {
      rule,
      custom: custom !== undefined,
      examples: custom ? custom.examples : packExamples.get(rule.id),
      packLevel: pack?.level,
      overridden: !custom && o !== undefined,
      added,
      removed,
    };
  });
}

const where = (p: { line: number | undefined; field: string; message: string }) =>
  `line ${p.line ?? '?'}${p.field ? `, ${p.field}` : ''}: ${p.message}`;

/**
 * The options page: the agent's own switches, and the team's rule set as an editor, a text view,
 * import and export, with a test panel coached by the set being edited. Storage is the truth: a
 * change is saved (when the document checks) and the background rebuilds the engine for every tab.
 */
export async function startOptions(
  container: Element,
  deps: OptionsDeps,
  lintDelayMs = LINT_DELAY_MS,
): Promise<{ store: OptionsStore; stop(): void }> {
  const store = createOptionsStore();
  const set = (patch: Partial<OptionsState>) => store.setState(patch);
  let saved: TeamDocument | null = null;
  let policy: TeamDocument | null = null;
  /** The heads of the document being edited. */
  let models: Record<string, unknown> = {};
  let customExamples = new Map<string, RuleExamples>();
  let pendingDoc: TeamDocument | null = null;
  let packHeads: Record<string, ModelHead> = {};

  /** Checks the draft: its rules for the editor, or the problem (the last good rules stay shown). */
  const derive = (draft: string) => {
    const checked = checkTeamDocument(defaultRules, { text: draft.trim() ? draft : EMPTY_DOCUMENT, models });
    if (!checked.ok) return set({ draft, problem: checked.problem });
    customExamples = new Map(
      checked.team.custom.flatMap((c) => (c.examples ? [[c.id, c.examples] as [string, RuleExamples]] : [])),
    );
    set({
      draft,
      problem: null,
      rules: editorRules(checked.rules, checked.team),
      heads: [...new Set([...headsNamedBy(defaultRules), ...Object.keys(models)])].sort(),
    });
  };

  const refresh = async () => {
    const [team, previous, pol, off] = await Promise.all([
      teamDocument.getValue(),
      previousTeamDocument.getValue(),
      readPolicyDocument(),
      disabledRules.getValue(),
    ]);
    const before = store.getState();
    const unsaved = before.ready && !before.locked && before.draft !== (saved?.text ?? '');
    saved = team;
    policy = pol;
    const inForce = ruleSetInForce(defaultRules, team, pol);
    const shown = inForce.locked ? pol : team;
    set({
      ready: true,
      locked: inForce.locked,
      source: inForce.source,
      inForceProblem: inForce.problem
        ? `The ${inForce.problem.source === 'policy' ? 'organisation’s' : 'team’s'} stored document is not in force (${where(inForce.problem)}); the ${inForce.source === 'team' ? 'team’s set' : 'built-in rules'} are.`
        : null,
      savedText: team?.text ?? null,
      canUndo: JSON.stringify(team) !== JSON.stringify(previous),
      agentOff: off,
    });
    if (unsaved && !inForce.locked) return;
    models = shown?.models ?? {};
    derive(shown?.text ?? '');
  };

  /**
   * Saves a document that checks; the storage watchers redraw the page. When the browser refuses
   * (storage full), the lead's text stays in the editor, unsaved, and the notice says so.
   */
  const save = async (doc: TeamDocument | null, notice: string) => {
    models = doc?.models ?? {};
    derive(doc?.text ?? '');
    try {
      await saveTeamDocument(doc);
    } catch (e) {
      set({ notice: `Not saved: ${storageProblem(e)}. Your changes are still here; save again once there is room.` });
      await refresh();
      return;
    }
    set({ notice });
    await refresh();
  };

  // ---- the test panel -------------------------------------------------------------------
  let linter: { rules: EditorRule[]; linter: Linter; heads: Record<string, ModelHead> } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const headsNow = () => ({ ...packHeads, ...loadModels(Object.values(models)) });
  // The panel lints on this page's thread: a long draft goes in slices (src/state/lint-slices.ts).
  const slices = lintSlices();
  const lintNow = () => {
    clearTimeout(timer);
    slices.cancel();
    const { rules, lab } = store.getState();
    if (!rules.length) return;
    if (linter?.rules !== rules) {
      const heads = headsNow();
      linter = { rules, heads, linter: createLinter({ rules: rules.map((er) => er.rule), models: heads }) };
    }
    const current = linter.linter;
    slices.start(
      (timeBudgetMs) =>
        current.lint(lab.draft, {
          channel: lab.channel,
          customerMessage: lab.customer.trim() ? lab.customer : undefined,
          timeBudgetMs,
        }),
      (report) => {
        const partlyChecked = report.incomplete !== undefined;
        set({ lab: { ...store.getState().lab, findings: report.findings, score: report.score, partlyChecked } });
      },
    );
  };
  const lintSoon = () => {
    clearTimeout(timer);
    slices.cancel();
    timer = setTimeout(lintNow, lintDelayMs);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.rules !== prev.rules) lintSoon();
  });

  const intents: OptionsIntents = {
    toggleAgentRule(id, on) {
      const off = store.getState().agentOff;
      // Storage is the truth: a refused write leaves the switch where it was, and says why.
      disabledRules
        .setValue(on ? off.filter((x) => x !== id) : [...new Set([...off, id])])
        .catch((e) => set({ notice: `Not saved: ${storageProblem(e)}.` }));
    },
    edit(edit: TeamEdit) {
      const s = store.getState();
      if (s.locked || s.problem) return;
      let text: string;
      try {
        text = applyEdit(s.draft, edit, defaultRules);
      } catch (e) {
        return set({ notice: `Not changed: ${(e as Error).message}` });
      }
      const checked = checkTeamDocument(defaultRules, { text, models });
      if (!checked.ok) return set({ notice: `Not changed: ${where(checked.problem)}` });
      void save({ text, ...(Object.keys(models).length ? { models } : {}) }, 'Saved.');
    },
    setDraft(text) {
      if (store.getState().locked) return;
      set({ notice: null });
      derive(text);
    },
    saveDraft() {
      const s = store.getState();
      if (s.locked || s.problem) return;
      const taken = takeInlineHeads(s.draft, models);
      if (!taken.ok) return set({ problem: taken.problem });
      void save(taken.doc, 'Saved.');
    },
    discardDraft() {
      models = saved?.models ?? {};
      derive(saved?.text ?? '');
    },
    undo() {
      if (store.getState().locked) return;
      undoTeamDocument().then(
        async () => {
          // The undone document replaces any unsaved text.
          saved = null;
          set({ ready: false, notice: 'Undone.' });
          await refresh();
        },
        (e) => set({ notice: `Not undone: ${storageProblem(e)}.` }),
      );
    },
    reset() {
      if (store.getState().locked) return;
      void save(null, 'Back to the built-in rules.');
    },
    importFile(fileName, text) {
      if (store.getState().locked) return;
      pendingDoc = null;
      const taken = takeInlineHeads(text);
      if (!taken.ok) return set({ pendingImport: { fileName, problem: taken.problem } });
      const checked = checkTeamDocument(defaultRules, taken.doc);
      if (!checked.ok) return set({ pendingImport: { fileName, problem: checked.problem } });
      const now = ruleSetInForce(defaultRules, saved, null);
      pendingDoc = taken.doc;
      set({
        pendingImport: {
          fileName,
          diff: diffRuleSets(now.rules, checked.rules, { before: now.models, after: taken.doc.models ?? {} }),
        },
      });
    },
    confirmImport() {
      const doc = pendingDoc;
      const name = store.getState().pendingImport?.fileName;
      pendingDoc = null;
      set({ pendingImport: null });
      if (doc) void save(doc, `Imported ${name}.`);
    },
    cancelImport() {
      pendingDoc = null;
      set({ pendingImport: null });
    },
    exportAs(format) {
      const doc = store.getState().locked ? policy : saved;
      const text = exportDocument(doc, format);
      deps.download(
        format === 'json' ? 'tactful-rules.json' : 'tactful-rules.yml',
        text,
        format === 'json' ? 'application/json' : 'application/yaml',
      );
    },
    async addCustom(rule: RuleWithExamples) {
      const s = store.getState();
      if (s.locked || s.problem) return 'the rule set cannot be changed now';
      const bad = rule.examples?.bad ?? [];
      const good = rule.examples?.good ?? [];
      if (!bad.length || !good.length)
        return 'write at least one reply it must flag and one it must leave alone (its examples)';
      // The schema first (a regular expression that could hang is refused before it runs).
      const placeholder = { ...rule, examples: { bad: bad.map((b) => ({ ...b, flag: WHOLE_REPLY })), good } };
      const index = s.rules.filter((er) => er.custom).length;
      const first = checkTeamDocument(defaultRules, {
        text: applyEdit(s.draft, { kind: 'addCustom', rule: placeholder }, defaultRules),
        models,
      });
      if (!first.ok) {
        const field = first.problem.field.replace(`custom.${index}.`, '');
        return `${field ? `${field}: ` : ''}${first.problem.message}`;
      }
      // Its examples pinned from what it does: the span it flags, the text after each fix.
      const own = toRule(placeholder);
      const lint = createLinter({ rules: [own], models: headsNow() });
      const found = (text: string) =>
        lint.lint(text, { channel: 'email' }).findings.filter((f) => f.ruleId === rule.id);
      const pinned: RuleExamples['bad'] = [];
      for (const ex of bad) {
        const hit = found(ex.text)[0];
        if (!hit) return `“${ex.text}” is not flagged by this rule: change its phrases or the example`;
        const output = hit.fixes.map((fix) => ex.text.slice(0, fix.start) + fix.text + ex.text.slice(fix.end));
        pinned.push({ text: ex.text, flag: own.check.kind === 'require' ? WHOLE_REPLY : hit.actual, output });
      }
      for (const ex of good) {
        const hit = found(ex.text)[0];
        if (hit) return `“${ex.text}” should be fine but the rule flags “${hit.actual}”`;
      }
      const text = applyEdit(
        s.draft,
        { kind: 'addCustom', rule: { ...rule, examples: { bad: pinned, good } } },
        defaultRules,
      );
      const checked = checkTeamDocument(defaultRules, { text, models });
      if (!checked.ok) return where(checked.problem);
      await save({ text, ...(Object.keys(models).length ? { models } : {}) }, `Added ${rule.id}.`);
      return null;
    },
    setLab(change) {
      set({ lab: { ...store.getState().lab, ...change } });
      lintSoon();
    },
    runExamples() {
      set({ examples: 'running' });
      setTimeout(() => {
        const rules = store.getState().rules.map((er) => er.rule);
        set({ examples: runExamples(rules, new Map([...packExamples, ...customExamples])) });
      }, 0);
    },
  };

  const teachClient = deps.teachClient ? lazyClient(deps.teachClient) : null;
  const fetchHead = async (name: string) => {
    const files = await deps.packHeads();
    return files.find((f) => (f as { id?: string }).id === name);
  };

  function App() {
    const state = useStore(store, (s) => s);
    return (
      <OptionsPage
        state={state}
        packRules={defaultRules}
        intents={intents}
        teach={
          teachClient && (
            <TeachByExample
              document={saved}
              client={teachClient}
              fetchHead={fetchHead}
              onSave={saveTeamDocument}
              locked={state.locked}
            />
          )
        }
      />
    );
  }

  const unwatch = [
    teamDocument.watch(() => void refresh()),
    previousTeamDocument.watch(() => void refresh()),
    policyRuleSet.watch(() => void refresh()),
    policyModels.watch(() => void refresh()),
    disabledRules.watch(() => void refresh()),
  ];
  await refresh();
  render(<App />, container);
  // The pack's heads come after the page has drawn; the panel is coached once they are here.
  void deps
    .packHeads()
    .then((files) => {
      packHeads = loadModels(files);
    })
    .catch(() => {})
    .finally(() => {
      linter = null;
      lintNow();
    });
  return {
    store,
    stop() {
      clearTimeout(timer);
      slices.cancel();
      unsubscribe();
      for (const u of unwatch) u();
      teachClient?.dispose();
      render(null, container);
    },
  };
}
