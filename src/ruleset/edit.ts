import { type Document, isCollection, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Channel, Level, Rule } from '../engine';
import type { RuleWithExamples } from './schema';
import type { ListName } from './lists';
import { EMPTY_DOCUMENT, formatOf, writeDocument } from './transfer';

export type { ListName };

/** One change a lead makes in the editor, written into the team document. */
export type TeamEdit =
  | { kind: 'enabled'; id: string; on: boolean }
  | { kind: 'level'; id: string; level: Level }
  | { kind: 'channels'; id: string; channels: Channel[] }
  | { kind: 'addPattern'; id: string; list: ListName; pattern: string }
  | { kind: 'removePattern'; id: string; list: ListName; pattern: string }
  | { kind: 'threshold'; id: string; field: 'threshold' | 'replyThreshold'; value: number | null }
  | { kind: 'addCustom'; rule: RuleWithExamples }
  | { kind: 'removeCustom'; id: string }
  | { kind: 'resetRule'; id: string };

type Path = Array<string | number>;

/** The patterns of a list as text (an entry may be `{ match, fixes }`). */
export function listOf(rule: Rule, list: ListName): string[] {
  const c = rule.check as unknown as Record<string, unknown>;
  const raw =
    list === 'misplacedPraise' ? (c.misplacedPraise as { patterns?: unknown[] } | undefined)?.patterns : c[list];
  if (!Array.isArray(raw)) return [];
  return raw.map((p) => (typeof p === 'string' ? p : String((p as { match: string }).match)));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function customIndex(doc: Document, id: string): number {
  const custom = doc.get('custom', true);
  if (!isSeq(custom)) return -1;
  return custom.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

/** Adds `value` to the sequence at `path`, creating the sequence when it is missing. */
function addTo(doc: Document, path: Path, value: unknown) {
  const seq = doc.getIn(path, true);
  if (isSeq(seq)) seq.add(doc.createNode(value));
  else doc.setIn(path, doc.createNode([value]));
}

/** Removes the first item of the sequence at `path` whose text (or `match`) is `text`. */
function removeFrom(doc: Document, path: Path, text: string): boolean {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) return false;
  const at = seq.items.findIndex((item) => {
    if (isScalar(item)) return String(item.value) === text;
    return isMap(item) && item.get('match') === text;
  });
  if (at < 0) return false;
  seq.delete(at);
  return true;
}

/** Deletes empty collections from `path` up to (not including) the top of the document. */
function prune(doc: Document, path: Path) {
  for (let k = path.length; k > 0; k--) {
    const node = doc.getIn(path.slice(0, k), true);
    if (isCollection(node) && node.items.length === 0) doc.deleteIn(path.slice(0, k));
    else if (node !== undefined) return;
  }
}

/**
 * The override of a pack rule as a map, so fields can be set on it. A short form (`off`, `on`, a
 * level) becomes the map it stands for; `wasShort` says so, to write it back short when it can.
 */
function overrideMap(doc: Document, id: string): { wasShort: boolean } {
  const node = doc.getIn(['rules', id], true);
  if (isMap(node)) return { wasShort: false };
  const value = isScalar(node) ? node.value : undefined;
  const map: Record<string, unknown> = {};
  if (value === 'off') map.enabled = false;
  else if (value === 'on') map.enabled = true;
  else if (typeof value === 'string') map.level = value;
  doc.setIn(['rules', id], doc.createNode(map));
  return { wasShort: true };
}

/** Writes an override back as `off`, `on` or a level when that says the same, and the lead wrote it so. */
function shorten(doc: Document, id: string, base: Rule, wasShort: boolean) {
  const node = doc.getIn(['rules', id], true);
  if (!isMap(node)) return;
  const o = node.toJS(doc) as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 0) {
    doc.deleteIn(['rules', id]);
    prune(doc, ['rules']);
    return;
  }
  if (!wasShort) return;
  const on = base.enabled !== false;
  if (keys.length === 1 && keys[0] === 'enabled') doc.setIn(['rules', id], o.enabled ? 'on' : 'off');
  else if (keys.every((k) => k === 'level' || k === 'enabled') && o.level && o.enabled !== false && (on || o.enabled))
    doc.setIn(['rules', id], o.level);
}

function editPack(doc: Document, edit: Exclude<TeamEdit, { kind: 'addCustom' }>, base: Rule) {
  const id = edit.id;
  if (edit.kind === 'resetRule') {
    doc.deleteIn(['rules', id]);
    prune(doc, ['rules']);
    return;
  }
  if (edit.kind === 'removeCustom') return;
  const { wasShort } = overrideMap(doc, id);
  const at = (...rest: Path): Path => ['rules', id, ...rest];
  switch (edit.kind) {
    case 'enabled':
      if (edit.on === (base.enabled !== false)) doc.deleteIn(at('enabled'));
      else doc.setIn(at('enabled'), edit.on);
      break;
    case 'level':
      if (edit.level === base.level) doc.deleteIn(at('level'));
      else doc.setIn(at('level'), edit.level);
      break;
    case 'channels': {
      const channels = (['email', 'chat'] as const).filter((c) => edit.channels.includes(c));
      if (same(channels, base.channels ?? ['email', 'chat'])) doc.deleteIn(at('channels'));
      else {
        const node = doc.createNode(channels);
        node.flow = true;
        doc.setIn(at('channels'), node);
      }
      break;
    }
    case 'threshold': {
      const own = (base.check as unknown as Record<string, unknown>)[edit.field];
      if (edit.value === null || edit.value === own) doc.deleteIn(at(edit.field));
      else doc.setIn(at(edit.field), edit.value);
      break;
    }
    case 'addPattern':
    case 'removePattern': {
      const [undo, todo] = edit.kind === 'addPattern' ? (['remove', 'add'] as const) : (['add', 'remove'] as const);
      // Taking back the opposite edit first keeps the document as short as the change.
      if (!removeFrom(doc, at(edit.list, undo), edit.pattern)) {
        const inPack = listOf(base, edit.list).includes(edit.pattern);
        if (inPack === (edit.kind === 'removePattern')) addTo(doc, at(edit.list, todo), edit.pattern);
      }
      prune(doc, at(edit.list, undo));
      break;
    }
  }
  shorten(doc, id, base, wasShort);
}

function editCustom(doc: Document, index: number, edit: Exclude<TeamEdit, { kind: 'addCustom' }>) {
  const at = (...rest: Path): Path => ['custom', index, ...rest];
  switch (edit.kind) {
    case 'removeCustom':
    case 'resetRule':
      doc.deleteIn(['custom', index]);
      prune(doc, ['custom']);
      return;
    case 'enabled':
      if (edit.on) doc.deleteIn(at('enabled'));
      else doc.setIn(at('enabled'), false);
      return;
    case 'level':
      doc.setIn(at('level'), edit.level);
      return;
    case 'channels': {
      const channels = (['email', 'chat'] as const).filter((c) => edit.channels.includes(c));
      if (channels.length === 2) doc.deleteIn(at('channels'));
      else doc.setIn(at('channels'), channels);
      return;
    }
    case 'threshold':
      if (edit.value === null) doc.deleteIn(at('check', edit.field));
      else doc.setIn(at('check', edit.field), edit.value);
      return;
    case 'addPattern':
    case 'removePattern': {
      const path =
        edit.list === 'misplacedPraise' ? at('check', 'misplacedPraise', 'patterns') : at('check', edit.list);
      if (edit.kind === 'addPattern') addTo(doc, path, edit.pattern);
      else if (removeFrom(doc, path, edit.pattern) && edit.list === 'unless') prune(doc, path);
      return;
    }
  }
}

/**
 * Writes one editor change into a team document's text through the YAML document model, so the
 * lead's comments, order and layout survive; a JSON document stays JSON. `pack` is the rules a
 * `rules.<id>` override changes. The result may not check (e.g. a list left empty): check it.
 */
export function applyEdit(text: string, edit: TeamEdit, pack: readonly Rule[]): string {
  const source = text.trim() ? text : EMPTY_DOCUMENT;
  const parsed = parseDocument(source);
  if (parsed.errors.length) throw new Error('the document does not parse; fix it as text first');
  const doc: Document = isMap(parsed.contents) ? parsed : parseDocument(EMPTY_DOCUMENT);
  if (edit.kind === 'addCustom') addTo(doc, ['custom'], edit.rule);
  else {
    const index = customIndex(doc, edit.id);
    if (index >= 0) editCustom(doc, index, edit);
    else {
      const base = pack.find((r) => r.id === edit.id);
      if (!base) throw new Error(`there is no rule "${edit.id}"`);
      editPack(doc, edit, base);
    }
  }
  return writeDocument(doc, formatOf(source));
}
