import { storage } from 'wxt/utils/storage';
import type { TeamDocument } from '../ruleset/in-force';
import { defineSetting, isRecord } from './stored';

/**
 * The team's rule set document, as the lead last saved or imported it (YAML or JSON text and the
 * team's own heads). Versioned: a later shape migrates from this one, so a team's set survives
 * extension updates.
 */
export const teamDocument = defineSetting<TeamDocument | null>('local:teamDocument', {
  fallback: null,
  version: 1,
  read: readTeamDocument,
});

/** The document before the last change: what "Undo" brings back. */
export const previousTeamDocument = defineSetting<TeamDocument | null>('local:previousTeamDocument', {
  fallback: null,
  version: 1,
  read: readTeamDocument,
});

/**
 * A stored team document: its text, and its heads when they are an object. Without text there
 * is no document (the pack is in force). A bare string (an older shape) is the text itself; what
 * the text says is checked by the rule-set schema where it is used, never here.
 */
export function readTeamDocument(stored: unknown): TeamDocument | null | undefined {
  if (typeof stored === 'string') return { text: stored };
  if (!isRecord(stored) || typeof stored.text !== 'string') return undefined;
  return isRecord(stored.models) ? { text: stored.text, models: stored.models } : { text: stored.text };
}

/**
 * A rule set the organisation delivers by enterprise policy (`storage.managed`, see
 * `public/managed-schema.json`): the document's text, and optionally its heads as JSON. It wins over
 * the team's own and the agent cannot change it.
 */
export const policyRuleSet = storage.defineItem<string | null>('managed:teamRuleSet', { fallback: null });
export const policyModels = storage.defineItem<string | null>('managed:teamModels', { fallback: null });

/** The policy's document, or null when none is set (or its heads are not valid JSON). */
export async function readPolicyDocument(): Promise<TeamDocument | null> {
  const [text, models] = await Promise.all([
    policyRuleSet.getValue().catch(() => null),
    policyModels.getValue().catch(() => null),
  ]);
  if (typeof text !== 'string' || text.trim() === '') return null;
  let parsed: Record<string, unknown> = {};
  try {
    if (models) parsed = JSON.parse(models) as Record<string, unknown>;
  } catch {
    // Heads that do not parse: the document names them, and its check says which is missing.
  }
  return { text, models: parsed };
}

/** Saves a new team document, keeping the one it replaces for Undo. */
export async function saveTeamDocument(next: TeamDocument | null): Promise<void> {
  const current = await teamDocument.getValue();
  // One write for both: a storage that refuses half (quota) must not lose either document.
  await storage.setItems([
    { item: previousTeamDocument, value: current },
    { item: teamDocument, value: next },
  ]);
}

/** Brings back the document before the last change (and keeps the current one for redo). */
export async function undoTeamDocument(): Promise<void> {
  const [current, previous] = await Promise.all([teamDocument.getValue(), previousTeamDocument.getValue()]);
  await storage.setItems([
    { item: teamDocument, value: previous },
    { item: previousTeamDocument, value: current },
  ]);
}
