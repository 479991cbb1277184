// Reading people's names from what a page shows, for a greeting fix ("Hi Dana,").

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);

/**
 * The first name in a display name: "Dana Reyes" → "Dana", "Reyes, Dana" → "Dana",
 * "Dr. Dana Reyes" → "Dana". Undefined for an address or an empty name: greeting someone by
 * "dana.reyes@" reads worse than no name.
 */
export function firstName(displayName: string | null | undefined): string | undefined {
  let name = (displayName ?? '').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  if (!name || name.includes('@')) return undefined;
  const comma = name.indexOf(',');
  if (comma > 0 && comma < name.length - 1) name = name.slice(comma + 1).trim();
  const words = name.split(' ').filter((w) => !HONORIFICS.has(w.replace(/\.$/, '').toLowerCase()));
  const first = words[0]?.replace(/[.,;:]+$/, '');
  return first ? first : undefined;
}
