export * from './types';
export { historyEntry, sentenceAround } from './entry';
export {
  addEntries,
  clearHistory,
  DB_VERSION,
  historyCsv,
  historyRecorder,
  openHistory,
  prune,
  queryHistory,
  replyScores,
  type HistoryDb,
} from './store';
