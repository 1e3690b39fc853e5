import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM side by side; Node loads the CommonJS build for the
    // libraries, so the project's own files must get the same one or schemas are "from
    // another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['{apps,packages}/*/{src,tests}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/**'],
    env: { NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
