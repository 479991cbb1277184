/**
 * The coach's stylesheet, for a `<style>` (or a constructed sheet) inside Tactful's shadow root.
 * Every selector sits under `.tactful`, so nothing leaks out; the root resets what the host page's
 * inherited styles (font, colour, spacing, custom properties named `--tf-*`) would carry in.
 */
export const coachCss = `
.tactful {
  all: initial;
  --tf-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif;
  --tf-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  --tf-bg: #ffffff;
  --tf-fg: #1a1c1f;
  --tf-muted: #474e5c;
  --tf-border: #737c8c;
  --tf-subtle: #eef1f5;
  --tf-hover: #e3e8ef;
  --tf-accent: #0b57d0;
  --tf-accent-fg: #ffffff;
  --tf-focus: #0b57d0;
  --tf-error: #b3261e;
  --tf-warning: #8a5300;
  --tf-info: #0b57d0;
  --tf-good: #1e6e30;
  --tf-chip-fg: #ffffff;
  --tf-shadow: 0 8px 28px rgba(0, 0, 0, 0.2), 0 1px 3px rgba(0, 0, 0, 0.14);
  --tf-level: var(--tf-info);
  color-scheme: light;
  font: 13px/1.45 var(--tf-font);
  color: var(--tf-fg);
  text-align: start;
  -webkit-font-smoothing: auto;
}

@media (prefers-color-scheme: dark) {
  .tactful {
    --tf-bg: #1e2228;
    --tf-fg: #eef1f5;
    --tf-muted: #bcc3ce;
    --tf-border: #8e97a8;
    --tf-subtle: #2a2f37;
    --tf-hover: #353b45;
    --tf-accent: #a8c7fa;
    --tf-accent-fg: #0a1f44;
    --tf-focus: #a8c7fa;
    --tf-error: #ffb4ab;
    --tf-warning: #f5c46e;
    --tf-info: #a8c7fa;
    --tf-good: #8fdba0;
    --tf-chip-fg: #14161a;
    --tf-shadow: 0 8px 28px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.5);
    color-scheme: dark;
  }
}

.tactful *,
.tactful *::before,
.tactful *::after {
  box-sizing: border-box;
}

.tactful .tf-level-error { --tf-level: var(--tf-error); }
.tactful .tf-level-warning { --tf-level: var(--tf-warning); }
.tactful .tf-level-info { --tf-level: var(--tf-info); }

.tactful p {
  margin: 0;
}

.tactful code {
  font-family: var(--tf-mono);
  font-size: 0.92em;
}

.tactful q {
  quotes: '\\201C' '\\201D';
}

.tactful button {
  -webkit-appearance: none;
  appearance: none;
  margin: 0;
  font: inherit;
  color: inherit;
  letter-spacing: normal;
  text-transform: none;
  cursor: pointer;
}

.tactful button:focus {
  outline: none;
}

.tactful :focus-visible,
.tactful button:focus-visible {
  outline: 3px solid var(--tf-focus);
  outline-offset: 2px;
}

.tactful .tf-sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

.tactful [hidden] {
  display: none;
}

/* ---- buttons ---- */

.tactful .tf-button {
  display: inline-flex;
  align-items: center;
  min-height: 28px;
  padding: 4px 10px;
  border: 1px solid var(--tf-border);
  border-radius: 6px;
  background: var(--tf-bg);
  color: var(--tf-fg);
  font-weight: 500;
  text-align: start;
  line-height: 1.25;
}

.tactful .tf-button:hover {
  background: var(--tf-hover);
}

.tactful .tf-primary {
  border-color: var(--tf-accent);
  background: var(--tf-accent);
  color: var(--tf-accent-fg);
}

.tactful .tf-primary:hover {
  background: var(--tf-accent);
  filter: brightness(1.1);
}

.tactful .tf-danger {
  border-color: var(--tf-error);
  background: var(--tf-error);
  color: var(--tf-chip-fg);
}

.tactful .tf-danger:hover {
  background: var(--tf-error);
  filter: brightness(1.1);
}

.tactful .tf-quiet {
  border-color: transparent;
  background: transparent;
  color: var(--tf-muted);
  padding: 4px 6px;
  text-decoration: underline;
  text-underline-offset: 2px;
}

.tactful .tf-quiet:hover {
  color: var(--tf-fg);
  background: var(--tf-subtle);
}

.tactful .tf-icon-button {
  display: inline-grid;
  place-items: center;
  width: 26px;
  height: 26px;
  padding: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  color: var(--tf-muted);
  font-size: 18px;
  line-height: 1;
}

.tactful .tf-icon-button:hover {
  background: var(--tf-subtle);
  color: var(--tf-fg);
}

/* ---- card ---- */

.tactful .tf-card {
  position: fixed;
  z-index: 2147483647;
  display: flex;
  flex-direction: column;
  gap: 8px;
  width: max-content;
  min-width: 240px;
  max-width: min(340px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 10px 12px 10px;
  border: 1px solid var(--tf-border);
  border-top: 4px solid var(--tf-level);
  border-radius: 10px;
  background: var(--tf-bg);
  color: var(--tf-fg);
  box-shadow: var(--tf-shadow);
  font: 13px/1.45 var(--tf-font);
  overflow-wrap: anywhere;
}

.tactful .tf-card:focus-visible {
  outline: 3px solid var(--tf-focus);
  outline-offset: 2px;
}

.tactful .tf-card-head {
  display: flex;
  align-items: center;
  gap: 8px;
  min-width: 0;
}

.tactful .tf-chip {
  flex: none;
  padding: 1px 7px;
  border: 1px solid transparent;
  border-radius: 999px;
  background: var(--tf-level);
  color: var(--tf-chip-fg);
  font-size: 11px;
  font-weight: 700;
  letter-spacing: 0.02em;
  text-transform: uppercase;
}

.tactful .tf-rule {
  flex: 1 1 auto;
  min-width: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  color: var(--tf-muted);
  font-size: 11.5px;
}

.tactful .tf-close {
  flex: none;
  margin: -4px -6px -4px 0;
}

.tactful .tf-message {
  font-weight: 600;
  font-size: 14px;
  line-height: 1.35;
}

.tactful .tf-actual {
  padding: 4px 8px;
  border-left: 3px solid var(--tf-level);
  border-radius: 0 4px 4px 0;
  background: var(--tf-subtle);
  text-decoration: underline wavy var(--tf-level);
  text-decoration-skip-ink: none;
  text-underline-offset: 3px;
  display: -webkit-box;
  -webkit-line-clamp: 3;
  -webkit-box-orient: vertical;
  overflow: hidden;
}

.tactful .tf-why-toggle {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 2px 4px;
  margin-left: -4px;
  border: 1px solid transparent;
  border-radius: 4px;
  background: transparent;
  color: var(--tf-muted);
  font-size: 12px;
  font-weight: 600;
}

.tactful .tf-why-toggle:hover {
  color: var(--tf-fg);
}

.tactful .tf-caret {
  display: inline-block;
  width: 1em;
  text-align: center;
}

.tactful .tf-why-text {
  margin-top: 2px;
  color: var(--tf-muted);
  font-size: 12.5px;
}

.tactful .tf-fixes {
  display: flex;
  flex-direction: column;
  align-items: stretch;
  gap: 6px;
}

.tactful .tf-weighed {
  margin: 4px 0 0;
  font-size: 12px;
  color: #5f6368;
}
.tactful .tf-more-here {
  margin-left: auto;
  padding: 2px 8px;
  font-size: 12px;
}
.tactful .tf-hint {
  margin: 8px 0 0;
  font-size: 11px;
  color: #5f6368;
}
.tactful .tf-hint kbd {
  font: inherit;
  padding: 0 4px;
  border: 1px solid #dadce0;
  border-radius: 3px;
  background: #f8f9fa;
}
.tactful .tf-card-actions {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px 8px;
  margin: 0 -6px;
  padding-top: 6px;
  border-top: 1px solid var(--tf-subtle);
}

.tactful .tf-confirm {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 8px;
  padding: 0 6px;
  width: 100%;
}

.tactful .tf-confirm-text {
  flex: 1 1 100%;
  font-weight: 600;
}

.tactful .tf-confirm-text .tf-rule {
  white-space: normal;
  color: inherit;
}

.tactful .tf-confirm-buttons {
  display: inline-flex;
  gap: 8px;
}

/* ---- badge ---- */

.tactful .tf-badge-wrap {
  position: fixed;
  z-index: 2147483646;
}

.tactful .tf-badge {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  height: 26px;
  padding: 0 9px;
  border: 1px solid var(--tf-border);
  border-radius: 13px;
  background: var(--tf-bg);
  color: var(--tf-fg);
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18);
  font: 700 12px/1 var(--tf-font);
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}

.tactful .tf-badge:hover {
  background: var(--tf-subtle);
}

.tactful .tf-badge[aria-expanded='true'] {
  border-color: var(--tf-accent);
  box-shadow: 0 0 0 1px var(--tf-accent);
}

.tactful .tf-badge-body {
  display: inline-flex;
  align-items: center;
  gap: 7px;
}

.tactful .tf-count {
  display: inline-flex;
  align-items: center;
  gap: 3px;
  color: var(--tf-level);
}

.tactful .tf-dot {
  flex: none;
  display: inline-block;
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: var(--tf-level);
}

.tactful .tf-check {
  color: var(--tf-good);
  font-weight: 700;
}

.tactful .tf-score {
  padding-left: 7px;
  border-left: 1px solid var(--tf-border);
  color: var(--tf-fg);
}

.tactful .tf-badge-clean .tf-score {
  padding-left: 0;
  border-left: 0;
}

.tactful .tf-spinner {
  display: inline-flex;
  gap: 3px;
  padding: 0 2px;
}

.tactful .tf-spinner span {
  width: 5px;
  height: 5px;
  border-radius: 50%;
  background: var(--tf-muted);
  animation: tf-pulse 1s ease-in-out infinite;
}

.tactful .tf-spinner span:nth-child(2) { animation-delay: 0.15s; }
.tactful .tf-spinner span:nth-child(3) { animation-delay: 0.3s; }

@keyframes tf-pulse {
  0%, 80%, 100% { opacity: 0.3; }
  40% { opacity: 1; }
}

@media (prefers-reduced-motion: reduce) {
  .tactful .tf-spinner span {
    animation: none;
    opacity: 0.7;
  }
}

/* ---- findings panel ---- */

.tactful .tf-panel {
  position: absolute;
  right: 0;
  width: 300px;
  max-width: calc(100vw - 16px);
  max-height: min(360px, 60vh);
  overflow: auto;
  padding: 4px;
  border: 1px solid var(--tf-border);
  border-radius: 10px;
  background: var(--tf-bg);
  color: var(--tf-fg);
  box-shadow: var(--tf-shadow);
  font: 13px/1.4 var(--tf-font);
}

.tactful .tf-panel-above .tf-panel { bottom: calc(100% + 6px); }
.tactful .tf-panel-below .tf-panel { top: calc(100% + 6px); }

.tactful .tf-panel-empty {
  padding: 10px 8px;
  color: var(--tf-muted);
}

.tactful .tf-finding-list {
  margin: 0;
  padding: 0;
  list-style: none;
}

.tactful .tf-finding-button {
  display: flex;
  align-items: baseline;
  gap: 8px;
  width: 100%;
  padding: 7px 8px;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  text-align: start;
}

.tactful .tf-finding-button:hover,
.tactful .tf-finding-button[aria-current='true'] {
  background: var(--tf-subtle);
}

.tactful .tf-finding-button[aria-current='true'] {
  border-color: var(--tf-border);
}

.tactful .tf-finding-button .tf-dot {
  transform: translateY(-1px);
}

.tactful .tf-finding-text {
  display: flex;
  flex-direction: column;
  gap: 2px;
  min-width: 0;
}

.tactful .tf-finding-message {
  font-weight: 600;
}

.tactful .tf-finding-actual {
  color: var(--tf-muted);
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}

/* Windows high contrast and other forced palettes: keep shapes and states visible. */
@media (forced-colors: active) {
  .tactful .tf-dot,
  .tactful .tf-spinner span {
    forced-color-adjust: none;
    background: CanvasText;
  }
  .tactful .tf-card,
  .tactful .tf-panel,
  .tactful .tf-badge {
    border: 1px solid CanvasText;
  }
  .tactful .tf-finding-button[aria-current='true'] {
    border-color: Highlight;
  }
  .tactful :focus-visible {
    outline-color: Highlight;
  }
}
`;
