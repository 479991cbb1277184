import { describe, expect, it } from 'vitest';
import {
  createLinter,
  splitSentences,
  type Channel,
  type LintOptions,
  type Rule,
  type RuleSet,
} from '../../src/engine';
import { looksLikeSignature } from '../../src/engine/sentences';
import { applyFix, rule, sampleRuleSet } from './helpers';

const texts = (t: string) => splitSentences(t).map((s) => s.text);
const lintWith = (ruleSet: RuleSet, text: string, options: Partial<LintOptions> = {}) =>
  createLinter(ruleSet).lint(text, { channel: 'chat', ...options });
const ids = (ruleSet: RuleSet, text: string, options: Partial<LintOptions> = {}) =>
  lintWith(ruleSet, text, options).findings.map((f) => f.ruleId);
const only = (...keep: string[]): RuleSet => ({ rules: sampleRuleSet.rules.filter((r) => keep.includes(r.id)) });

describe('splitSentences', () => {
  it('splits on . ! ? and keeps offsets into the text', () => {
    const text = '  Thanks for writing. Is it broken? It works!  ';
    const segs = splitSentences(text);
    expect(segs.map((s) => s.text)).toEqual(['Thanks for writing.', 'Is it broken?', 'It works!']);
    for (const s of segs) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after abbreviations', () => {
    expect(texts('Use a browser, e.g. Chrome, to log in. Then retry.')).toEqual([
      'Use a browser, e.g. Chrome, to log in.',
      'Then retry.',
    ]);
    expect(texts('Mr. Smith will call you. Dr. Jones agrees.')).toEqual([
      'Mr. Smith will call you.',
      'Dr. Jones agrees.',
    ]);
    expect(texts('That is i.e. the newest one. Ok.')).toEqual(['That is i.e. the newest one.', 'Ok.']);
    expect(texts('Ask J. Smith about it. She knows.')).toEqual(['Ask J. Smith about it.', 'She knows.']);
  });

  it('does not split inside decimals, versions or domains', () => {
    expect(texts('The fee is 3.50 dollars. Version 2.1.4 fixes it.')).toEqual([
      'The fee is 3.50 dollars.',
      'Version 2.1.4 fixes it.',
    ]);
    expect(texts('Go to example.com to sign in. Done.')).toEqual(['Go to example.com to sign in.', 'Done.']);
  });

  it('treats a sentence-final "No." as the end of a sentence', () => {
    // "No" is in the abbreviation list for "No. 5"; a plain "No." answer must still end a sentence.
    expect(texts('Is there a fee? No. The exchange is free.')).toEqual([
      'Is there a fee?',
      'No.',
      'The exchange is free.',
    ]);
  });

  it('always ends a segment at a line break', () => {
    const text = 'Hi Dana,\n\nthe refund is done\nBest,\r\n^JS';
    const segs = splitSentences(text);
    expect(segs.map((s) => s.text)).toEqual(['Hi Dana,', 'the refund is done', 'Best,', '^JS']);
    for (const s of segs) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps "?!" and "..." runs together and includes closing quotes', () => {
    expect(texts('Really?! We will fix it... Soon.')).toEqual(['Really?!', 'We will fix it...', 'Soon.']);
    expect(texts('You said "it is broken." We fixed it.')).toEqual(['You said "it is broken."', 'We fixed it.']);
    expect(texts('He asked “is it late?” Then he left.')).toEqual(['He asked “is it late?”', 'Then he left.']);
    expect(texts('(It shipped.) Thanks!')).toEqual(['(It shipped.)', 'Thanks!']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});

describe('finding offsets', () => {
  const drafts = [
    'Hi Dana,\n\nSadly the cook forgot your order!! As I already said, it is not my department.\n^JS',
    '😀 Our warehouse lost it. We can’t refund it.\r\nI don’t know why.',
    'You\u00a0will have to wait.  Calm   down, please. This is terrible, awful and horrible service.',
    '> not my department (quoted)\nIt is not my department, sorry.',
  ];
  it.each(drafts)('text.slice(start, end) === actual for %j', (text) => {
    for (const channel of ['email', 'chat'] as Channel[]) {
      const report = lintWith(sampleRuleSet, text, { channel, customerMessage: 'It arrived late and broken.' });
      expect(report.findings.length).toBeGreaterThan(0);
      for (const f of report.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(f.start).toBeLessThanOrEqual(f.end);
        expect(text.slice(f.start, f.end)).toBe(f.actual);
      }
    }
  });

  it('points at the exact phrase after an emoji (UTF-16 offsets)', () => {
    const text = '😀😀 Well, the driver lost it.';
    const f = lintWith(only('no-blame-shifting'), text).findings;
    expect(f).toHaveLength(1);
    expect(f[0]!.actual).toBe('the driver lost');
    expect(f[0]!.start).toBe(text.indexOf('the driver'));
  });

  it('sorts findings by position', () => {
    const text = 'Calm down!! It is not my department. Our courier lost it.';
    const starts = lintWith(sampleRuleSet, text).findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('literal phrases', () => {
  const set = only('no-deflection');
  it('match any apostrophe', () => {
    for (const text of ["I don't know.", 'I don’t know.', 'i DON’T know.']) {
      const f = lintWith(set, text).findings;
      expect(f.map((x) => x.actual)).toEqual([text.slice(0, -1)]);
    }
  });
  it('match any run of whitespace', () => {
    const text = 'That is not   my\tdepartment.';
    expect(lintWith(set, text).findings.map((f) => f.actual)).toEqual(['not   my\tdepartment']);
    expect(lintWith(set, 'That is not\u00a0my department.').findings).toHaveLength(1);
  });
  it('match only whole words', () => {
    expect(ids(set, 'That is not my departments.')).toEqual([]);
    expect(ids(set, 'That is knot my department.')).toEqual([]);
    expect(ids(set, "I don't knowledge it.")).toEqual([]);
    expect(ids(set, '(not my department)')).toEqual(['no-deflection']);
  });
  it("use the pattern's own fixes, else the rule's, keeping the capital", () => {
    const a = lintWith(set, "You'll have to call them.").findings[0]!;
    expect(a.fixes.map((x) => x.text)).toEqual(["I'll call them for you"]);
    const b = lintWith(set, 'Not my department, sorry.').findings[0]!;
    expect(b.fixes.map((x) => x.text)).toEqual(["I'll find out for you"]);
    const c = lintWith(set, "Sorry, I don't know.").findings[0]!;
    expect(applyFix("Sorry, I don't know.", c.fixes[0]!)).toBe("Sorry, I'll find out for you.");
  });
  it('remove a lead-in with an empty fix and capitalise what follows', () => {
    const text = 'As I already said, the refund is done.';
    const f = lintWith(only('no-condescension'), text).findings[0]!;
    expect(applyFix(text, f.fixes[0]!)).toBe('The refund is done.');
    const mid = 'Thanks. Please calm down, we are on it.';
    const g = lintWith(only('no-condescension'), mid).findings[0]!;
    expect(applyFix(mid, g.fixes[0]!)).toBe('Thanks. Please we are on it.');
  });
});

describe('compromise patterns', () => {
  const set = only('no-blame-shifting');
  it('find spans with tags and alternatives', () => {
    const text = 'Sorry! The cook forgot your fries. Our warehouse lost the parcel too.';
    const f = lintWith(set, text).findings;
    expect(f.map((x) => x.actual)).toEqual(['The cook forgot', 'Our warehouse lost']);
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.actual);
    expect(f[0]!.fixes[0]!.text).toBe('We made a mistake');
  });
  it('do not match without the required words', () => {
    expect(ids(set, 'The cook made fresh fries.')).toEqual([]);
    expect(ids(set, 'We forgot the sauce.')).toEqual([]);
  });
});

describe('phrase context', () => {
  const set = only('no-deflection');
  it('does not flag a phrase inside a quoted passage of the sentence', () => {
    expect(ids(set, 'You wrote "not my department" in your mail, sorry.')).toEqual([]);
    expect(ids(set, 'You were told “not my department” and that was wrong.')).toEqual([]);
    expect(ids(set, "They said 'not my department' to you.")).toEqual([]);
    // The same sentence with the phrase outside the quotes is flagged.
    expect(ids(set, 'Not my department, I said "sorry".')).toEqual(['no-deflection']);
  });
  it('does not flag quoted lines of an earlier message', () => {
    expect(ids(set, '> That is not my department.\nWe will help.')).toEqual([]);
  });
  it('lets `unless` suppress the sentence', () => {
    expect(ids(set, "I don't know yet, but I'll find out.")).toEqual([]);
    expect(ids(set, "I don't know. I'll find out.")).toEqual(['no-deflection']);
  });
  it('skips questions when skipQuestions is set', () => {
    expect(ids(set, 'Is that not my department?')).toEqual([]);
    expect(ids(set, 'Is that not my department?”')).toEqual([]);
    expect(ids(set, 'That is not my department. Any questions?')).toEqual(['no-deflection']);
    const noSkip: RuleSet = { rules: [rule('no-x', { kind: 'phrase', patterns: ['not my department'] })] };
    expect(ids(noSkip, 'Is that not my department?')).toEqual(['no-x']);
  });
});

describe('pair', () => {
  const pair = (window: number | 'reply'): RuleSet => ({
    rules: [
      rule('no-cant', {
        kind: 'pair',
        patterns: ["we can't", 'unable to'],
        alternatives: ['instead', 'what I can do'],
        window,
      }),
    ],
  });
  it('is satisfied by an alternative in the same or a neighbouring sentence', () => {
    expect(ids(pair(0), "We can't refund it, but instead we can send a voucher.")).toEqual([]);
    expect(ids(pair(1), "We can't refund it. Instead, we send a voucher.")).toEqual([]);
    expect(ids(pair(1), "Here is what I can do. We can't refund it.")).toEqual([]);
  });
  it('flags when the alternative is outside the window', () => {
    const text = "We can't refund it. The parcel left today. It is blue. Instead, we send a voucher.";
    const f = lintWith(pair(1), text).findings;
    expect(f.map((x) => x.actual)).toEqual(["We can't"]);
    expect(ids(pair(2), text)).toEqual(['no-cant']);
    expect(ids(pair(3), text)).toEqual([]);
    expect(ids(pair(0), "We can't refund it. Instead, we send a voucher.")).toEqual(['no-cant']);
  });
  it("with window 'reply' looks anywhere in the reply", () => {
    const text = "We can't refund it. The parcel left today. It is blue. Instead, we send a voucher.";
    expect(ids(pair('reply'), text)).toEqual([]);
    expect(ids(pair('reply'), 'We are unable to refund it. Sorry.')).toEqual(['no-cant']);
  });
});

describe('require', () => {
  const greeting = only('require-greeting');
  const apology = only('require-apology');
  const closing = only('require-warm-closing');

  it('zone opening: the first sentence of the body', () => {
    expect(ids(greeting, 'Hi Dana,\nThe refund is done.', { channel: 'email' })).toEqual([]);
    expect(ids(greeting, 'The refund is done.\nHi Dana,', { channel: 'email' })).toEqual(['require-greeting']);
    const f = lintWith(greeting, 'The refund is done. It arrives Monday.', { channel: 'email' }).findings[0]!;
    // Anchored where the missing greeting belongs: the first sentence.
    expect(f.actual).toBe('The refund is done.');
  });

  it('zone closing: the end of the body and the signature', () => {
    const done = 'Hi Dana,\nThe refund is done. It arrives on Monday. Happy to help anytime.\n^JS';
    expect(ids(closing, done, { channel: 'email' })).toEqual([]);
    const early = 'Hi Dana,\nHappy to help anytime. The refund is done. It arrives on Monday. Write back soon.\n^JS';
    const f = lintWith(closing, early, { channel: 'email' }).findings;
    expect(f.map((x) => x.ruleId)).toEqual(['require-warm-closing']);
    expect(f[0]!.actual).toBe('Write back soon.');
  });

  it('zone anywhere, with `unless` not counting', () => {
    const set: RuleSet = {
      rules: [
        rule('require-thanks', {
          kind: 'require',
          patterns: ['thank'],
          zone: 'anywhere',
          unless: ['no thank'],
          insertAt: 'end',
        }),
      ],
    };
    expect(ids(set, 'The refund is done. Thank you for waiting. Bye.')).toEqual([]);
    expect(ids(set, 'The refund is done. We said no thank you to the courier.')).toEqual(['require-thanks']);
  });

  it('when.customer: only demanded when the customer reports a problem', () => {
    const draft = 'We shipped a new one today.';
    expect(ids(apology, draft, { customerMessage: 'My parcel arrived broken.' })).toEqual(['require-apology']);
    expect(
      ids(apology, 'Sorry! We shipped a new one today.', { customerMessage: 'My parcel arrived broken.' }),
    ).toEqual([]);
    expect(ids(apology, draft, { customerMessage: 'Thanks, it all worked out great!' })).toEqual([]);
    // A customer message decides, even when the draft mentions a delay.
    expect(ids(apology, 'There was a delay. We shipped it.', { customerMessage: 'Where is it? Thanks!' })).toEqual([]);
    // `unless` in the zone: "not sorry" is no apology.
    expect(ids(apology, 'We are not sorry. We shipped it.', { customerMessage: 'It came late.' })).toEqual([
      'require-apology',
    ]);
  });

  it('when.customerUnless: an overlapping match cancels the need', () => {
    expect(ids(apology, 'We shipped it today.', { customerMessage: 'No problem, take your time.' })).toEqual([]);
    expect(ids(apology, 'We shipped it today.', { customerMessage: 'No problem, but now it is broken.' })).toEqual([
      'require-apology',
    ]);
  });

  it('when.customerUnless: a match elsewhere in the message does not cancel a complaint', () => {
    const set: RuleSet = {
      rules: [
        rule('require-sorry', {
          kind: 'require',
          patterns: ['sorry'],
          zone: 'anywhere',
          insertAt: 'start',
          when: { customer: ['late'], customerUnless: ['not late'] },
        }),
      ],
    };
    expect(ids(set, 'Glad it reached you.', { customerMessage: 'It was late. Anyway it works now.' })).toEqual([
      'require-sorry',
    ]);
    expect(ids(set, 'Glad it reached you.', { customerMessage: 'It was not late at all, thank you!' })).toEqual([]);
  });

  it('when.draft: without a customer message the draft shows the need', () => {
    expect(ids(apology, 'There was a delay with your parcel.')).toEqual(['require-apology']);
    expect(ids(apology, 'Sorry, there was a delay with your parcel.')).toEqual([]);
    expect(ids(apology, 'Your parcel ships today.')).toEqual([]);
    expect(ids(apology, 'There was a delay with your parcel.', { customerMessage: '   ' })).toEqual([
      'require-apology',
    ]);
  });

  it('minWords leaves short drafts alone', () => {
    expect(ids(closing, 'Done!', { channel: 'email' })).toEqual([]);
    expect(ids(closing, 'The refund is done.', { channel: 'email' })).toEqual(['require-warm-closing']);
  });
});

describe('channels', () => {
  it('runs a rule only on its channels', () => {
    const text = 'The refund is done. It arrives Monday.';
    expect(ids(sampleRuleSet, text, { channel: 'email' })).toEqual(
      expect.arrayContaining(['require-greeting', 'require-warm-closing']),
    );
    expect(ids(sampleRuleSet, text, { channel: 'chat' })).not.toContain('require-greeting');
    expect(ids(sampleRuleSet, text, { channel: 'chat' })).not.toContain('require-warm-closing');
  });
  it('skips disabled rules', () => {
    const set: RuleSet = { rules: [rule('no-x', { kind: 'phrase', patterns: ['calm down'] }, { enabled: false })] };
    expect(ids(set, 'Calm down.')).toEqual([]);
    expect(createLinter(set).rules).toEqual([]);
  });
});

describe('insertion fixes', () => {
  const fixed = (set: RuleSet, ruleId: string, text: string, options: Partial<LintOptions>) => {
    const report = lintWith(set, text, options);
    const f = report.findings.find((x) => x.ruleId === ruleId);
    expect(f, `${ruleId} should flag ${JSON.stringify(text)}`).toBeDefined();
    expect(f!.fixes).toHaveLength(1);
    const fix = f!.fixes[0]!;
    expect(fix.start).toBe(fix.end);
    const out = applyFix(text, fix);
    // Applying the fix satisfies the rule.
    expect(lintWith(set, out, options).findings.filter((x) => x.ruleId === ruleId)).toEqual([]);
    return out;
  };

  it('insertAt start puts the greeting on its own line, with the customer name', () => {
    const set = only('require-greeting');
    expect(
      fixed(set, 'require-greeting', 'Thanks for writing. The refund is done.', {
        channel: 'email',
        customerName: 'Dana',
      }),
    ).toBe('Hi Dana,\n\nThanks for writing. The refund is done.');
    expect(fixed(set, 'require-greeting', 'The refund is done.', { channel: 'email' })).toBe(
      'Hi there,\n\nThe refund is done.',
    );
    expect(fixed(set, 'require-greeting', '\n\nThe refund is done.', { channel: 'email', customerName: ' Sam ' })).toBe(
      '\n\nHi Sam,\n\nThe refund is done.',
    );
  });

  it('insertAt after-greeting goes after a greeting line, else at the start', () => {
    const set = only('require-apology');
    expect(
      fixed(set, 'require-apology', 'Hi Dana,\n\nYour parcel is late. It ships today.', { channel: 'email' }),
    ).toBe("Hi Dana,\n\nI'm sorry about that. Your parcel is late. It ships today.");
    expect(fixed(set, 'require-apology', 'Your parcel is late. It ships today.', { channel: 'chat' })).toBe(
      "I'm sorry about that. Your parcel is late. It ships today.",
    );
  });

  it('insertAt before-closing goes before a sign-off line', () => {
    const set = only('require-warm-closing');
    expect(
      fixed(set, 'require-warm-closing', 'Hi Dana,\n\nThe refund is done today.\n\nKind regards,\nJoe Smith', {
        channel: 'email',
      }),
    ).toBe('Hi Dana,\n\nThe refund is done today.\n\nHave a great day!\n\nKind regards,\nJoe Smith');
    expect(
      fixed(set, 'require-warm-closing', 'Hi Dana,\n\nThe refund is done today.\n\nBest,\nJS', { channel: 'email' }),
    ).toBe('Hi Dana,\n\nThe refund is done today.\n\nHave a great day!\n\nBest,\nJS');
  });

  it('insertAt before-closing without a sign-off, and insertAt end, append after the body', () => {
    const set = only('require-warm-closing');
    expect(fixed(set, 'require-warm-closing', 'Hi Dana,\n\nThe refund is done today.\n^JS', { channel: 'email' })).toBe(
      'Hi Dana,\n\nThe refund is done today.\n\nHave a great day!\n^JS',
    );
    const end: RuleSet = {
      rules: [
        rule(
          'require-offer',
          { kind: 'require', patterns: ['let me know'], zone: 'closing', insertAt: 'end' },
          { fixes: ['Let me know if I can help.'] },
        ),
      ],
    };
    expect(fixed(end, 'require-offer', 'The refund is done today.', { channel: 'chat' })).toBe(
      'The refund is done today. Let me know if I can help.',
    );
    expect(fixed(end, 'require-offer', 'Hi Dana,\n\nThe refund is done today.', { channel: 'email' })).toBe(
      'Hi Dana,\n\nThe refund is done today.\n\nLet me know if I can help.',
    );
  });

  it('fills {name} in replacement fixes too', () => {
    const set: RuleSet = {
      rules: [rule('no-hey', { kind: 'phrase', patterns: ['hey you'] }, { fixes: ['Hi {name}'] })],
    };
    const text = 'Hey you, the refund is done.';
    const f = lintWith(set, text, { customerName: 'Dana' }).findings[0]!;
    expect(applyFix(text, f.fixes[0]!)).toBe('Hi Dana, the refund is done.');
    const g = lintWith(set, text).findings[0]!;
    expect(applyFix(text, g.fixes[0]!)).toBe('Hi there, the refund is done.');
  });
});

describe('sentiment', () => {
  const set = only('no-negative-tone');
  it('flags clearly negative sentences but not questions or neutral words', () => {
    const text = 'Thanks for writing. This is terrible and awful. Sorry, sorry, sorry about that.';
    const f = lintWith(set, text).findings;
    expect(f.map((x) => x.actual)).toEqual(['This is terrible and awful.']);
    expect(ids(set, 'Is this terrible and awful?')).toEqual([]);
  });
  it('reports the sentiment of the reply', () => {
    const r = lintWith(set, 'This is great. Really good.');
    expect(r.sentiment.score).toBeGreaterThan(0);
    expect(r.sentiment.comparative).toBeCloseTo(r.sentiment.score / 5);
    expect(lintWith(set, '').sentiment).toEqual({ score: 0, comparative: 0 });
  });
  it("keeps each rule set's neutral words to itself: one linter never changes another's scores", () => {
    const neutralSorry: RuleSet = {
      rules: [rule('no-negative-tone', { kind: 'sentiment', threshold: -3, neutralWords: ['sorry', 'problem'] })],
    };
    const plain: RuleSet = { rules: [rule('no-negative-tone', { kind: 'sentiment', threshold: -3 })] };
    const text = 'I am sorry about the problem.';
    const before = createLinter(plain).lint(text, { channel: 'chat' }).sentiment.score;
    expect(before).toBeLessThan(0);
    expect(createLinter(neutralSorry).lint(text, { channel: 'chat' }).sentiment.score).toBe(0);
    // The set without neutral words, built after the one with them, scores as before.
    expect(createLinter(plain).lint(text, { channel: 'chat' }).sentiment.score).toBe(before);
  });
});

describe('sentiment: misplaced praise', () => {
  const apology = (extra: Partial<Rule> = {}) =>
    rule(
      'require-apology',
      {
        kind: 'require',
        patterns: ['sorry'],
        zone: 'anywhere',
        insertAt: 'start',
        when: { customer: ['broken', 'late'], draft: ['the delay'] },
      },
      extra,
    );
  const tone = rule('no-tone', {
    kind: 'sentiment',
    threshold: -4,
    misplacedPraise: {
      patterns: ['your kind words', 'glad you enjoyed'],
      whenMissing: 'require-apology',
      message: 'praise for a complaint',
    },
  });
  const praise = 'Thank you for your kind words. We are glad you enjoyed it.';
  const found = (rules: Rule[], text: string, customerMessage?: string, channel: Channel = 'email') =>
    createLinter({ rules })
      .lint(text, { customerMessage, channel })
      .findings.filter((f) => f.ruleId === 'no-tone');

  it('flags praise-thanks answering a complaint, at the phrase, with its own message', () => {
    const f = found([tone, apology()], praise, 'It arrived broken.');
    expect(f.map((x) => x.actual)).toEqual(['your kind words', 'glad you enjoyed']);
    expect(f.every((x) => x.message === 'praise for a complaint')).toBe(true);
    expect(f[0]!.start).toBe(praise.indexOf('your kind words'));
  });

  it('leaves it alone for a happy customer, or when the reply apologises', () => {
    expect(found([tone, apology()], praise, 'Lovely stay, thank you!')).toEqual([]);
    expect(found([tone, apology()], `Sorry it broke. ${praise}`, 'It arrived broken.')).toEqual([]);
  });

  it("without a customer message, follows the require rule's reading of the draft", () => {
    expect(found([tone, apology()], `About the delay: ${praise}`)).toHaveLength(2);
    expect(found([tone, apology()], praise)).toEqual([]);
  });

  it('consults the require rule even when it is switched off, without reporting it', () => {
    const linter = createLinter({ rules: [tone, apology({ enabled: false })] });
    const r = linter.lint(praise, { customerMessage: 'It was late.', channel: 'email' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['no-tone', 'no-tone']);
  });

  it("follows the require rule's channels, and is inert when that rule is not in the set", () => {
    expect(found([tone, apology({ channels: ['email'] })], praise, 'It arrived broken.', 'chat')).toEqual([]);
    expect(found([tone], praise, 'It arrived broken.')).toEqual([]);
  });

  it('settles the require rule once: its own finding is unchanged by being consulted', () => {
    const alone = createLinter({ rules: [apology()] }).lint(praise, {
      customerMessage: 'Late again.',
      channel: 'email',
    });
    const both = createLinter({ rules: [apology(), tone] }).lint(praise, {
      customerMessage: 'Late again.',
      channel: 'email',
    });
    expect(both.findings.filter((f) => f.ruleId === 'require-apology')).toEqual(alone.findings);
  });
});

describe('score', () => {
  it('is 100 without findings and decreases with findings', () => {
    const set = only('no-deflection', 'no-condescension');
    const none = lintWith(set, 'The refund is done.').score;
    const one = lintWith(set, 'It is not my department.').score;
    const two = lintWith(set, 'Calm down. It is not my department.').score;
    expect(none).toBe(100);
    expect(one).toBeLessThan(none);
    expect(two).toBeLessThan(one);
  });
  it('weighs levels: error costs more than warning, warning more than info', () => {
    const at = (level: 'info' | 'warning' | 'error') =>
      lintWith({ rules: [rule('no-x', { kind: 'phrase', patterns: ['calm down'] }, { level })] }, 'Calm down.').score;
    expect(at('error')).toBeLessThan(at('warning'));
    expect(at('warning')).toBeLessThan(at('info'));
    expect(at('info')).toBeLessThan(100);
  });
  it('stays within 0..100', () => {
    const many: RuleSet = {
      rules: Array.from({ length: 20 }, (_, i) =>
        rule(`no-x${i}`, { kind: 'phrase', patterns: ['calm down'] }, { level: 'error' }),
      ),
    };
    const r = lintWith(many, 'Calm down. Calm down. Calm down.');
    expect(r.findings.length).toBe(60);
    expect(r.score).toBe(0);
    for (const text of ['', 'ok', 'Calm down!!!', 'We can’t. The cook forgot. This is awful, terrible and horrible.']) {
      const s = lintWith(sampleRuleSet, text, { channel: 'email' }).score;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
  });
});

describe('reading replies as people write them', () => {
  it('joins a hard-wrapped line that goes on in lower case, and keeps real line breaks', () => {
    const parts = splitSentences('Hi Dana,\nI checked your order and\nit shipped on Monday.\nThanks for waiting.').map(
      (s) => s.text,
    );
    expect(parts).toEqual(['Hi Dana,', 'I checked your order and\nit shipped on Monday.', 'Thanks for waiting.']);
  });

  it('takes a signature line that ends in a period for a signature, not for the closing line', () => {
    expect(looksLikeSignature('The Brightwave Team.')).toBe(true);
    expect(looksLikeSignature('Customer Care Team.')).toBe(true);
    expect(looksLikeSignature('Thanks.')).toBe(false);
    expect(looksLikeSignature('Your parcel ships today.')).toBe(false);
  });
});
