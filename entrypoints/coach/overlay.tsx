import { render } from 'preact';
import { underlineCss } from '../../src/host/underlines';
import { CoachLayer } from '../../src/ui/coach/CoachLayer';
import { coachCss } from '../../src/ui/coach/styles';
import type { CoachIntents, CoachStore } from '../../src/state/coach';
import { fromUser } from '../../src/host/guard';

declare global {
  // The closed root, kept in the content script's own (isolated) world, which page scripts
  // cannot reach; the browser tests read the coach through it.
  var __tactfulOverlayRoot: ShadowRoot | undefined;
}

// Everything a person does to the card, badge and panel. A page's script can dispatch these
// (`button.click()`); such events never reach Tactful's handlers.
const USER_EVENTS = [
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
  'focusin',
];

export interface Overlay {
  /** Where underline mirrors and boxes are drawn. */
  underlineLayer: HTMLElement;
  contains(node: Node | null): boolean;
  /** The open card's drawn size, once it is drawn. */
  cardSize(): { width: number; height: number } | null;
  destroy(): void;
}

/**
 * Tactful's own shadow root on the host page: host styles cannot reach in, ours cannot leak
 * out, and the host's DOM (and its editors) is never touched. It sits above everything.
 */
export function createOverlay(store: CoachStore, intents: CoachIntents): Overlay {
  const host = document.createElement('tactful-coach');
  host.style.cssText = 'all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;';
  // Closed: the page's scripts get no handle on the card's buttons.
  const shadow = host.attachShadow({ mode: 'closed' });
  globalThis.__tactfulOverlayRoot = shadow;
  for (const type of USER_EVENTS) {
    shadow.addEventListener(
      type,
      (e) => {
        if (!fromUser(e)) e.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
  const style = document.createElement('style');
  style.textContent = underlineCss + coachCss;
  const underlineLayer = document.createElement('div');
  underlineLayer.className = 'tactful-underlines';
  const uiRoot = document.createElement('div');
  shadow.append(style, underlineLayer, uiRoot);
  document.documentElement.append(host);

  const draw = () => {
    const state = store.getState();
    render(
      <CoachLayer
        state={state}
        autoFocusCard={state.cardFocused}
        withStyles={false}
        onTogglePanel={() => intents.togglePanel()}
        onSelectFinding={(i) => intents.selectFromPanel(i)}
        onApplyFix={(fix, i) => {
          const findings = state.report?.findings[i]?.fixes ?? [];
          intents.applyFix(Math.max(0, findings.indexOf(fix)));
        }}
        onDismiss={() => intents.dismiss()}
        onDisableRule={(id) => intents.disableRule(id)}
        onIgnorePhrase={() => intents.ignorePhrase()}
        onCloseCard={() => intents.closeCard(true)}
        onNextHere={() => intents.nextHere()}
      />,
      uiRoot,
    );
  };
  const unsubscribe = store.subscribe(draw);
  draw();

  return {
    underlineLayer,
    contains: (node) => !!node && (node === host || host.contains(node) || shadow.contains(node)),
    cardSize() {
      const card = shadow.querySelector('[role="dialog"]');
      if (!card) return null;
      const r = card.getBoundingClientRect();
      return { width: r.width, height: r.height };
    },
    destroy() {
      if (globalThis.__tactfulOverlayRoot === shadow) globalThis.__tactfulOverlayRoot = undefined;
      unsubscribe();
      render(null, uiRoot);
      host.remove();
    },
  };
}
