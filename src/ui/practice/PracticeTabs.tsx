import type { PracticeMode } from '../../state/exercises';

export interface PracticeTabsProps {
  mode: PracticeMode;
  onMode(mode: PracticeMode): void;
}

const TABS: Array<{ mode: PracticeMode; label: string }> = [
  { mode: 'free', label: 'Free practice' },
  { mode: 'exercises', label: 'Exercises' },
];

/** Free practice (your own message and draft) or exercises (a flawed reply to rewrite). */
export function PracticeTabs({ mode, onMode }: PracticeTabsProps) {
  return (
    <div class="practice-tabs" role="tablist" aria-label="Practice mode">
      {TABS.map((t) => (
        <button
          key={t.mode}
          type="button"
          role="tab"
          id={`tab-${t.mode}`}
          class="practice-tab"
          aria-selected={mode === t.mode}
          tabIndex={mode === t.mode ? 0 : -1}
          onClick={() => onMode(t.mode)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            const next = TABS[(TABS.findIndex((x) => x.mode === mode) + 1) % TABS.length]!;
            onMode(next.mode);
            (e.currentTarget.parentElement?.querySelector(`#tab-${next.mode}`) as HTMLElement | null)?.focus();
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
