// Keeping taught heads with the team document: the heads go into `models[name]`, and the text
// names them under `models:` (what `checkTeamDocument` requires), edited with the yaml Document
// API so the lead's comments, order and style survive. No engine here: the options page uses it.
import { isMap, parseDocument } from 'yaml';
import type { TeamDocument } from '../ruleset/in-force';

/** A document the taught heads cannot be added to, with what to do. */
export class KeepError extends Error {
  override name = 'KeepError';
}

/** The file name a kept head goes by in the document's `models:` (`blame` → `blame.json`). */
export const headFileName = (name: string) => `${name}.json`;

/**
 * The team document with `heads` kept: `models[name]` = the head's JSON, and a
 * `models: { <name>: <name>.json }` entry in the text for each. Without a document (or with an
 * empty one) a minimal `tactful: 1` document is made. JSON text stays JSON; YAML keeps its
 * comments. Throws a KeepError when the text does not parse (fix it in the editor first).
 */
export function keepHeads(doc: TeamDocument | null, heads: Record<string, unknown>): TeamDocument {
  const names = Object.keys(heads).sort();
  const text = doc?.text ?? '';
  const models = { ...(doc?.models ?? {}), ...heads };
  if (text.trim() === '') {
    const lines = ['tactful: 1', 'models:', ...names.map((n) => `  ${n}: ${headFileName(n)}`)];
    return { text: `${lines.join('\n')}\n`, models };
  }
  if (text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new KeepError(`the team document is not valid JSON (${(e as Error).message}); fix it first`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new KeepError('the team document must be an object with "tactful": 1');
    const obj = json as Record<string, unknown>;
    const current = obj.models;
    const named: Record<string, unknown> =
      typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current } : {};
    for (const n of names) named[n] = headFileName(n);
    obj.models = named;
    const indent = /^\{\s*\n([ \t]+)/.exec(text)?.[1] ?? '  ';
    return { text: `${JSON.stringify(obj, null, indent)}\n`, models };
  }
  let yaml = parseDocument(text);
  if (yaml.errors.length)
    throw new KeepError(`the team document does not parse: ${yaml.errors[0]!.message}; fix it first`);
  // Only comments so far: they stay, above a minimal document.
  if (yaml.contents === null) yaml = parseDocument(`${text.trimEnd()}\ntactful: 1\n`);
  if (!isMap(yaml.contents)) throw new KeepError('the team document must be a map starting with "tactful: 1"');
  const current = yaml.get('models', true);
  if (current !== undefined && current !== null && !isMap(current))
    throw new KeepError('"models" in the team document must be a map of head names to files');
  for (const n of names) yaml.setIn(['models', n], headFileName(n));
  // One head a line: a flow map of several would wrap over lines.
  const named = yaml.get('models', true);
  if (isMap(named)) named.flow = false;
  return { text: yaml.toString(), models };
}

/**
 * The heads to start teaching from: the team's own where the document has one, else the pack's
 * (`fetchHead`, e.g. `fetch('/models/<name>.json')`).
 */
export async function headsToStartFrom(
  doc: TeamDocument | null,
  names: readonly string[],
  fetchHead: (name: string) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = doc?.models?.[name] ?? (await fetchHead(name));
  return out;
}
