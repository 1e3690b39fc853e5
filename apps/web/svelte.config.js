import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    // The origin check lives in src/lib/server/csrf.ts: adapter-node assumes https when ORIGIN
    // is unset, so SvelteKit's own check would refuse every form under `node build/index.js`.
    csrf: { trustedOrigins: ['*'] },
  },
};

export default config;
