// Bounded work on huge and hostile input (issue 12, items 1, 3, 6 and 8): guards, not timings. The
// limits are several times what the engine needs on a loaded 2-core machine; before the fixes each
// of these threw or ran for minutes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLinter,
  literalSource,
  PatternGroup,
  regexFromPattern,
  resumePoint,
  type RuleSet,
} from '../../src/engine';
import { MAX_PARSE_LENGTH, parseSentence, REGEX_WINDOW } from '../../src/engine/patterns';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { regexProblem } from '../../src/ruleset/schema';
import { builtInRegexes, rule, sampleRuleSet, withoutTimings } from './helpers';
import { mulberry32 } from '../../src/engine/model/learn';

const MB = 1_000_000;

// Words that reach every kind of check, compromise patterns included ("you must have entered").
const WORDS = (
  'the order refund parcel we you they sorry account delivery warehouse team system forgot lost help ' +
  'today call email policy department know find out cannot please thanks customer issue problem late ' +
  "broken courier invoice have has decided must entered unable can't calm down obviously"
).split(' ');

function words(bytes: number, seed = 7): string {
  const r = mulberry32(seed);
  const out: string[] = [];
  for (let n = 0; n < bytes; ) {
    const w = WORDS[Math.floor(r() * WORDS.length)]!;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

function jsonBlob(bytes: number): string {
  const r = mulberry32(9);
  const items: string[] = [];
  for (let i = 0, n = 2; n < bytes; i++) {
    const s = JSON.stringify({ id: i, name: `item ${i}`, note: `${WORDS[Math.floor(r() * WORDS.length)]} ok` });
    items.push(s);
    n += s.length + 1;
  }
  return `[${items.join(',')}]`.slice(0, bytes);
}

function prose(bytes: number): string {
  const r = mulberry32(11);
  const out: string[] = ['Hi Dana,\n'];
  for (let n = 0; n < bytes; ) {
    const s = `${words(40 + Math.floor(r() * 80), Math.floor(r() * 1e9)).replace(/^./, (c) => c.toUpperCase())}. `;
    out.push(s);
    n += s.length;
  }
  return out.join('').slice(0, bytes);
}

const email = { channel: 'email' as const, customerMessage: 'My parcel is late and the box was broken.' };

describe('huge input (item 1)', () => {
  it('reports 130,000 findings of one rule without overflowing the stack', () => {
    const report = createLinter(defaultRuleSet).lint('?? '.repeat(130_000), email);
    expect(report.findings.filter((f) => f.ruleId === 'no-shouting').length).toBe(130_000);
  }, 60_000);
});

describe('huge input (item 3): any 1 MB lints cold in bounded time', () => {
  const cases: Array<[string, () => string]> = [
    ['random words, no punctuation', () => words(MB)],
    ['a JSON blob (quote-heavy)', () => jsonBlob(MB)],
    ["'?? ' repeated", () => '?? '.repeat(MB / 3)],
    ['normal prose', () => prose(MB)],
    ['one 1 MB sentence of prose', () => prose(MB).replace(/[.!?\n]/g, ',')],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      expect(text.length).toBeGreaterThan(0.99 * MB);
      const report = createLinter(defaultRuleSet).lint(text, email);
      // Offsets still point at what was flagged (one expect: 333,333 would cost more than the lint).
      expect(report.findings.filter((f) => text.slice(f.start, f.end) !== f.actual)).toEqual([]);
    }, 20_000);
  }

  it('skips compromise in a sentence over the cap, and runs every cheaper check there', () => {
    const linter = createLinter(sampleRuleSet);
    const short = 'Sadly the cook forgot your order, so calm down.';
    const ids = (t: string) => linter.lint(t, { channel: 'chat' }).findings.map((f) => f.ruleId);
    expect(ids(short)).toEqual(['no-blame-shifting', 'no-condescension']);
    const long = `${'and then '.repeat(Math.ceil(MAX_PARSE_LENGTH / 9))}${short}`;
    expect(long.length).toBeGreaterThan(MAX_PARSE_LENGTH);
    // The literal phrase still matches; the compromise pattern is not run.
    expect(ids(long)).toEqual(['no-condescension']);
  });

  it("blanks writer's quotes in one pass (a 1 MB run of quoted words)", () => {
    const text = '"no" '.repeat(MB / 5);
    const report = createLinter(defaultRuleSet).lint(text, { channel: 'chat' });
    expect(report.timings?.sentences).toBe(1);
  }, 20_000);
});

// ---------------------------------------------------------------------------------------------
// Item 8: literal phrases in one automaton, exactly what the single alternation regex found.

/** How literal phrases were matched before the automaton: one alternation of every phrase. */
function regexHits(phrases: string[], text: string) {
  const re = new RegExp(phrases.map((p) => `(${literalSource(p)})`).join('|'), 'giu');
  const hits: Array<{ start: number; end: number; pattern: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let g = 1;
    while (m[g] === undefined) g++;
    hits.push({ start: m.index, end: m.index + m[0].length, pattern: g - 1 });
  }
  return hits;
}

const groupHits = (phrases: string[], text: string) =>
  new PatternGroup(phrases).find(text, text.toLowerCase(), () => parseSentence(text));

describe('literal phrases in one automaton (item 8)', () => {
  // Pieces chosen to meet every edge: case (ASCII, Greek, ß/ẞ, the Kelvin sign, long s, dotted
  // and dotless i), both apostrophes, whitespace of every kind, word boundaries, emoji.
  const piece = fc.constantFrom(
    'sorry',
    'Sorry',
    'SORRY',
    'not',
    'my',
    'department',
    "don't",
    'don’t',
    'DON’T',
    'I',
    'i',
    'ı',
    'İ',
    'ſorry',
    'K',
    'k',
    'straße',
    'STRAẞE',
    'Σας',
    'σας',
    'café',
    'CAFÉ',
    'e.g.',
    'a.m.',
    '-',
    "'",
    '’',
    '_',
    '9',
    '😀',
    'x',
    'y',
  );
  const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '', '', '', ',', '.', '(', '"');
  const phrase = fc
    .array(fc.tuple(piece, fc.constantFrom(' ', '  ', '\t', '')), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.map(([p, s]) => p + s).join(''))
    .filter((p) => p.trim() !== '' && !/[#()[\]{}|*+?!~@<>]/.test(p) && !/^\/.+\/[a-z]*$/s.test(p));
  const text = fc
    .array(fc.tuple(piece, space), { maxLength: 30 })
    .map((parts) => parts.map(([p, s]) => p + s).join(''));

  it('finds exactly what the alternation regex found: spans, order and which phrase', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 12 }), text, (phrases, t) => {
        expect(groupHits(phrases, t)).toEqual(regexHits(phrases, t));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('keeps the first listed phrase when two match at one place, even if shorter', () => {
    const t = 'Sorry about the delay, not my department.';
    for (const phrases of [
      ['sorry', 'sorry about the delay'],
      ['sorry about the delay', 'sorry'],
      ['my department', 'not my department', 'department'],
    ]) {
      expect(groupHits(phrases, t)).toEqual(regexHits(phrases, t));
    }
  });

  it('compiles 50,000 phrases and lints a sentence in well under a millisecond', () => {
    const r = mulberry32(3);
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'we', 'zu', 'pe', 'do'];
    const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => syllables[Math.floor(r() * 12)]).join('');
    const phrases = Array.from({ length: 50_000 }, (_, i) =>
      i % 3 === 0 ? `${word()} ${word()}` : i % 3 === 1 ? `we ${word()} it` : `${word()}’s ${word()}`,
    );
    phrases[31_337] = "you'll have to call them";
    const set: RuleSet = { rules: [rule('many', { kind: 'phrase', patterns: phrases })] };
    const linter = createLinter(set);
    const sentences = Array.from(
      { length: 2000 },
      (_, i) => `Sentence ${i}: we ${word()} it, and you’ll have to call them about the ${word()} today.`,
    );
    const t0 = performance.now();
    const report = linter.lint(sentences.join(' '), { channel: 'chat' });
    const perSentence = (performance.now() - t0) / sentences.length;
    expect(report.findings.filter((f) => f.actual === 'you’ll have to call them')).toHaveLength(2000);
    // Guard, not a benchmark: measured about 0.05 ms; one regex took 300 ms and more, or threw.
    expect(perSentence).toBeLessThan(5);
  }, 60_000);

  it('runs 50,000 compromise patterns by their required words, each parsed once', () => {
    const r = mulberry32(5);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => Array.from({ length: 6 }, () => letters[Math.floor(r() * 26)]).join('');
    const names = Array.from({ length: 50_000 }, word);
    const patterns = names.map((w) => `(the|our) ${w} (forgot|lost)`);
    const set: RuleSet = { rules: [rule('many', { kind: 'phrase', patterns })] };
    const linter = createLinter(set);
    const sentences = Array.from({ length: 200 }, (_, i) => `Sadly the ${names[i * 97]} forgot your order ${i}.`);
    const report = linter.lint(sentences.join(' '), { channel: 'chat' });
    expect(report.findings).toHaveLength(200);
    expect(report.findings[0]!.actual).toBe(`the ${names[0]} forgot`);
  }, 20_000);
});

// ---------------------------------------------------------------------------------------------
// Item 6, the last line of defence: what the regex safety check lets through (two repeats in a
// row, length³ at worst) is read in windows, and the lint keeps to a time budget.

describe('long texts: regexes read in windows', () => {
  /** What one scan of the whole text finds: the hits before windows. */
  function wholeScan(source: string, text: string) {
    const re = regexFromPattern(source);
    const hits: Array<{ start: number; end: number; pattern: number }> = [];
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else hits.push({ start: m.index, end: m.index + m[0].length, pattern: 0 });
    }
    return hits;
  }

  // Anchors, lookarounds, \b and a repeat that crosses the window edges.
  const TEAM_STYLE = [
    '/(?<![\\w’])(?:per|as per) (?:our|the) polic(?:y|ies)(?![\\w’])/i',
    '/^(?:hi|hello)\\b/i',
    '/\\b(?:thanks|thank you)[!.]*$/i',
    '/\\b[A-Z]{4,}\\b/',
    '/(?:sorry ){2,}/',
    '/[?!]{2,}/',
    '/\\bI (?:\\w+ ){0,3}sorry\\b/',
  ];
  const piece = fc.constantFrom(
    'sorry',
    'SORRY',
    'I',
    'per',
    'our',
    'policy',
    'hi',
    'thanks',
    'thank you',
    'the',
    'order',
    '!!',
    '?!',
    '.',
    'ALWAYS',
    'we',
    'can’t',
    'don’t',
    'you',
    'must',
    '😀',
  );
  const longText = fc
    .array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', ', ', '  ')), { minLength: 250, maxLength: 900 })
    .map((parts) => parts.map(([p, s]) => p + s).join(''));

  it('finds exactly what one scan of the whole text finds, for the built-in and team-style regexes', () => {
    const regexes = [...builtInRegexes(), ...TEAM_STYLE];
    fc.assert(
      fc.property(fc.constantFrom(...regexes), longText, (source, text) => {
        fc.pre(text.length > REGEX_WINDOW.length);
        const expected = wholeScan(source, text);
        // Windows promise exact hits up to one step long; tone patterns are far shorter.
        fc.pre(expected.every((h) => h.end - h.start <= REGEX_WINDOW.step));
        expect(groupHits([source], text)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('gives each window edge the context of the whole text, wherever the edge falls', () => {
    // A 49-character block repeated: window edges (400 apart) fall on every one of its offsets,
    // inside "ALWAYS", just after the "s" of "sper", right on "hi" (where ^ would match a window).
    const block = 'hi ALWAYS sper policy, thank you!? I am so sorry ';
    const text = block.repeat(500);
    for (const source of [...builtInRegexes(), ...TEAM_STYLE, '/(?<!s)per\\b/', '/^hi\\b/', '/thank you!?$/']) {
      expect([source, groupHits([source], text)]).toEqual([source, wholeScan(source, text)]);
    }
  });

  it('reads every window, to the last character', () => {
    const text = `${'x '.repeat(5000)}CALM DOWN`;
    expect(groupHits(['/\\b[A-Z]{4,}\\b/'], text).map((h) => text.slice(h.start, h.end))).toEqual(['CALM', 'DOWN']);
  });
});

describe('the time budget (item 6)', () => {
  // Two repeats in a row pass the safety check (cubic at worst); on a long run of "a" one scan
  // of 2,000 characters took 1.2 s and 4,000 took 9 s, so a 1 MB run would take days.
  const SLOW = '/.*a.*b/';
  const slowRule = rule('no-slow', { kind: 'phrase', patterns: [SLOW] });
  const slowSet: RuleSet = { rules: [...sampleRuleSet.rules, slowRule] };
  const opening = 'Hi Dana, sorry the courier lost it. Calm down, please. ';

  it('lets the slow pattern through the safety check: the budget is what bounds it', () => {
    expect(regexProblem('.*a.*b', '')).toBeNull();
  });

  it('stops at a sentence boundary, reports what it read and says how far it got', () => {
    const text = `${opening}${'a'.repeat(MB)}`;
    const t0 = performance.now();
    const report = createLinter(slowSet).lint(text, { channel: 'email', timeBudgetMs: 300 });
    // Guard, not a benchmark: the budget plus at most one window (≈0.2 s); without it, days.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(report.incomplete).toEqual({ checkedTo: opening.length, budgetMs: 300 });
    // The sentences read before the slow one still get their findings…
    expect(report.findings.map((f) => f.ruleId)).toContain('no-condescension');
    // …and the rules about the whole reply say nothing: the unread part might hold the closing.
    expect(report.findings.filter((f) => f.ruleId.startsWith('require-'))).toEqual([]);
    expect(report.findings.every((f) => f.end <= opening.length)).toBe(true);
  }, 30_000);

  it('never caches a sentence it did not finish: a later lint with time to spare reads it all', () => {
    const text = `${opening}${'a'.repeat(3000)}b. Thanks!`;
    const linter = createLinter(slowSet);
    expect(linter.lint(text, { channel: 'email', timeBudgetMs: 1 }).incomplete).toBeDefined();
    // The same text again (the incremental path reuses the last lint's sentences)…
    const again = linter.lint(text, { channel: 'email', timeBudgetMs: 120_000 });
    expect(again.incomplete).toBeUndefined();
    // …equals a cold lint with the same budget.
    const cold = createLinter(slowSet).lint(text, { channel: 'email', timeBudgetMs: 120_000 });
    expect(withoutTimings(again)).toEqual(withoutTimings(cold));
    expect(again.findings.map((f) => f.ruleId)).toContain('no-slow');
  }, 120_000);

  it("holds back the whole-reply rules when only the customer's message was left unread", () => {
    const needsSlow: RuleSet = {
      rules: [
        rule('no-condescension', { kind: 'phrase', patterns: ['calm down'] }),
        rule('require-apology', {
          kind: 'require',
          patterns: ['sorry'],
          zone: 'anywhere',
          insertAt: 'after-greeting',
          when: { customer: [SLOW] },
        }),
      ],
    };
    const report = createLinter(needsSlow).lint('Calm down, it is on its way.', {
      channel: 'chat',
      customerMessage: 'a'.repeat(MB),
      timeBudgetMs: 300,
    });
    expect(report.incomplete?.checkedTo).toBe('Calm down, it is on its way.'.length);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['no-condescension']);
  }, 30_000);

  it('reads on in slices: each lint given a tiny budget goes further, and the last equals a cold lint', () => {
    // How a page that lints on its own main thread uses the budget (resumePoint): slice after
    // slice, the linter's cache keeping what the earlier ones read.
    const text = prose(200_000);
    const linter = createLinter(defaultRuleSet);
    let previous: number | null = null;
    let slices = 0;
    let report = linter.lint(text, { ...email, timeBudgetMs: 5 });
    for (let next = resumePoint(report, previous); next !== null; next = resumePoint(report, previous)) {
      previous = next;
      slices++;
      report = linter.lint(text, { ...email, timeBudgetMs: 5 });
    }
    expect(slices).toBeGreaterThan(1);
    expect(report.incomplete).toBeUndefined();
    expect(withoutTimings(report)).toEqual(withoutTimings(createLinter(defaultRuleSet).lint(text, email)));
  }, 60_000);

  it('stops going on when a slice reads no further (one sentence outlasts the budget)', () => {
    expect(resumePoint({}, null)).toBeNull();
    expect(resumePoint({ incomplete: { checkedTo: 40 } }, null)).toBe(40);
    expect(resumePoint({ incomplete: { checkedTo: 90 } }, 40)).toBe(90);
    expect(resumePoint({ incomplete: { checkedTo: 90 } }, 90)).toBeNull();
  });

  it('gives an ordinary reply a complete report under the default budget', () => {
    const report = createLinter(defaultRuleSet).lint(prose(20_000), email);
    expect(report.incomplete).toBeUndefined();
  });
});
