/**
 * Worker threads that each run tasks in the order they are given (worker.ts). A task goes to the
 * thread with the fewest waiting; its promise settles with its outcome. If a thread dies, every task
 * still waiting rejects, and so does every later one: the run stops with the reason.
 */
import { Worker } from 'node:worker_threads';

interface Waiting<R> {
  resolve(outcome: R): void;
  reject(error: Error): void;
}

export class WorkerPool<T, R> {
  private readonly workers: { worker: Worker; waiting: Waiting<R>[] }[] = [];
  private failure?: Error;

  /** `entry`: the path of the worker's module. */
  constructor(size: number, entry: string, workerData: unknown) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData });
      const slot = { worker, waiting: [] as Waiting<R>[] };
      worker.on('message', (outcome: R) => slot.waiting.shift()?.resolve(outcome));
      worker.on('error', (error: Error) => this.fail(error));
      worker.on('exit', (code) => {
        if (slot.waiting.length > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.workers.push(slot);
    }
  }

  run(task: T): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((best, w) => (w.waiting.length < best.waiting.length ? w : best));
    return new Promise<R>((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.workers) for (const waiting of slot.waiting.splice(0)) waiting.reject(this.failure);
  }
}
