import type { Fix } from '../../engine';
import { Badge } from './Badge';
import { Card } from './Card';
import { coachCss } from './styles';
import type { CoachReport, Position } from './types';

/** Everything the coach layer shows; the caller owns it and changes it on intents. */
export interface CoachState {
  /** Null while the draft is being checked. */
  report: CoachReport | null;
  /** Index into `report.findings` of the finding whose card is open. */
  openFindingIndex: number | null;
  /** Where the card goes; no card without it. */
  cardPosition: Position | null;
  /** Where the badge goes; null hides it (no editor being coached). */
  badgePosition: Position | null;
  panelOpen: boolean;
  /** Findings under the pointer where the card opened, most specific first. */
  hereIndexes?: number[];
  /** The key for "next suggestion", shown in the card; null when the user unset it. */
  shortcut?: string | null;
}

export interface CoachLayerProps {
  state: CoachState;
  /** Focus the card when it opens (opened from the keyboard or the panel). */
  autoFocusCard?: boolean;
  /** Side of the badge the panel opens on. */
  panelPlacement?: 'above' | 'below';
  /** Render a `<style>` with `coachCss`; turn off when the caller adopts the sheet itself. */
  withStyles?: boolean;
  onTogglePanel(): void;
  onSelectFinding(index: number): void;
  onApplyFix(fix: Fix, findingIndex: number): void;
  onDismiss(findingIndex: number): void;
  onDisableRule(ruleId: string): void;
  /** "Never flag this for me" on the open card's words. */
  onIgnorePhrase?(findingIndex: number): void;
  onCloseCard(): void;
  /** Show the next of the findings under the pointer ("2 more here"). */
  onNextHere?(): void;
}

/** The root of Tactful's shadow root on a host page: the badge with its panel, and the open card. */
export function CoachLayer({ state, autoFocusCard, panelPlacement, withStyles = true, ...on }: CoachLayerProps) {
  const { report, openFindingIndex: index, cardPosition, badgePosition } = state;
  // An index left over from an older report points past the findings: show no card then.
  const finding = index !== null ? report?.findings[index] : undefined;
  return (
    <div class="tactful" data-tactful-coach="">
      {withStyles && <style>{coachCss}</style>}
      {badgePosition && (
        <Badge
          report={report}
          open={state.panelOpen}
          position={badgePosition}
          panelPlacement={panelPlacement}
          activeIndex={finding ? index : null}
          onToggle={on.onTogglePanel}
          onSelectFinding={on.onSelectFinding}
        />
      )}
      {finding && index !== null && cardPosition && (
        <Card
          key={`${index}:${finding.ruleId}:${finding.start}`}
          finding={finding}
          position={cardPosition}
          autoFocus={autoFocusCard}
          onApplyFix={(fix) => on.onApplyFix(fix, index)}
          onDismiss={() => on.onDismiss(index)}
          onDisableRule={on.onDisableRule}
          onIgnorePhrase={on.onIgnorePhrase ? () => on.onIgnorePhrase!(index) : undefined}
          onClose={on.onCloseCard}
          moreHere={state.hereIndexes?.includes(index) ? state.hereIndexes.length - 1 : 0}
          onNextHere={on.onNextHere}
          shortcut={state.shortcut ?? null}
        />
      )}
    </div>
  );
}
