import { siteFor } from './sites';
import type { EditorKind, WatchedEditor } from './types';

// Finding the editors worth coaching: where someone writes prose to a person. Search boxes,
// one-line fields, secrets, read-only fields and fields whose site opted out of writing
// assistants are left alone.

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Attributes sites use to turn writing assistants off (Grammarly's; Tactful follows them). */
const OPT_OUT = '[data-enable-grammarly="false"],[data-gramm="false"],[data-gramm_editor="false"]';

/** Elements that can be an editor root: the only ones a scan looks at. */
const CANDIDATES = 'textarea,[contenteditable]';

/** Attributes whose change can make an element start or stop being a coachable editor. */
const WATCHED_ATTRIBUTES = [
  'contenteditable',
  'readonly',
  'disabled',
  'rows',
  'role',
  'aria-multiline',
  'aria-readonly',
  'aria-disabled',
  'g_editable',
  'hidden',
  'data-enable-grammarly',
  'data-gramm',
  'data-gramm_editor',
];

/** Controls and replaced elements: a stray contenteditable attribute does not make them editors. */
const NOT_EDITABLE = new Set([
  'input',
  'select',
  'button',
  'option',
  'img',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'svg',
]);

const isTextarea = (el: Element): el is HTMLTextAreaElement =>
  el.localName === 'textarea' && el.namespaceURI === HTML_NS;

/** The explicit contenteditable state of an element: true, false, or null (inherits). */
function editableAttr(el: Element): boolean | null {
  const v = el.getAttribute('contenteditable');
  if (v === null) return null;
  const s = v.trim().toLowerCase();
  return s === '' || s === 'true' || s === 'plaintext-only' ? true : s === 'false' ? false : null;
}

/**
 * A contenteditable root: editable itself, with no editable ancestor. An editable island inside
 * an editor (a CKEditor table cell or caption, which sit in a `contenteditable="false"` widget)
 * belongs to that editor and is not an editor of its own.
 */
function isEditableRoot(el: Element): boolean {
  if (editableAttr(el) !== true) return false;
  for (let p = el.parentElement; p; p = p.parentElement) if (editableAttr(p) === true) return false;
  return true;
}

function hostOf(el: Element): string {
  try {
    return el.ownerDocument.defaultView?.location.hostname ?? '';
  } catch {
    return '';
  }
}

/**
 * Which adapter an element needs if it is an editor root, before any skip rule: 'textarea';
 * 'ckeditor' for a CKEditor 5 editable (its class: the `ckeditorInstance` property is only
 * visible from the page's own world, not a content script's); what the host's site says (Gmail:
 * its message body); 'contenteditable' for other contenteditable roots. Null for anything else, inputs included: one-line fields
 * never hold a reply.
 */
export function editorKindOf(el: Element, host: string = hostOf(el)): EditorKind | null {
  if (isTextarea(el)) return 'textarea';
  if (NOT_EDITABLE.has(el.localName) || !isEditableRoot(el)) return null;
  if (el.classList.contains('ck-editor__editable') || 'ckeditorInstance' in el) return 'ckeditor';
  return siteFor(host).editorKind?.(el) ?? 'contenteditable';
}

function lineHeightOf(el: Element): number {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  const line = parseFloat(style?.lineHeight ?? '');
  if (line > 0) return line;
  const font = parseFloat(style?.fontSize ?? '');
  return font > 0 ? font * 1.2 : 20;
}

/**
 * A textarea meant for one line: `rows` of 1 or less and drawn less than two lines tall. An
 * auto-growing chat box starts at rows="1" but counts once it is taller than two lines. One
 * that is not laid out (height 0) is taken at its `rows` word.
 */
function isOneLineTextarea(el: HTMLTextAreaElement): boolean {
  if (!el.hasAttribute('rows') || el.rows > 1) return false;
  const height = el.getBoundingClientRect().height;
  return height <= 0 || height < 2 * lineHeightOf(el);
}

/** A contenteditable that does not wrap (white-space: nowrap) is a one-line field. */
function isNoWrap(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style?.whiteSpace === 'nowrap';
}

/**
 * Whether Tactful coaches this element: an editor root (see `editorKindOf`) that is
 * - not read-only or disabled (`readonly`, `disabled`, `aria-readonly`, `aria-disabled`);
 * - not opted out (`data-enable-grammarly="false"` and Grammarly's other opt-outs, on itself
 *   or an ancestor);
 * - not a search box or a one-line field (`role` searchbox/combobox, inside `[role=search]`,
 *   `aria-multiline="false"`, a one-line textarea, a contenteditable with white-space: nowrap);
 * - not hidden by the `hidden` attribute (on itself or an ancestor).
 */
export function isCoachable(el: Element, host?: string): boolean {
  const kind = editorKindOf(el, host);
  if (!kind) return false;
  if (el.closest(OPT_OUT) || el.closest('[role="search"]') || el.closest('[hidden]')) return false;
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox') return false;
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return false;
  if (isTextarea(el)) return !el.readOnly && !el.disabled && !isOneLineTextarea(el);
  if (el.getAttribute('aria-multiline') === 'false') return false;
  return !isNoWrap(el);
}

/**
 * One WatchedEditor object per element (while its kind holds), so that what `findEditors` and
 * `watchEditors` report can be compared by identity as well as by element.
 */
const known = new WeakMap<Element, WatchedEditor>();

function watchedOf(el: HTMLElement, kind: EditorKind): WatchedEditor {
  const seen = known.get(el);
  if (seen && seen.kind === kind) return seen;
  const editor: WatchedEditor = { kind, element: el };
  known.set(el, editor);
  return editor;
}

function asEditor(el: Element, host: string): WatchedEditor | null {
  if (!isCoachable(el, host)) return null;
  return watchedOf(el as HTMLElement, editorKindOf(el, host)!);
}

/** Tactful's own UI lives in shadow roots of `tactful-*` elements: never coach it. */
const isOwnUi = (el: Element) => el.localName.startsWith('tactful-');

/**
 * Open shadow roots at or under `root` (web-component apps put their editors there). One
 * native query over the subtree; only called on the document once and on added subtrees.
 */
function shadowRootsUnder(root: ParentNode, out: ShadowRoot[]) {
  const check = (el: Element) => {
    const shadow = el.shadowRoot;
    if (shadow && !isOwnUi(el)) {
      out.push(shadow);
      shadowRootsUnder(shadow, out);
    }
  };
  if (root.nodeType === Node.ELEMENT_NODE) check(root as Element);
  for (const el of root.querySelectorAll('*')) check(el);
}

/** Coachable editors at or under `root` (not descending into shadow roots). */
function editorsIn(root: ParentNode, host: string, out: WatchedEditor[]) {
  if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(CANDIDATES)) {
    const e = asEditor(root as Element, host);
    if (e) out.push(e);
  }
  for (const el of root.querySelectorAll(CANDIDATES)) {
    const e = asEditor(el, host);
    if (e) out.push(e);
  }
}

function docOf(root: ParentNode): Document {
  return root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root as Node).ownerDocument!;
}

function hostOfRoot(root: ParentNode): string {
  try {
    return docOf(root).defaultView?.location.hostname ?? '';
  } catch {
    return '';
  }
}

/**
 * All coachable editors at or under `root`, in document order, including those in open shadow
 * roots (shadow roots' editors follow the light DOM's).
 */
export function findEditors(root: ParentNode): WatchedEditor[] {
  const host = hostOfRoot(root);
  const out: WatchedEditor[] = [];
  editorsIn(root, host, out);
  const shadows: ShadowRoot[] = [];
  shadowRootsUnder(root, shadows);
  for (const shadow of shadows) editorsIn(shadow, host, out);
  return out;
}

/** Whether `node` has an ancestor (in its own tree) in `set`. */
function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
  return false;
}

/**
 * Reports editors that appear after the call (SPA navigation, a new compose window, a new ticket
 * tab with a new CKEditor) and editors that go away or stop being coachable. The editors already
 * on the page are not reported as added (take them from `findEditors`) but are tracked, so their
 * removal is reported. Each report of one element carries the same WatchedEditor object as
 * `findEditors` returns for it.
 *
 * Cheap on busy pages: one MutationObserver (childList + subtree, plus the few attributes that
 * decide coachability), whose callback handles its whole batch at once — only the added subtrees
 * are searched (nested ones once), and removals are found by checking the handful of tracked
 * editors, never by rescanning the document. Open shadow roots found on the way are observed too.
 * Returns a function that stops watching.
 */
export function watchEditors(
  doc: Document,
  onAdded: (editor: WatchedEditor) => void,
  onRemoved: (editor: WatchedEditor) => void,
): () => void {
  const host = hostOfRoot(doc);
  const tracked = new Map<Element, WatchedEditor>();
  const observed = new WeakSet<Node>();
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  };
  const observer = new MutationObserver((records) => handle(records));

  const observe = (root: Document | ShadowRoot) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, options);
  };

  /** Editors and shadow roots in a subtree; new editors are reported unless `quiet`. */
  const scan = (root: ParentNode, quiet: boolean) => {
    const found: WatchedEditor[] = [];
    editorsIn(root, host, found);
    const shadows: ShadowRoot[] = [];
    shadowRootsUnder(root, shadows);
    for (const shadow of shadows) {
      observe(shadow);
      editorsIn(shadow, host, found);
    }
    for (const editor of found) {
      const current = tracked.get(editor.element);
      if (current === editor) continue;
      if (current) onRemoved(current); // same element, new kind (e.g. CKEditor took it over)
      tracked.set(editor.element, editor);
      if (!quiet) onAdded(editor);
    }
  };

  const handle = (records: MutationRecord[]) => {
    const roots = new Set<Node>();
    const changed = new Set<Node>();
    let removals = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        // An attribute on an ancestor (contenteditable, an opt-out) can change every editor
        // under it: re-scan that subtree and re-check the tracked editors inside it.
        roots.add(r.target);
        changed.add(r.target);
      } else {
        for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) roots.add(n);
        if (r.removedNodes.length) removals = true;
      }
    }
    if (removals || changed.size) {
      for (const [el, editor] of tracked) {
        // Removal costs one property read per editor; the full check (which reads styles) only
        // runs for editors under a changed attribute.
        let keep = el.isConnected;
        if (keep && changed.size && [...changed].some((t) => t === el || t.contains(el))) {
          keep = editorKindOf(el, host) === editor.kind && isCoachable(el, host);
        }
        if (keep) continue;
        tracked.delete(el);
        onRemoved(editor);
      }
    }
    for (const node of roots) {
      // Added and then removed in the same batch, or inside another added subtree: skip.
      if (!node.isConnected || hasAncestorIn(node, roots)) continue;
      scan(node as Element, false);
    }
  };

  observe(doc);
  scan(doc, true);
  return () => {
    observer.disconnect();
    tracked.clear();
  };
}
