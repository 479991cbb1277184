import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter, splitSentences, type LintOptions } from '../../src/engine';
import { resplit } from '../../src/engine/sentences';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { sampleRuleSet, withoutTimings } from './helpers';

// Sentences that exercise every check of the sample rule set, plus the structures the splitter
// and the document view care about (greetings, sign-offs, signatures, quoted lines, questions).
const SENTENCES = [
  'Hi Dana,',
  'The cook forgot your order.',
  'Our warehouse lost the parcel!',
  'It is not my department.',
  "I don’t know, but I'll find out.",
  "I don't know.",
  "You'll have to call them.",
  "We can't refund it.",
  'We are unable to ship today.',
  'Instead, we can send a voucher.',
  'Here is what I can do.',
  'Sorry about the delay.',
  'There was a delay with the courier.',
  'Your parcel is late.',
  'This is terrible, awful and horrible.',
  'You wrote "not my department" before.',
  'Is the parcel lost?',
  'Did our courier lose it?!',
  'As I already said, calm down!!',
  'Have a great day!',
  'Happy to help anytime.',
  'Kind regards,',
  'Best,',
  '^JS',
  'Joe Smith',
  '> It arrived broken and late.',
  'Mr. Smith paid 3.50 dollars, e.g. by card.',
  '😀 Thanks for writing!',
  'He said “it is broken.” We fixed it.',
  'Ok',
  // Hard-wrapped e-mail: a line that goes on in lower case on the next one.
  'we checked the order and',
  'it shipped on Monday.',
];
const JOINERS = [' ', '  ', '\n', '\n\n', '\r\n'];
const WORDS = [
  'No.',
  ' 5',
  'I.',
  'Mr.',
  'e.g.',
  '…',
  'late',
  'forgot',
  'department',
  'sorry',
  'ALL',
  "can't",
  'instead',
  'the',
  'awful',
  'know',
  'Hi',
  '?',
  '!!',
  '"',
  '’',
];
const CHARS = [...'abc XYZ.,!?\'"’\n-^>😀'];

const CUSTOMERS = [
  undefined,
  'My parcel arrived broken.',
  'No problem, take your time!',
  'Thanks, all good.',
  'It is late again.',
];
const optionsArb: fc.Arbitrary<LintOptions> = fc.record({
  channel: fc.constantFrom('email' as const, 'chat' as const),
  customerMessage: fc.constantFrom(...CUSTOMERS),
  customerName: fc.constantFrom(undefined, 'Dana'),
});

const draftArb = fc
  .array(fc.tuple(fc.constantFrom(...SENTENCES), fc.constantFrom(...JOINERS)), { minLength: 0, maxLength: 12 })
  .map((parts) => parts.map(([s, j]) => s + j).join(''));

type Edit =
  | { kind: 'insertChars'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replaceWord'; at: number; word: string }
  | { kind: 'paste'; at: number; sentence: string }
  | { kind: 'deleteLine'; line: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insertChars' as const),
    at: fc.nat(),
    text: fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('replaceWord' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), sentence: fc.constantFrom(...SENTENCES) }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
);

function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'deleteLine') {
    const lines = text.split('\n');
    if (lines.length === 0) return text;
    lines.splice(e.line % lines.length, 1);
    return lines.join('\n');
  }
  const at = e.at % (text.length + 1);
  switch (e.kind) {
    case 'insertChars':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'paste':
      return `${text.slice(0, at)} ${e.sentence} ${text.slice(at)}`;
    case 'replaceWord': {
      // Replace the word around `at` (or insert one when there is none).
      let s = at;
      let t = at;
      while (s > 0 && /\S/.test(text[s - 1]!)) s--;
      while (t < text.length && /\S/.test(text[t]!)) t++;
      return text.slice(0, s) + e.word + text.slice(t);
    }
  }
}

describe('incremental linting', () => {
  it('re-splitting around an edit gives exactly the segments of a full split', () => {
    fc.assert(
      fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (draft, edits) => {
        let text = draft;
        let segments = splitSentences(text);
        for (const edit of edits) {
          const next = applyEdit(text, edit);
          const { segments: again, reused } = resplit(text, segments, next);
          expect(again).toEqual(splitSentences(next));
          reused.forEach((r, k) => {
            if (r >= 0) expect(again[k]!.text).toBe(segments[r]!.text);
          });
          text = next;
          segments = again;
        }
      }),
      { numRuns: Number(process.env.TACTFUL_FC_RUNS ?? 200) },
    );
  });

  it('a long-lived linter reports exactly what a fresh linter reports, edit after edit', () => {
    const live = createLinter(sampleRuleSet);
    fc.assert(
      fc.property(
        draftArb,
        fc.array(fc.tuple(editArb, optionsArb), { minLength: 1, maxLength: 12 }),
        optionsArb,
        (draft, edits, first) => {
          const check = (text: string, options: LintOptions) => {
            const incremental = live.lint(text, options);
            const fresh = createLinter(sampleRuleSet).lint(text, options);
            expect(withoutTimings(incremental)).toEqual(withoutTimings(fresh));
            for (const f of incremental.findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
          };
          let text = draft;
          check(text, first);
          for (const [edit, options] of edits) {
            text = applyEdit(text, edit);
            check(text, options);
          }
        },
      ),
      { numRuns: Number(process.env.TACTFUL_FC_RUNS ?? 80) },
    );
  }, 120_000);

  it('the same holds for the default pack, whose learned checks score sentences and replies', () => {
    const live = createLinter(defaultRuleSet);
    fc.assert(
      fc.property(draftArb, fc.array(fc.tuple(editArb, optionsArb), { minLength: 1, maxLength: 8 }), (draft, edits) => {
        let text = draft;
        for (const [edit, options] of edits) {
          text = applyEdit(text, edit);
          const fresh = createLinter(defaultRuleSet).lint(text, options);
          expect(withoutTimings(live.lint(text, options))).toEqual(withoutTimings(fresh));
        }
      }),
      { numRuns: Number(process.env.TACTFUL_FC_RUNS ?? 25) },
    );
  }, 120_000);

  it('re-analyses only the touched sentence after a one-word edit in a long draft', () => {
    const linter = createLinter(sampleRuleSet);
    const sentences = Array.from({ length: 50 }, (_, i) =>
      i % 5 === 0 ? `Line ${i}: the cook forgot item ${i}.` : `Sentence ${i} says the parcel ${i} ships today.`,
    );
    const draft = sentences.join(' ');
    const options: LintOptions = { channel: 'email', customerMessage: 'It arrived late.' };
    const first = linter.lint(draft, options);
    expect(first.timings?.sentences).toBe(50);
    expect(first.timings?.analysed).toBe(50);

    // Same text again: nothing to analyse.
    expect(linter.lint(draft, options).timings?.analysed).toBe(0);

    const at = draft.indexOf('parcel 26');
    const edited = `${draft.slice(0, at)}package${draft.slice(at + 'parcel'.length)}`;
    const second = linter.lint(edited, options);
    expect(second.timings?.sentences).toBe(50);
    expect(second.timings?.analysed).toBeLessThanOrEqual(2);
    expect(withoutTimings(second)).toEqual(withoutTimings(createLinter(sampleRuleSet).lint(edited, options)));

    // Typing a word character by character in the middle touches one sentence each time.
    let text = edited;
    const pos = text.indexOf('Sentence 31 ') + 'Sentence 31 '.length;
    for (const [k, ch] of [...'really '].entries()) {
      text = text.slice(0, pos + k) + ch + text.slice(pos + k);
      expect(linter.lint(text, options).timings?.analysed).toBeLessThanOrEqual(2);
    }

    // An undo straight back to the previous text is served from the cache.
    expect(linter.lint(edited, options).timings?.analysed).toBeLessThanOrEqual(1);
  });
});
