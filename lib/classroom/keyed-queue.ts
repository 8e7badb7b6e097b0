// Runs tasks with the same key one after another, tasks with different keys side by side. The server queues each
// game's read-apply-write behind the previous one, so answers arriving together in one process do not race for
// the same revision (lib/db's revision check still guards against other processes).

export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones queued after it: the chain continues on settle, not on success.
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
