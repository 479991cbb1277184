// The teach worker: training and judging run here, off the options page's main thread. Started by
// createTeachClient() (./client.ts) with `new Worker(new URL('./worker.ts', import.meta.url))`.
import { teach } from './teach';
import type { TeachCall, TeachReply } from './types';

const post = (reply: TeachReply) => (self as unknown as { postMessage(m: TeachReply): void }).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<TeachCall>) => {
  const call = event.data;
  if (call?.type !== 'teach') return;
  try {
    const result = teach(call.request, (progress) => post({ type: 'progress', id: call.id, progress }));
    post({ type: 'result', id: call.id, result });
  } catch (e) {
    post({ type: 'error', id: call.id, message: e instanceof Error ? e.message : String(e) });
  }
});
