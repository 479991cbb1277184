import { isEmptyDiff } from '../../ruleset/diff';
import type { PendingImport } from '../../state/options';
import { ruleName } from '../rule-names';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** What an imported file would change, before anything does; or why it is refused. */
export function ImportPreview({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: PendingImport;
  onConfirm(): void;
  onCancel(): void;
}) {
  if (pending.problem) {
    const p = pending.problem;
    return (
      <section class="import-preview import-refused" role="alert" aria-label="Import refused">
        <p>
          <strong>{pending.fileName} was not imported</strong>: line {p.line ?? '?'}, {p.field || 'document'}:{' '}
          {p.message}. The rules in force have not changed.
        </p>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </section>
    );
  }
  const { diff } = pending;
  const empty = isEmptyDiff(diff);
  return (
    <section class="import-preview" aria-label="Import preview">
      <h3>Import {pending.fileName}?</h3>
      {empty && <p>It changes no rule.</p>}
      {diff.added.length > 0 && (
        <p class="diff-added">
          Rules added:{' '}
          {diff.added.map((id) => (
            <code key={id}>{id}</code>
          ))}
        </p>
      )}
      {diff.removed.length > 0 && (
        <p class="diff-removed">
          Rules removed:{' '}
          {diff.removed.map((id) => (
            <code key={id}>{id}</code>
          ))}
        </p>
      )}
      {diff.changed.length > 0 && (
        <ul class="diff-changed">
          {diff.changed.map((c) => (
            <li key={c.id} data-rule-id={c.id}>
              <strong>{ruleName(c.id)}</strong>:{' '}
              {c.fields.map((f, i) => (
                <span key={f.field} class="diff-field">
                  {i > 0 && '; '}
                  {f.field}
                  {f.added && ` +${f.added.map(show).join(', +')}`}
                  {f.removed && ` −${f.removed.map(show).join(', −')}`}
                  {'to' in f && !f.added && !f.removed && ` ${show(f.from)} → ${show(f.to)}`}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {diff.models.added.length + diff.models.changed.length + diff.models.removed.length > 0 && (
        <p class="diff-models">
          Models:{' '}
          {[
            ...diff.models.added.map((n) => `+${n}`),
            ...diff.models.changed.map((n) => `${n} (new)`),
            ...diff.models.removed.map((n) => `−${n}`),
          ].join(', ')}
        </p>
      )}
      <button type="button" onClick={onConfirm}>
        Apply import
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
