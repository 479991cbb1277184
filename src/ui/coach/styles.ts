import { levelColorCss } from '../levels';
import css from './coach.css?inline';

/**
 * The coach's stylesheet, for a `<style>` (or a constructed sheet) inside Tactful's shadow root:
 * `coach.css` as text (a closed shadow root cannot take a page stylesheet) after the level
 * colours it reads. Every selector sits under `.tactful`, so nothing leaks out; the root resets
 * what the host page's inherited styles (font, colour, spacing, custom properties) would carry in.
 */
export const coachCss = levelColorCss('.tactful') + css;
