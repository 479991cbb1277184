import { openHistory } from '../../src/history';
import { mountReview } from './app';

mountReview(document.getElementById('app')!, {
  openHistory: () => openHistory(),
  download(fileName, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  now: () => Date.now(),
});
