// The engine's port between page and background, with the real engine on the far side: what a
// page asks by splices must come back exactly as a cold lint of the whole draft would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter, type LintOptions, type Report } from '../../src/engine';
import { EngineClient, type PortLike } from '../../src/messaging/engine-client';
import {
  applySplice,
  type EngineRequest,
  type EngineResponse,
  isEngineRequest,
  spliceOf,
} from '../../src/messaging/engine-port';
import { EngineService } from '../../src/messaging/engine-service';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { withoutTimings } from './helpers';

const OPTIONS: LintOptions = { channel: 'email', customerMessage: 'My parcel never came and nobody answers.' };
// Extension messaging serialises as JSON: what crosses must survive it.
const overTheWire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A port pair over an in-memory, asynchronous, JSON-serialising channel. */
function wire(service: EngineService, log: EngineRequest[] = []) {
  let toPage: ((m: EngineResponse) => void) | undefined;
  let onDrop: (() => void) | undefined;
  let open = true;
  const connection = service.connection((m) => {
    const copy = overTheWire(m);
    setTimeout(() => open && toPage?.(copy), 0);
  });
  const port: PortLike = {
    postMessage(m) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      log.push(m);
      const copy = overTheWire(m);
      setTimeout(() => open && connection.receive(copy), 0);
    },
    onMessage: {
      addListener(fn) {
        toPage = fn;
      },
    },
    onDisconnect: {
      addListener(fn) {
        onDrop = fn;
      },
    },
    disconnect() {
      open = false;
      connection.close();
    },
  };
  return {
    port,
    /** The far side went away (the service worker was stopped). */
    drop() {
      open = false;
      connection.close();
      onDrop?.();
    },
  };
}

function setup() {
  let loads = 0;
  const service = new EngineService(async () => {
    loads++;
    return createLinter(defaultRuleSet);
  });
  const log: EngineRequest[] = [];
  const wires: Array<ReturnType<typeof wire>> = [];
  const client = new EngineClient(() => {
    const w = wire(service, log);
    wires.push(w);
    return w.port;
  });
  return { service, client, log, wires, loads: () => loads };
}

const cold = (text: string, options = OPTIONS) => withoutTimings(createLinter(defaultRuleSet).lint(text, options));
const clean = (r: Report | null) => (r ? withoutTimings(r) : r);

describe('splices', () => {
  it('turn any text into any other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(applySplice(a, spliceOf(a, b))).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('send only what changed', () => {
    expect(spliceOf('We lost it. Sorry.', 'We lost it, sorry.')).toEqual({ from: 10, to: 13, insert: ', s' });
    expect(spliceOf('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
  });
});

describe('requests on the port', () => {
  it('are checked before the engine sees them', () => {
    const ok: EngineRequest[] = [
      { type: 'ping' },
      { type: 'close', editor: 1 },
      { type: 'lint', editor: 1, version: 1, text: 'Hi' },
      { type: 'lint', editor: 1, version: 2, base: 1, splice: { from: 0, to: 2, insert: 'Hello' }, options: OPTIONS },
    ];
    for (const m of ok) expect(isEngineRequest(m)).toBe(true);
    const bad: unknown[] = [
      null,
      'lint',
      { type: 'lint', editor: -1, version: 1, text: 'x' },
      { type: 'lint', editor: 1, version: 1 },
      { type: 'lint', editor: 1, version: 1, text: 'x', splice: { from: 0, to: 0, insert: '' }, base: 0 },
      { type: 'lint', editor: 1, version: 2, splice: { from: 3, to: 1, insert: '' }, base: 1 },
      { type: 'lint', editor: 1, version: 2, splice: { from: 0, to: 1, insert: 'x' } },
      { type: 'lint', editor: 1, version: 1, text: 'x', options: { channel: 'fax' } },
      { type: 'lint', editor: 1, version: 1, text: 'x', options: { channel: 'chat', customerMessage: 5 } },
      { type: 'close', editor: '1' },
      { type: 'eval', code: 'x' },
    ];
    for (const m of bad) expect(isEngineRequest(m), JSON.stringify(m)).toBe(false);
  });

  it('that are malformed are dropped, never thrown on', async () => {
    const { service } = setup();
    const sent: EngineResponse[] = [];
    const c = service.connection((m) => sent.push(m));
    for (const m of [undefined, 42, { type: 'lint' }, { type: 'lint', editor: 1, version: 1, splice: {} }])
      expect(() => c.receive(m)).not.toThrow();
    await service.whenReady();
    await tick();
    expect(sent).toEqual([]);
  });
});

describe('the page and the one engine', () => {
  it('edits sent as splices come back as a cold lint of the whole draft would', async () => {
    const { client, log } = setup();
    const drafts = [
      'Hi Sam,\nThe courier lost your parcel. It is not our fault.',
      'Hi Sam,\nThe courier lost your parcel. It is not our fault. Contact them.',
      'Hi Sam,\nI am so sorry: we lost your parcel. I will send another today.\nKind regards,\nAna',
    ];
    for (const text of drafts) expect(clean(await client.lint(1, text, OPTIONS))).toEqual(cold(text));
    // The whole draft once, then only the changes.
    expect(log.filter((m) => m.type === 'lint').map((m) => ('text' in m && m.text ? 'text' : 'splice'))).toEqual([
      'text',
      'splice',
      'splice',
    ]);
    const second = log[1] as Extract<EngineRequest, { type: 'lint' }>;
    expect(second.splice).toEqual({ from: drafts[0]!.length, to: drafts[0]!.length, insert: ' Contact them.' });
    expect(second.options, 'options unchanged: not sent again').toBeUndefined();
  });

  it('equal cold lints over random edit sequences (incremental engine, splices, customer changes)', async () => {
    const words = [
      'Sorry',
      'the courier',
      'lost it.',
      'Not my department.',
      'Call them.',
      'Thanks!',
      '\n',
      'We will',
      'fix',
    ];
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(' ')),
      customer: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const { client } = setup();
        let text = 'Hello Kim, the courier lost it. ';
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const options = e.customer ? OPTIONS : { channel: 'chat' as const };
          expect(clean(await client.lint(7, text, options))).toEqual(cold(text, options));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('drops a stale answer: a lint superseded by a newer one resolves to null', async () => {
    const { client } = setup();
    const older = client.lint(1, 'The courier lost it.', OPTIONS);
    const newer = client.lint(1, 'The courier lost it. Not our problem.', OPTIONS);
    expect(await older).toBeNull();
    expect(clean(await newer)).toEqual(cold('The courier lost it. Not our problem.'));
  });

  it('survives the engine stopping mid-lint: the page resends the whole draft and gets its findings', async () => {
    const { client, wires, log } = setup();
    await client.lint(1, 'Hi, the courier lost it.', OPTIONS);
    const text = 'Hi, the courier lost it. That is not our department.';
    const waiting = client.lint(1, text, OPTIONS);
    wires[0]!.drop();
    expect(clean(await waiting)).toEqual(cold(text));
    expect(wires).toHaveLength(2);
    const last = log.at(-1) as Extract<EngineRequest, { type: 'lint' }>;
    expect(last.text, 'the whole draft, on the new port').toBe(text);
    expect(last.options, 'and the options again').toEqual(OPTIONS);
  });

  it('asks for the whole text when the engine lacks the version a splice applies to', async () => {
    const { service } = setup();
    const sent: EngineResponse[] = [];
    const c = service.connection((m) => sent.push(m));
    c.receive({ type: 'lint', editor: 3, version: 5, base: 4, splice: { from: 0, to: 0, insert: 'x' } });
    await service.whenReady();
    await tick();
    expect(sent).toEqual([{ type: 'resync', editor: 3, version: 5 }]);
  });

  it('lints only the newest of the versions that piled up while it loaded', async () => {
    const { service } = setup();
    const sent: EngineResponse[] = [];
    const c = service.connection((m) => sent.push(m));
    c.receive({ type: 'lint', editor: 1, version: 1, text: 'The courier lost it.', options: OPTIONS });
    c.receive({ type: 'lint', editor: 1, version: 2, base: 1, splice: { from: 20, to: 20, insert: ' Sorry!' } });
    await service.whenReady();
    await tick();
    expect(sent.map((m) => [m.type, m.version])).toEqual([['report', 2]]);
    expect(withoutTimings((sent[0] as { report: Report }).report)).toEqual(cold('The courier lost it. Sorry!'));
  });

  it('is one engine for every tab: loaded once, each tab and editor with its own draft', async () => {
    const { service, loads } = setup();
    const tab = () => new EngineClient(() => wire(service).port);
    const [a, b] = [tab(), tab()];
    const [ra, rb] = await Promise.all([
      a.lint(1, 'It is not my department.', OPTIONS),
      b.lint(1, 'Sorry, we lost it. I will resend it today.', OPTIONS),
    ]);
    expect(loads()).toBe(1);
    expect(clean(ra)).toEqual(cold('It is not my department.'));
    expect(clean(rb)).toEqual(cold('Sorry, we lost it. I will resend it today.'));
  });

  it('answers every waiting lint with null when the extension is gone, and never throws', async () => {
    const client = new EngineClient(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(client.lint(1, 'Hi', OPTIONS)).resolves.toBeNull();
    expect(() => client.ping()).not.toThrow();
  });

  it('reports an engine that failed to load as an error, not a hang', async () => {
    const service = new EngineService(async () => {
      throw new Error('models missing');
    });
    const client = new EngineClient(() => wire(service).port);
    await expect(client.lint(1, 'Hi', OPTIONS)).resolves.toBeNull();
  });
});
