import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    // Each test runs the product as real processes and waits out real timeouts and locks.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // The files mostly wait (on locks, timeouts and restarts), so they may wait side by side.
    maxWorkers: 3,
  },
});
