import { Document, isMap, LineCounter, parseDocument } from 'yaml';
import { decodeHead } from '../engine/model';
import type { DocumentProblem, TeamDocument } from './in-force';

/** How a team document is written: YAML (the default) or JSON. */
export type DocumentFormat = 'yaml' | 'json';

/** The text of a team document that changes nothing: what a lead starts from. */
export const EMPTY_DOCUMENT = 'tactful: 1\n';

/** JSON when the text is a JSON object; YAML otherwise (JSON is YAML, so one parser reads both). */
export function formatOf(text: string): DocumentFormat {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Writes a parsed document back in `format`: YAML keeps the lead's comments and layout. */
export function writeDocument(doc: Document, format: DocumentFormat): string {
  if (format === 'json') return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
  // No folding: long lines the lead wrote on one line stay on one line.
  return doc.toString({ lineWidth: 0 });
}

/**
 * The document as the command line reads it (`tactful lint --rules <file>`), in `format`, with the
 * team's heads written inline under `models:` so the one file carries everything. A YAML document
 * keeps its comments; a document with no heads and in its own format is returned unchanged.
 */
export function exportDocument(team: TeamDocument | null, format: DocumentFormat): string {
  const text = team?.text.trim() ? team.text : EMPTY_DOCUMENT;
  const heads = Object.entries(team?.models ?? {});
  if (heads.length === 0 && formatOf(text) === format) return text;
  const source = parseDocument(text);
  const doc = formatOf(text) === 'yaml' ? source : new Document(source.toJS());
  for (const [name, head] of heads) doc.setIn(['models', name], doc.createNode(head));
  return writeDocument(doc, format);
}

/**
 * Moves the heads a document carries inline (`models.<name>: { format: tactful-head/1, … }`, as
 * exported) out of its text into `TeamDocument.models`, leaving `<name>.json` in their place (the
 * file the command line would read). Each head must decode; a bad one is a problem at its line.
 * Text that does not parse is returned as it is: checking it says what is wrong.
 */
export function takeInlineHeads(
  text: string,
  models: Record<string, unknown> = {},
): { ok: true; doc: TeamDocument } | { ok: false; problem: DocumentProblem } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const node = doc.errors.length ? undefined : doc.getIn(['models'], true);
  if (!isMap(node)) return { ok: true, doc: { text, ...(Object.keys(models).length ? { models } : {}) } };
  const found: Record<string, unknown> = { ...models };
  let moved = false;
  for (const pair of node.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!isMap(pair.value)) continue;
    const head = pair.value.toJS(doc);
    try {
      decodeHead(head);
    } catch (e) {
      const line = pair.value.range ? lines.linePos(pair.value.range[0]).line : undefined;
      return { ok: false, problem: { line, field: `models.${name}`, message: (e as Error).message } };
    }
    found[name] = head;
    doc.setIn(['models', name], `${name}.json`);
    moved = true;
  }
  const out = moved ? writeDocument(doc, formatOf(text)) : text;
  return { ok: true, doc: { text: out, ...(Object.keys(found).length ? { models: found } : {}) } };
}
