/** Latencies in milliseconds, by what was asked. */
export class Latencies {
  readonly #samples = new Map<string, number[]>();

  add(what: string, ms: number): void {
    const samples = this.#samples.get(what) ?? [];
    samples.push(ms);
    this.#samples.set(what, samples);
  }

  /** The nearest-rank percentile `p` (0–100) of one kind of call. */
  percentile(what: string, p: number): number {
    const sorted = [...(this.#samples.get(what) ?? [])].sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;

    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }

  table(): Record<string, { calls: number; p50: string; p99: string; max: string }> {
    const ms = (value: number) => `${Math.round(value)} ms`;

    return Object.fromEntries(
      [...this.#samples.entries()].map(([what, samples]) => [
        what,
        {
          calls: samples.length,
          p50: ms(this.percentile(what, 50)),
          p99: ms(this.percentile(what, 99)),
          max: ms(Math.max(...samples)),
        },
      ]),
    );
  }
}
