import type { Logger } from 'pino';

export interface PeriodicTask {
  /** Run now rather than at the next tick (coalesced with a run in progress). */
  wake(): void;
  /** Stops ticking and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `run` on a timer and on demand, never two runs at once: a wake during a run schedules
 * one more. The work itself must be safe to repeat and to run on several instances, since the
 * state it acts on lives in the database.
 */
export function startPeriodicTask(options: {
  name: string;
  intervalMs: number;
  log: Logger;
  run: () => Promise<void>;
}): PeriodicTask {
  const { log } = options;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await options.run();
        } catch (error) {
          log.error({ err: error, task: options.name }, 'background task failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();

  return {
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
