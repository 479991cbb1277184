// The architecture of DESIGN.md as a test: every import edge under src/ is read from the syntax
// tree (TypeScript's parser, so comments and strings never count) and checked against the rules.
import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One import (or `browser.` use) found in a file. */
interface Edge {
  specifier: string;
  /** Repo-relative path the specifier points at, for relative and `@/`-style aliased ones. */
  resolved: string | null;
  /** `import type …` / `export type … from`: erased at build time. */
  typeOnly: boolean;
  /** Names imported from the module (when named imports are used). */
  names: string[];
}

interface Violation {
  file: string;
  edge: string;
  rule: string;
}

// WXT's aliases (see .wxt/tsconfig.json): all point at the project root.
const ALIASES = ['@@/', '~~/', '@/', '~/'];

function resolve(file: string, specifier: string): string | null {
  if (specifier.startsWith('./') || specifier.startsWith('../'))
    return posix.normalize(posix.join(posix.dirname(file), specifier));
  for (const alias of ALIASES) if (specifier.startsWith(alias)) return posix.normalize(specifier.slice(alias.length));
  return null;
}

/** Reads the import edges and the `browser.` uses of one source file. */
export function scan(file: string, content: string): { edges: Edge[]; browserUses: number } {
  const kind = file.endsWith('x')
    ? ts.ScriptKind.TSX
    : file.endsWith('.js') || file.endsWith('.mjs')
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, kind);
  const edges: Edge[] = [];
  let browserUses = 0;
  const add = (node: ts.Node | undefined, typeOnly = false, names: string[] = []) => {
    if (node && ts.isStringLiteralLike(node))
      edges.push({ specifier: node.text, resolved: resolve(file, node.text), typeOnly, names });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
      add(node.moduleSpecifier, clause?.isTypeOnly ?? false, names);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      // import.meta.glob('…') pulls files in as modules too.
      const isGlob =
        ts.isPropertyAccessExpression(callee) &&
        ts.isMetaProperty(callee.expression) &&
        callee.name.text.startsWith('glob');
      if (isDynamicImport || isRequire) add(node.arguments[0]);
      if (isGlob) {
        const arg = node.arguments[0];
        if (arg && ts.isArrayLiteralExpression(arg)) for (const e of arg.elements) add(e);
        else add(arg);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'browser'
    ) {
      browserUses++;
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'browser'
    ) {
      browserUses++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { edges, browserUses };
}

const under = (path: string | null, dir: string) => path !== null && (path === dir || path.startsWith(`${dir}/`));

/** Checks one file (repo-relative posix path) against the architecture rules. */
export function checkSource(file: string, content: string): Violation[] {
  const out: Violation[] = [];
  const { edges, browserUses } = scan(file, content);
  const flag = (edge: string, rule: string) => out.push({ file, edge, rule });
  if (under(file, 'entrypoints')) {
    // Each entry point is its own bundle (page, worker, content script): sharing goes through src/.
    const own = file.split('/').slice(0, 2).join('/');
    for (const e of edges) {
      if (under(e.resolved, 'entrypoints') && !under(e.resolved, own))
        flag(e.specifier, 'an entry point imports no other entry point (share through src/)');
      if (under(e.resolved, 'tests')) flag(e.specifier, 'nothing under entrypoints/ imports tests/');
    }
    return out;
  }
  if (!under(file, 'src')) return out;
  for (const e of edges) {
    const target = e.resolved ?? e.specifier;
    if (under(target, 'entrypoints') || under(target, 'tests'))
      flag(e.specifier, 'nothing under src/ imports entrypoints/ or tests/');
    if (under(file, 'src/engine')) {
      const allowed =
        e.specifier.startsWith('compromise/') ||
        e.specifier === 'sentiment' ||
        // Its English table, read (never changed) to give a rule set's neutral words their own copy.
        e.specifier === 'sentiment/languages/en/index.js' ||
        (e.resolved !== null && under(e.resolved, 'src/engine'));
      if (!allowed)
        flag(
          e.specifier,
          "src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
        );
    }
    if (under(file, 'src/ui')) {
      if (
        e.specifier === 'wxt/browser' ||
        e.specifier.startsWith('wxt/browser/') ||
        e.specifier === '@wxt-dev/browser'
      ) {
        flag(e.specifier, 'src/ui never touches browser.*');
      }
      if (e.specifier === '#imports' && e.names.includes('browser'))
        flag(e.specifier, 'src/ui never touches browser.*');
      // A type-only import is erased at build: the UI may name the engine's types (Finding).
      if (under(e.resolved, 'src/engine') && !e.typeOnly) flag(e.specifier, 'src/ui never imports the engine');
    }
    if (under(file, 'src/host')) {
      if (e.specifier === 'preact' || e.specifier.startsWith('preact/') || e.specifier.startsWith('@preact/')) {
        flag(e.specifier, 'src/host never imports preact');
      }
    }
  }
  if (under(file, 'src/ui') && browserUses > 0) flag('browser.', 'src/ui never touches browser.*');
  return out;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return (readdirSync(posix.join(root, dir), { recursive: true }) as string[])
    .map((f) => posix.join(dir, f.split('\\').join('/')))
    .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'))
    .sort();
}

describe('architecture of src/ and entrypoints/', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('entrypoints')];

  it('has no forbidden import edge', () => {
    const violations = files.flatMap((f) => checkSource(f, readFileSync(posix.join(root, f), 'utf8')));
    expect(violations).toEqual([]);
  });

  it('really reads the files (sanity check of the scanner on the engine)', () => {
    expect(files.filter((f) => f.startsWith('src/engine/')).length).toBeGreaterThan(0);
    const linter = scan('src/engine/linter.ts', readFileSync(posix.join(root, 'src/engine/linter.ts'), 'utf8'));
    expect(linter.edges.map((e) => e.specifier)).toContain('sentiment');
    expect(linter.edges.find((e) => e.specifier === './patterns')?.resolved).toBe('src/engine/patterns');
  });
});

// ---- entrypoints/ -------------------------------------------------------------------------

/** The file a resolved specifier names (`x` → `x.ts`, `x.tsx`, `x/index.ts`), or null. */
function fileOf(resolved: string): string | null {
  const candidates = [resolved, `${resolved}.ts`, `${resolved}.tsx`, `${resolved}/index.ts`, `${resolved}/index.tsx`];
  for (const c of candidates) {
    try {
      if (SOURCE.test(c) || c.endsWith('.css')) {
        readFileSync(posix.join(root, c));
        return c;
      }
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * Every module the built script evaluates, starting at `entry`: runtime imports only (a type-only
 * import is erased), followed through src/; packages are listed by name.
 */
export function runtimeClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!SOURCE.test(file)) continue;
    for (const e of scan(file, readFileSync(posix.join(root, file), 'utf8')).edges) {
      if (e.typeOnly) continue;
      const spec = e.specifier.replace(/\?.*$/, '');
      if (e.resolved === null) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = fileOf(e.resolved.replace(/\?.*$/, ''));
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

describe('what runs in pages (entrypoints/content/ and entrypoints/coach/)', () => {
  // The loader ships to every page the agent opens, the coach to every page where the agent
  // writes: the engine, the rule pack and their libraries stay in the background (one engine per
  // browser), and only types of them may be named here.
  const loader = runtimeClosure('entrypoints/content/index.ts');
  const { files, packages } = runtimeClosure('entrypoints/coach/index.ts');

  it('evaluates no part of the engine or the rule pack in the page', () => {
    for (const closure of [loader, { files, packages }]) {
      const heavy = [...closure.files].filter(
        (f) => (under(f, 'src/engine') && f !== 'src/engine/score.ts') || under(f, 'src/ruleset') || under(f, 'rules'),
      );
      expect(heavy).toEqual([]);
      const heavyPackages = ['compromise', 'sentiment', 'yaml', 'zod'].filter((p) => closure.packages.has(p));
      expect(heavyPackages).toEqual([]);
    }
  });

  it('keeps the loader free of the coach and its UI', () => {
    expect([...loader.files].filter((f) => under(f, 'entrypoints/coach') || under(f, 'src/ui'))).toEqual([]);
    expect(loader.packages.has('preact')).toBe(false);
  });

  it('really follows the imports (sanity check of the closure)', () => {
    expect(files).toContain('entrypoints/coach/controller.ts');
    expect(files).toContain('src/host/sites/gmail.ts');
    expect(files).toContain('src/messaging/engine-client.ts');
    expect(packages).toContain('preact');
    // The background does run the engine: the same walk finds it there.
    const background = runtimeClosure('entrypoints/background/index.ts');
    expect(background.files).toContain('src/engine/linter.ts');
    expect(background.packages).toContain('compromise');
  });
});

describe('the checker', () => {
  it('keeps entry points apart', () => {
    const bad = `
      import { guard } from '../content/guard';
      import { PageCoach } from './controller';
      import { rule } from '../../tests/unit/helpers';
    `;
    expect(checkSource('entrypoints/popup/app.tsx', bad).map((v) => v.edge)).toEqual([
      '../content/guard',
      '../../tests/unit/helpers',
    ]);
  });

  const rulesOf = (file: string, content: string) => checkSource(file, content).map((v) => `${v.edge} | ${v.rule}`);

  it('accepts what the engine may import', () => {
    const ok = `
      import nlp from 'compromise/two';
      import Sentiment from 'sentiment';
      import english from 'sentiment/languages/en/index.js';
      import { splitSentences } from './sentences';
      import type { Rule } from '../engine/types';
      export * from './patterns';
      // import { h } from 'preact';  (a comment is not an import)
      const s = "import x from 'zustand'";
    `;
    expect(rulesOf('src/engine/new.ts', ok)).toEqual([]);
  });

  it('rejects every other import from the engine, static, dynamic, re-export, require or type', () => {
    const bad = `
      import nlp from 'compromise';
      import { create } from 'zustand';
      import { parseRuleFile } from '../ruleset';
      import { readFileSync } from 'node:fs';
      export { x } from '../ui/card';
      const p = await import('preact');
      const y = require('yaml');
      import type { Settings } from '@/src/settings/types';
    `;
    expect(rulesOf('src/engine/new.ts', bad)).toEqual([
      "compromise | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "zustand | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "../ruleset | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "node:fs | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "../ui/card | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "preact | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "yaml | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
      "@/src/settings/types | src/engine imports only 'compromise/…', 'sentiment' (and its English table) and its own files",
    ]);
  });

  it('rejects imports of entrypoints/ and tests/ from anywhere in src/', () => {
    const bad = `
      import { handler } from '../../entrypoints/background';
      import { rule } from '~/tests/unit/helpers';
      const popup = () => import('@/entrypoints/popup/App');
      const rules = import.meta.glob('../../tests/fixtures/*.yml');
      import { ok } from '../ruleset';
      import entry from 'my-entrypoints-lib';
    `;
    expect(rulesOf('src/settings/store.ts', bad)).toEqual([
      '../../entrypoints/background | nothing under src/ imports entrypoints/ or tests/',
      '~/tests/unit/helpers | nothing under src/ imports entrypoints/ or tests/',
      '@/entrypoints/popup/App | nothing under src/ imports entrypoints/ or tests/',
      '../../tests/fixtures/*.yml | nothing under src/ imports entrypoints/ or tests/',
    ]);
  });

  it('rejects browser.* and the engine in src/ui', () => {
    const bad = `
      import { browser } from 'wxt/browser';
      import { createLinter } from '../engine';
      import { splitSentences, type Segment } from '../../src/engine/sentences';
      export function Card() {
        browser.runtime.sendMessage({ type: 'fix' });
        return <div>{browser['i18n'].getMessage('x')}</div>;
      }
    `;
    expect(rulesOf('src/ui/Card.tsx', bad)).toEqual([
      'wxt/browser | src/ui never touches browser.*',
      '../engine | src/ui never imports the engine',
      '../../src/engine/sentences | src/ui never imports the engine',
      'browser. | src/ui never touches browser.*',
    ]);
    expect(rulesOf('src/ui/Popup.tsx', `import { browser, storage } from '#imports';`)).toEqual([
      '#imports | src/ui never touches browser.*',
    ]);
  });

  it('lets src/ui name the engine types and mention browser in comments and strings', () => {
    const ok = `
      import type { Finding } from '../engine';
      import { useState } from 'preact/hooks';
      // never call browser.runtime here: send an intent instead
      const hint = 'browser.runtime is not for components';
      export function Badge(props: { findings: Finding[]; browser: string }) {
        return <span title={props.browser}>{props.findings.length}</span>;
      }
    `;
    expect(rulesOf('src/ui/Badge.tsx', ok)).toEqual([]);
  });

  it('rejects preact in src/host but lets it use the engine', () => {
    const bad = `
      import { h, render } from 'preact';
      import { useEffect } from 'preact/hooks';
      import { createLinter } from '../engine';
    `;
    expect(rulesOf('src/host/gmail.ts', bad)).toEqual([
      'preact | src/host never imports preact',
      'preact/hooks | src/host never imports preact',
    ]);
  });

  it('makes the tree test fail on a violating file', () => {
    // The same check the tree test runs, on a fake file placed in the engine.
    const violations = checkSource('src/engine/dom.ts', `import { render } from 'preact';\nexport const x = render;\n`);
    expect(() => expect(violations).toEqual([])).toThrow();
  });
});
