import { describe, expect, it } from 'vitest';
import { Latencies } from './figures.ts';

describe('latency percentiles', () => {
  it('take the nearest rank, so p99 of a hundred calls is the 99th slowest', () => {
    const latencies = new Latencies();
    for (let ms = 100; ms >= 1; ms -= 1) latencies.add('pay', ms);

    expect(latencies.percentile('pay', 50)).toBe(50);
    expect(latencies.percentile('pay', 99)).toBe(99);
    expect(latencies.percentile('pay', 100)).toBe(100);
  });

  it('report each kind of call on its own', () => {
    const latencies = new Latencies();
    latencies.add('start', 12.4);
    latencies.add('return', 80);
    latencies.add('return', 20);

    expect(latencies.table()).toEqual({
      start: { calls: 1, p50: '12 ms', p99: '12 ms', max: '12 ms' },
      return: { calls: 2, p50: '20 ms', p99: '80 ms', max: '80 ms' },
    });
  });
});
