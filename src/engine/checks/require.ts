import { finding, overlaps } from '../document';
import { insertionFix } from '../fixes';
import type { PatternGroup } from '../patterns';
import { parseSentence } from '../patterns';
import type { Finding } from '../types';
import type { CheckModule, Compiled, LintContext, ModelHeadLike } from './types';

export interface CompiledRequire extends Compiled<'require'> {
  required?: number;
  except?: number;
  customer?: PatternGroup;
  customerExcept?: PatternGroup;
  /** A learned head that reads the customer's message (require-apology: a complaint). */
  customerHead?: { head: ModelHeadLike; threshold: number };
  draft?: number;
}

/** Whether the customer's message shows the need: a pattern (not cancelled) or the head. */
function messageShowsNeed(cr: CompiledRequire, message: string, deadline: number): boolean {
  if (cr.customerHead && cr.customerHead.head.probability(message) >= cr.customerHead.threshold) return true;
  const lower = message.toLowerCase();
  let parsed: ReturnType<typeof parseSentence> | undefined;
  const parse = () => {
    parsed ??= parseSentence(message);
    return parsed;
  };
  const hits = cr.customer ? cr.customer.find(message, lower, parse, deadline) : [];
  const except = cr.customerExcept ? cr.customerExcept.find(message, lower, parse, deadline) : [];
  return hits.some((h) => !except.some((x) => overlaps(h, x)));
}

/** The require rule's finding when its piece is needed here and missing, else null. */
export function requireOutcome(cr: CompiledRequire, lint: LintContext): Finding | null {
  const { doc, facts } = lint;
  const c = cr.rule.check;
  const customer = doc.options.customerMessage?.trim();
  let needed = true;
  if (c.when) {
    needed = customer
      ? lint.customerNeeds(cr, (m, deadline) => messageShowsNeed(cr, m, deadline))
      : cr.draft !== undefined && doc.content.some((i) => facts[i]!.hits[cr.draft!]!.length > 0);
  }
  if (!needed || doc.words < (c.minWords ?? 0)) return null;

  const satisfied = doc.zone(c.zone).some((i) => {
    const hits = facts[i]!.hits[cr.required!]!;
    const except = cr.except === undefined ? [] : facts[i]!.hits[cr.except]!;
    return hits.some((h) => !except.some((x) => overlaps(h, x)));
  });
  if (satisfied) return null;
  const body = doc.body.length ? doc.body : doc.content;
  const anchorIndex = c.insertAt === 'start' || c.insertAt === 'after-greeting' ? body[0] : body[body.length - 1];
  const anchor = anchorIndex === undefined ? { start: 0, end: doc.text.length } : doc.segments[anchorIndex]!;
  const ctx = {
    text: doc.text,
    body: body.map((i) => doc.segments[i]!),
    hasSignature: doc.signature.length > 0,
    endsWithSignOff: body.length > 1 && facts[body[body.length - 1]!]!.signOff,
    options: doc.options,
  };
  // A require rule inserts whole sentences; only plain strings make sense there.
  const fixes = (cr.rule.fixes ?? []).flatMap((t) => (typeof t === 'string' ? [insertionFix(ctx, t, c.insertAt)] : []));
  return finding(cr.rule, anchor.start, anchor.end, doc.text.slice(anchor.start, anchor.end), fixes);
}

/** `require`: something must be in the opening, the closing or anywhere (when the need shows). */
export const require: CheckModule<'require', CompiledRequire> = {
  readsWholeReply: true,
  compile(rule, ctx) {
    const c = rule.check;
    const headName = c.when?.customerModel?.head;
    const head = headName ? ctx.modelHead(headName) : undefined;
    return {
      rule,
      required: ctx.sentencePatterns(c.patterns),
      except: ctx.sentencePatterns(c.unless),
      customer: ctx.messagePatterns(c.when?.customer),
      customerExcept: ctx.messagePatterns(c.when?.customerUnless),
      customerHead: head ? { head, threshold: c.when?.customerModel?.threshold ?? head.threshold } : undefined,
      draft: ctx.sentencePatterns(c.when?.draft),
    };
  },
  findings(cr, lint) {
    const f = lint.missing(cr.rule.id);
    return f ? [f] : [];
  },
};
