export * from './types';
export { historyEntry, sentenceAround } from './entry';
export {
  addEntries,
  clearHistory,
  DB_VERSION,
  historyCsv,
  openHistory,
  prune,
  queryHistory,
  type HistoryDb,
} from './store';
