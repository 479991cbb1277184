// Rewrites the rules table in README.md from rules/ (run by `npm run rules:readme`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { defaultRuleSet, rulesTable, replaceRulesTable } = await import('../../dist/cli/tactful.mjs');
const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
writeFileSync(readme, replaceRulesTable(readFileSync(readme, 'utf8'), rulesTable(defaultRuleSet.rules)));
console.log('README.md rules table updated');
