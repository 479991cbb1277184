import type { ComponentChildren, Ref, RefObject } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Finding } from '../../engine';
import { buildMarks, type MarkNode } from './marks';

export interface TextChange {
  value: string;
  /** Paste, drop, undo or redo: lint now instead of after the typing pause. */
  immediate: boolean;
}

export interface DraftEditorProps {
  id: string;
  value: string;
  findings: readonly Finding[];
  describedBy?: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  onChange(change: TextChange): void;
}

/** Input types that finish an edit at once rather than one keystroke of many. */
export function isImmediateInput(inputType: string | undefined): boolean {
  return (
    !!inputType &&
    (inputType.startsWith('insertFromPaste') || inputType === 'insertFromDrop' || inputType.startsWith('history'))
  );
}

/**
 * The draft textarea with its findings underlined. The textarea has a transparent background
 * and sits over a mirror that repeats the text (invisibly) with a `<mark>` per finding; both
 * share font, padding, border and wrapping, and the mirror follows the textarea's scroll.
 */
export function DraftEditor({ id, value, findings, describedBy, textareaRef, onChange }: DraftEditorProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const own = useRef<HTMLTextAreaElement | null>(null);
  const marks = useMemo(() => buildMarks(value, findings), [value, findings]);

  const setTextarea = (el: HTMLTextAreaElement | null) => {
    own.current = el;
    if (typeof textareaRef === 'function') textareaRef(el);
    else if (textareaRef) (textareaRef as RefObject<HTMLTextAreaElement | null>).current = el;
  };

  const syncScroll = () => {
    const ta = own.current;
    const m = mirror.current;
    if (!ta || !m) return;
    m.scrollTop = ta.scrollTop;
    m.scrollLeft = ta.scrollLeft;
  };

  // New marks or text can change the mirror's height; re-apply the textarea's scroll position.
  useLayoutEffect(syncScroll, [marks]);

  // A drag-resized textarea changes the wrapping; the mirror follows its box, then its scroll.
  useLayoutEffect(() => {
    const ta = own.current;
    if (!ta || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(syncScroll);
    ro.observe(ta);
    return () => ro.disconnect();
  }, []);

  return (
    <div class="draft-editor">
      <div class="draft-field draft-mirror" ref={mirror} aria-hidden="true">
        {renderMarks(marks)}
        {/* Keeps a trailing empty line as tall as the textarea's. */}{' '}
      </div>
      <textarea
        id={id}
        ref={setTextarea}
        class="draft-field draft-input"
        value={value}
        rows={10}
        aria-describedby={describedBy}
        onInput={(e) => {
          const inputType = (e as unknown as InputEvent).inputType;
          onChange({ value: e.currentTarget.value, immediate: isImmediateInput(inputType) });
        }}
        onScroll={syncScroll}
      />
    </div>
  );
}

function renderMarks(nodes: MarkNode[]): ComponentChildren {
  return nodes.map((node, i) =>
    typeof node === 'string' ? (
      node
    ) : (
      <mark
        key={`${node.index}-${i}`}
        class={`finding-mark level-${node.finding.level}${node.finding.start === node.finding.end ? ' is-insertion' : ''}`}
        data-rule-id={node.finding.ruleId}
        data-finding={node.index}
      >
        {renderMarks(node.children)}
      </mark>
    ),
  );
}
