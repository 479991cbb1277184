// Deterministic customer-service e-mail drafts for the benchmark.
// Sentences are templates with slots, so a long draft is made of mostly distinct sentences
// (the linter caches per sentence text: repeated sentences would be analysed only once and
// flatter the cold figures).

/** mulberry32: a small seeded PRNG, so every run lints the same text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLOTS = {
  name: ['Dana', 'Marco', 'Priya', 'Tom', 'Aisha', 'Lena', 'Kofi', 'Sofia', 'Hiro', 'Grace'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  month: ['March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'],
  product: [
    'blender',
    'coffee grinder',
    'desk lamp',
    'rain jacket',
    'router',
    'phone case',
    'kettle',
    'office chair',
    'backpack',
    'monitor stand',
    'air purifier',
    'yoga mat',
  ],
  carrier: ['UPS', 'DHL', 'the courier', 'FedEx', 'the postal service', 'our delivery partner'],
  city: ['Leeds', 'Rotterdam', 'Austin', 'Lyon', 'Toronto', 'Porto', 'Dublin', 'Denver'],
  colour: ['black', 'navy', 'sage green', 'white', 'charcoal', 'sand'],
  part: ['lid', 'power cable', 'charging dock', 'filter', 'base', 'zip', 'hinge', 'remote'],
  store: ['store credit', 'a gift card', 'a voucher', 'loyalty points'],
};

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const FILLERS = {
  order: (r) => String(int(r, 100000, 999999)),
  n: (r) => String(int(r, 2, 9)),
  days: (r) => String(int(r, 3, 14)),
  amount: (r) => `${int(r, 12, 240)}.${String(int(r, 0, 99)).padStart(2, '0')}`,
  date: (r) => `${pick(r, SLOTS.month)} ${int(r, 1, 28)}`,
  ticket: (r) => String(int(r, 40000, 89999)),
};

/** ~60 body sentences; some carry what the rules coach (policy talk, blame, refusals, capitals). */
export const POOL = [
  // Neutral and helpful.
  'Thanks for getting in touch about order {order}.',
  'I have looked into your order {order} and can see it left our {city} warehouse on {day}.',
  'The tracking page shows that {carrier} scanned the parcel in {city} yesterday evening.',
  'Your {product} should arrive within {days} working days.',
  'I have issued a refund of ${amount} to the card you used at checkout.',
  'The refund usually shows on your statement within {n} to {days} business days.',
  'I have asked the warehouse to send a replacement {part} for your {product} by express delivery.',
  'You will receive a confirmation e-mail with a new tracking number for order {order} by {day}.',
  'If the {product} is still not working after that, please reply to this e-mail and I will take it from there.',
  'Could you send me a photo of the damaged {part} of the {product} so that I can pass it on to our quality team?',
  'I have added a note to ticket {ticket} so that anyone on the team can pick this up.',
  'The {colour} {product} is back in stock from {date}, and I have reserved one for you.',
  'I have changed the delivery address on order {order} to the one you gave me.',
  'Your returns label for order {order} is attached, and the drop-off point nearest to you is in {city}.',
  'There is no charge for returning order {order}, and you can keep the {colour} packaging sleeve.',
  'I have also applied {store} worth ${amount} to your account for the trouble.',
  'To reset the {product}, hold the power button for {n} seconds until the light blinks.',
  'Most customers find that updating the firmware on the {product} to version {n}.{days} fixes the connection drop.',
  'I completely understand how frustrating it is to wait {days} days for a delivery.',
  'You are right that the {product} should not have arrived with a missing {part}.',
  'I would be glad to walk you through the setup of the {product} on a call on {date} if that is easier.',
  'Our {city} team is available from 8 a.m. to {n} p.m., {day} to Saturday.',
  'I checked with our logistics team and they confirmed the parcel for order {order} is on the van in {city} today.',
  'The invoice for order {order} is attached as a PDF.',
  'I have upgraded the shipping on your replacement {product} to next-day delivery at no cost.',
  'Please keep the faulty {product}; there is no need to send it back to {city}.',
  'If you prefer an exchange for the {colour} version, I can arrange that by {date}.',
  'Your account now shows the corrected billing address in {city} since {date}.',
  'I can see two payments of ${amount} on order {order}, and I have refunded the duplicate.',
  'The warranty on the {product} runs until {date} next year.',
  'Thank you for your patience while we sorted out order {order}.',
  'I hope the {colour} {product} serves you well for many years.',
  'Let me know if there is anything else I can help with regarding the {product}, {name}.',
  'Does the light on the {part} of your {product} stay on, or does it flash?',
  'When did you first notice the noise coming from the {product} you bought on {date}?',
  'I have flagged the listing so the size chart for the {colour} {product} gets corrected.',
  'Our courier will collect the parcel from your door on {date} between 9 and 5.',
  'You can track the return at any time with reference {ticket}.',
  'I am sorry that the {product} arrived {n} days later than we promised.',
  'It looks like the parcel was held at the {city} depot since {day} because of the storm.',
  // What the rules coach.
  'Per our policy, we cannot accept returns of the {product} after {days} days.',
  'As I already said, the refund of ${amount} was sent on {day}.',
  'Unfortunately the warehouse messed up and shipped the wrong {colour} {product}.',
  "We can't refund it because the seal on the {product} from order {order} was broken.",
  'Please calm down so that we can look at order {order} together.',
  'You NEED to keep the receipt dated {date} for the {product} or we cannot help.',
  'This is NOT something we can change after dispatch on {date}.',
  'As stated in my previous e-mail, the {part} of the {product} is not covered by the warranty.',
  'That is not our fault, it is up to {carrier} to deliver order {order} on time.',
  'You should have read the product description before ordering the {product}.',
  'We are unable to do anything until {carrier} finishes the investigation into order {order}.',
  'Obviously the {colour} {product} has to be plugged in before it turns on.',
  "I don't know why the {part} stopped working after {days} days.",
  'Please DO NOT open another ticket about order {order}.',
  'The warehouse messed up the labels on order {order}, so your parcel went to {city}.',
  'Per our policy, {store} is the only option for sale items bought before {date}.',
  "We can't refund it, but you can still use the {part} of the {product} as a spare.",
  'As I already said, {carrier} has the parcel for order {order} and we have no control over it.',
  'There is no reason to shout, we are doing everything we can for order {order}!!!',
  'Your complaint about the {product} from {date} is noted and it will be reviewed in due course.',
];

// Optional openers, so the same template rarely gives the same sentence twice.
const LEAD_INS = [
  'Also, ',
  'Just so you know, ',
  'On top of that, ',
  '{name}, ',
  'As promised, ',
  'Good news: ',
  'For the record, ',
  'In the meantime, ',
  'Separately, ',
  'To be clear, ',
  'Quick update: ',
  'One more thing: ',
];

const GREETINGS = ['Hi {name},', 'Hello {name},', 'Dear {name},', 'Good morning {name},'];
const CLOSINGS = [
  ['Kind regards,', 'Sam Patel', 'Acme Support'],
  ['Best wishes,', 'Jordan Lee', 'Customer Care Team'],
];

/** Counts words the way the engine does (runs of letters or digits). */
export const countWords = (text) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

function fill(template, rnd) {
  return template.replace(/\{(\w+)\}/g, (_, slot) => (FILLERS[slot] ? FILLERS[slot](rnd) : pick(rnd, SLOTS[slot])));
}

/**
 * An e-mail reply of about `words` words: greeting line, paragraphs of 2-6 sentences separated
 * by blank lines, a closing and a signature. Same seed, same text.
 */
export function makeDraft(words, seed = 20240611) {
  const rnd = prng(seed ^ words);
  const greeting = fill(pick(rnd, GREETINGS), rnd);
  const closing = pick(rnd, CLOSINGS).join('\n');
  const budget = words - countWords(greeting) - countWords(closing);
  const paragraphs = [];
  let count = 0;
  let last = -1;
  while (count < budget) {
    const sentences = [];
    const size = int(rnd, 2, 6);
    for (let k = 0; k < size && count < budget; k++) {
      let i;
      do i = Math.floor(rnd() * POOL.length);
      while (i === last);
      last = i;
      let s = fill(POOL[i], rnd);
      if (rnd() < 0.35) {
        const lead = fill(pick(rnd, LEAD_INS), rnd);
        s = lead + (/^(I\b|I'm|UPS|DHL|FedEx)/.test(s) ? s : s[0].toLowerCase() + s.slice(1));
      }
      sentences.push(s);
      count += countWords(s);
    }
    paragraphs.push(sentences.join(' '));
  }
  return `${greeting}\n\n${paragraphs.join('\n\n')}\n\n${closing}\n`;
}

/** The customer's message the reply answers. */
export const CUSTOMER_MESSAGE =
  "Hello, my order arrived two weeks late and the blender is missing its lid. This is the second time this has happened and I'm really disappointed. I want a refund or a replacement by Friday, otherwise I'll cancel my account.";

// Words the edit benchmark swaps in. Past the first few, each run gets a word never seen before
// ("parcel7"), because the linter keeps sentences it has seen cached (an undo is free).
const SWAP = ['order', 'parcel', 'package', 'shipment'];

/** Rough sentence bounds around `at`, for choosing and printing the edited sentence. */
function sentenceAround(text, at) {
  let from = at;
  while (from > 0 && text[from - 1] !== '\n' && !/[.!?]\s/.test(text.slice(from - 2, from))) from--;
  const rest = text.slice(at).search(/[.!?]+(\s|$)|\n/);
  const to = rest < 0 ? text.length : at + rest + (text.slice(at + rest).match(/^[.!?]+/)?.[0].length ?? 0);
  return text.slice(from, to).trim();
}

/**
 * Finds a word of SWAP nearest the middle of the text (in a sentence matching `within`, when
 * given) and returns a function giving the text with that word replaced by variant k; from
 * k = number of variants on, a new word each time.
 */
export function middleEdit(text, within) {
  const re = new RegExp(`\\b(${SWAP.join('|')})\\b`, 'g');
  const mid = text.length / 2;
  let best = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (within && !within.test(sentenceAround(text, m.index))) continue;
    if (!best || Math.abs(m.index - mid) < Math.abs(best.index - mid)) best = { index: m.index, word: m[0] };
  }
  if (!best) throw new Error(`no editable word in the draft${within ? ` in a sentence matching ${within}` : ''}`);
  const head = text.slice(0, best.index);
  const tail = text.slice(best.index + best.word.length);
  const variants = [best.word, ...SWAP.filter((w) => w !== best.word)];
  return {
    variants: variants.length,
    at: best.index,
    position: best.index / text.length,
    sentence: sentenceAround(text, best.index),
    text: (k) => head + (k < variants.length ? variants[k] : `${variants[k % variants.length]}${k}`) + tail,
  };
}

// A sentence that the blame-shifting rule's compromise pattern needs to parse
// ("(the|our|my) (warehouse|...) (messed|...)"), so an edit in it costs a parse.
const PARSED_SENTENCE = 'The warehouse messed up the labels on your order, so it went to the wrong depot.';

/** Like middleEdit, in a sentence compromise parses, inserted after the middle sentence. */
export function parsedEdit(text) {
  const after = text.slice(text.length >> 1).search(/[.!?] /);
  const at = (text.length >> 1) + after + 2;
  const withSentence = `${text.slice(0, at) + PARSED_SENTENCE} ${text.slice(at)}`;
  return { base: withSentence, ...middleEdit(withSentence, /labels on your/) };
}
