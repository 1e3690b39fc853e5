/** The value below which `share` of the sorted samples fall (nearest rank). */
export function percentile(samples: number[], share: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));

  return sorted[rank] ?? Number.NaN;
}

export const median = (samples: number[]) => percentile(samples, 0.5);

/** Milliseconds of each of `runs` calls of `work`, after `warmup` calls that are not kept. */
export async function timeRuns(
  work: () => Promise<unknown>,
  { runs = 20, warmup = 3 }: { runs?: number; warmup?: number } = {},
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }

  return samples;
}

/**
 * Milliseconds of `a` and of `b`, run in turns, so that whatever else the machine is doing at
 * the time weighs on both alike and their ratio stays fair.
 */
export async function timeInTurns(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  { runs = 20, warmup = 3 }: { runs?: number; warmup?: number } = {},
): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < warmup + runs; i += 1) {
    for (const [index, work] of [a, b].entries()) {
      const started = performance.now();
      await work();
      if (i >= warmup) samples[index]?.push(performance.now() - started);
    }
  }

  return samples;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
