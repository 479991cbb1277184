/**
 * What one rule set may hold. A team's document is loaded in the options page, the service
 * worker and the CLI; these caps keep loading under a second and every lint fast (issue 12).
 */
export const LIMITS = {
  /** The document's size in UTF-8 bytes, checked before parsing: YAML parses about 2.5 MB/s here. */
  documentBytes: 2 * 1024 * 1024,
  /** YAML aliases (`*name`), counted as the yaml library expands them (nested ones multiply). */
  aliases: 1_000,
  /** Custom rules in one document. */
  customRules: 500,
  /** Patterns in one list (patterns, unless, alternatives, … or a list's `add`). */
  patternsPerList: 5_000,
  /** Patterns in all the document's lists together. */
  patternsTotal: 20_000,
} as const;
