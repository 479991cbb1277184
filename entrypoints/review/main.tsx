import { openHistory } from '../../src/history';
import { mountReview } from './app';
import { downloadText } from '../../src/ui/download';

mountReview(document.getElementById('app')!, {
  openHistory: () => openHistory(),
  download: downloadText,
  now: () => Date.now(),
});
