import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Under vitest the messages are already compiled by `npm run generate`; the plugin's project
// watcher would only keep the test run from exiting.
const paraglide = process.env.VITEST
  ? []
  : [
      paraglideVitePlugin({
        project: './project.inlang',
        outdir: './src/lib/paraglide',
        strategy: ['cookie', 'baseLocale'],
      }),
    ];

export default defineConfig({
  plugins: [...paraglide, sveltekit()],
  test: {
    include: ['src/**/*.test.ts', 'inlang/**/*.test.ts'],
  },
});
