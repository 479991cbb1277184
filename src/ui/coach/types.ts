import type { Finding, Report } from '../../engine';

/** A point in viewport pixels: the coach's boxes use `position: fixed`, the container places them. */
export interface Position {
  left: number;
  top: number;
}

/** What the coach shows of a lint report: the findings and the tone score (100 = nothing to coach). */
export interface CoachReport {
  findings: readonly Finding[];
  score: number;
  /** Set when the lint stopped before the end of the draft (its time budget ran out). */
  incomplete?: Report['incomplete'];
}

export { countByLevel, LEVEL_LABEL, LEVELS } from '../levels';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Buttons, links and fields inside `root` that Tab can reach, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'),
  ).filter((el) => !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'));
}
