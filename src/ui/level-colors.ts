import { levelColorCss } from './levels';

// Imported for its effect, beside a page's stylesheet import (popup, options, practice): those
// stylesheets read the level colours as `--tactful-*` custom properties, which come from the one
// table in levels.ts, so they are added here, once, as a `<style>` at the start of the page's head.
if (typeof document !== 'undefined' && !document.querySelector('style[data-tactful-levels]')) {
  const style = document.createElement('style');
  style.dataset.tactfulLevels = '';
  style.textContent = levelColorCss(':root');
  document.head.prepend(style);
}
