import type { Rule } from '../engine';
import { effectiveLevel } from './rules-list';

const BEGIN = '<!-- rules-table:begin (generated from rules/ by `npm run rules:readme`) -->';
const END = '<!-- rules-table:end -->';

/** The README's rules table, generated from the rule files; a rule turned off shows `off`. */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| \`${r.id}\` | ${effectiveLevel(r)} | ${(r.channels ?? ['email', 'chat']).join(', ')} | ${r.check.kind} | ${r.description.replace(/\|/g, '\\|')} |`,
    );
  return [BEGIN, '| rule | level | channels | check | what it does |', '|---|---|---|---|---|', ...rows, END].join(
    '\n',
  );
}

/** Replaces the generated table inside a README; throws when the markers are missing. */
export function replaceRulesTable(readme: string, table: string): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no rules-table markers');
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}
