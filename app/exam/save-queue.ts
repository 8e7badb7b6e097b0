// The exam's background saves (uxr6 finding 2): a tick or a flag shows at once and its request goes out behind it,
// one at a time and in the order the learner made them, so the server ends with the last choice. Nothing here
// knows React or the network: the component passes `send` and reacts to `settled` and `idle`.

export type SaveOutcome =
  | { readonly ok: true; readonly finished: boolean }
  | {
      readonly ok: false;
      readonly finished: boolean;
      readonly error: string;
      /** 0 when the server could not be reached; a 5xx is worth one more try too. */
      readonly status: number;
    };

export type SaveEvents<S> = {
  /** Each step once, in order, with its final outcome (after the retry, if one was made). */
  readonly settled: (step: S, outcome: SaveOutcome) => void;
  /** The last queued step has settled. */
  readonly idle: () => void;
};

/** Whether a refusal may be a passing failure (no reply, or a server error) rather than the server saying no. */
export function worthRetrying(outcome: SaveOutcome): boolean {
  return !outcome.ok && !outcome.finished && (outcome.status === 0 || outcome.status >= 500);
}

export class SaveQueue<S> {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly send: (step: S) => Promise<SaveOutcome>,
    private readonly events: SaveEvents<S>,
    /** Waits before the one retry of a passing failure. */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 400)),
  ) {}

  /** Steps queued or in flight. */
  get pending(): number {
    return this.waiting;
  }

  /** Queues a step behind the earlier ones; never rejects. */
  push(step: S): void {
    this.waiting += 1;
    this.tail = this.tail.then(async () => {
      let outcome = await this.attempt(step);
      if (worthRetrying(outcome)) {
        await this.pause();
        outcome = await this.attempt(step);
      }
      this.waiting -= 1;
      this.events.settled(step, outcome);
      if (this.waiting === 0) this.events.idle();
    });
  }

  /** Resolves once every step queued so far has settled (a move waits here, so it reaches the server last). */
  drained(): Promise<void> {
    return this.tail;
  }

  private async attempt(step: S): Promise<SaveOutcome> {
    try {
      return await this.send(step);
    } catch (error) {
      return { ok: false, finished: false, error: String(error), status: 0 };
    }
  }
}
