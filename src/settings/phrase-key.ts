/**
 * The key a never-flag phrase is compared by: its rule, and the words in lower case with spaces
 * collapsed. Kept apart from the storage item so the coach's filtering needs no storage to import.
 */
export const phraseKey = (ruleId: string, phrase: string) =>
  `${ruleId}\u0000${phrase.toLowerCase().replace(/\s+/g, ' ').trim()}`;
