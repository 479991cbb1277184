// Profiles only the one-word-edit loop (not the import nor the first lint), to see where a
// keystroke's time goes:
//   npm run build:cli && node tests/bench/profile-edit.mjs [words] [runs] [middle|parsed|undo] [out.cpuprofile]
//   node tests/bench/summarise-profile.mjs /tmp/tactful-edit.cpuprofile 25 --lines lint,phraseFindings,splitSentences
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { CUSTOMER_MESSAGE, makeDraft, middleEdit, parsedEdit } from './drafts.mjs';

const { createLinter, defaultRuleSet } = await import(new URL('../../dist/cli/tactful.mjs', import.meta.url).href);
const words = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3000);
const kind = process.argv[4] ?? 'middle';
const out = process.argv[5] ?? '/tmp/tactful-edit.cpuprofile';
const options = { channel: 'email', customerMessage: CUSTOMER_MESSAGE };

const draft = makeDraft(words);
const edit = kind === 'parsed' ? parsedEdit(draft) : middleEdit(draft);
const base = edit.base ?? draft;
const textAt = kind === 'undo' ? (k) => edit.text(k % 2) : edit.text;

const linter = createLinter(defaultRuleSet);
linter.lint(base, options);
for (let k = 1; k <= 50; k++) linter.lint(textAt(k), options);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t = performance.now();
for (let k = 51; k < 51 + runs; k++) linter.lint(textAt(k), options);
const each = (performance.now() - t) / runs;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
writeFileSync(out, JSON.stringify(profile));
console.log(`${runs} ${kind} edits at ${words} words: ${each.toFixed(3)} ms each (profiler on); profile in ${out}`);
