import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine';
import { maskForParse } from '../../src/engine/patterns';
import { defaultRuleSet } from '../../src/ruleset/default-pack';

// Offsets are UTF-16 code units of the text received, whatever surrounds the flagged words:
// emoji glued to a word, ZWJ sequences, flags, skin tones, right-to-left text, combining marks.
const noise = fc.constantFrom(
  '🙏',
  '🙏🙏🙏',
  '😢',
  '👩‍👩‍👧',
  '👍🏽',
  '🇬🇧',
  '❤️',
  'שלום',
  'مرحبا',
  'é',
  'e\u0301',
  'n\u0303o',
  '\u200d',
  '𝒜',
  ' ',
  'ok',
);
const glue = fc.array(noise, { maxLength: 4 }).map((parts) => parts.join(''));
// Glued right against a word, only what is not a letter (letters would make another word).
const symbols = fc
  .array(
    noise.filter((n) => !/\p{L}/u.test(n)),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));

// Sentences whose flagged words come from each kind of pattern: a compromise match, a regex
// with groups in its fix, a literal lead-in that a fix removes.
const cores = [
  { text: 'Our warehouse messed up the labels.', flag: 'Our warehouse messed up', rule: 'no-warehouse-blame' },
  {
    text: 'Hi Ravi, Northwind has advised that your sofa is late.',
    flag: 'Northwind has advised that',
    rule: 'no-blame-shifting',
  },
  { text: 'The courier lost your parcel.', flag: 'The courier lost', rule: 'no-blame-shifting' },
  { text: 'As I already said, the parcel ships on Monday.', flag: 'As I already said,', rule: 'no-condescension' },
];

const isLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const splitsPair = (text: string, at: number) =>
  at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at]!);

describe('offsets around astral characters and marks', () => {
  // The default pack plus a compromise pattern over words that sit right after the glue.
  const linter = createLinter({
    rules: [
      ...defaultRuleSet.rules,
      {
        id: 'no-warehouse-blame',
        level: 'warning',
        description: 'Disallow blaming the warehouse.',
        message: 'Own it.',
        why: 'The customer does not care which part of the company slipped.',
        check: { kind: 'phrase', patterns: ['(the|our) (warehouse|courier) (messed|lost) up?'] },
        fixes: ['we made a mistake with'],
      },
    ],
  });

  it('the mask used for parsing keeps every offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), glue, (s, g) => {
        const text = g + s + g;
        expect(maskForParse(text).length).toBe(text.length);
      }),
    );
  });

  it('flags the exact words, never splits a surrogate pair, and fixes leave the rest intact', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cores), glue, symbols, glue, (core, before, glued, after) => {
        // `glued` sits right against the first word, as in "🙏🙏🙏The courier lost it."
        const lead = before ? `${before}. ` : '';
        const text = `${lead}${glued}${core.text} ${after}`;
        const report = linter.lint(text, { channel: 'chat' });
        for (const f of report.findings) {
          expect(text.slice(f.start, f.end)).toBe(f.actual);
          expect(splitsPair(text, f.start) || splitsPair(text, f.end)).toBe(false);
          for (const fix of f.fixes) {
            expect(splitsPair(text, fix.start) || splitsPair(text, fix.end)).toBe(false);
            const fixed = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
            expect(isLoneSurrogate(fixed)).toBe(false);
          }
        }
        const flagged = report.findings.filter((f) => f.ruleId === core.rule);
        expect(flagged.map((f) => f.actual.toLowerCase())).toContain(core.flag.toLowerCase());
        const target = flagged.find((f) => f.actual.toLowerCase() === core.flag.toLowerCase())!;
        // Everything before the flagged sentence survives every fix untouched.
        // (What is glued to the sentence's first word belongs to that sentence.)
        const sentenceStart = lead.length;
        for (const fix of target.fixes) {
          const fixed = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
          expect(fixed.startsWith(text.slice(0, sentenceStart))).toBe(true);
          expect(fixed.endsWith(after)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the example from the report: emoji glued to the words', () => {
    const text = '🙏🙏🙏The courier lost it. 😢Sorry!';
    const f = linter.lint(text, { channel: 'chat' }).findings.find((x) => x.ruleId === 'no-blame-shifting')!;
    expect(f.actual).toBe('The courier lost');
    const fix = f.fixes[0]!;
    expect(text.slice(0, fix.start) + fix.text + text.slice(fix.end)).toBe('🙏🙏🙏We lost it. 😢Sorry!');
  });
});
