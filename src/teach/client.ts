// The options page's side of the teach worker. No engine here: the engine loads in the worker.
import type { TeachCall, TeachProgress, TeachReply, TeachRequest, TeachResult } from './types';

/** What the Teach by example panel needs: run a teach request, hear its progress. */
export interface TeachClient {
  teach(request: TeachRequest, onProgress?: (p: TeachProgress) => void): Promise<TeachResult>;
  /** Stops the worker (a run in progress is rejected). */
  dispose(): void;
}

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: TeachCall): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<TeachReply>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** A client over a worker running ./worker.ts. */
export function teachClientOver(worker: WorkerLike): TeachClient {
  let next = 1;
  const pending = new Map<
    number,
    { resolve(r: TeachResult): void; reject(e: Error): void; onProgress?: (p: TeachProgress) => void }
  >();
  worker.addEventListener('message', (e) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') p.onProgress?.(reply.progress);
    else {
      pending.delete(reply.id);
      if (reply.type === 'result') p.resolve(reply.result);
      else p.reject(new Error(reply.message));
    }
  });
  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  worker.addEventListener('error', (e) => failAll(`the teach worker failed: ${e.message || 'unknown error'}`));
  return {
    teach(request, onProgress) {
      const id = next++;
      return new Promise<TeachResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        worker.postMessage({ type: 'teach', id, request });
      });
    },
    dispose() {
      worker.terminate();
      failAll('teaching was stopped');
    },
  };
}

/**
 * Starts the teach worker (a module worker, bundled by Vite/WXT with the page that calls this)
 * and returns its client. Call it from an extension page (options), not from a content script.
 */
export function createTeachClient(): TeachClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'tactful-teach' });
  return teachClientOver(worker as unknown as WorkerLike);
}
