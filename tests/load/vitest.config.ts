import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    // The run itself lasts LOAD_SECONDS (60 by default); starting and checking take the rest.
    testTimeout: 900_000,
    hookTimeout: 180_000,
  },
});
