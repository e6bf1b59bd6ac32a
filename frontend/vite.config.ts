/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

import { initialJsBudget } from './scripts/bundle-budget.mjs';

// The gateway (`make run`) serves the APIs on one origin; in `npm run dev` Vite proxies them.
const apiTarget = process.env.MESTRING_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  // The build fails when the initial JavaScript is over 250 kB gzipped (docs/performance.md).
  plugins: [react(), initialJsBudget()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // Designsystemet's React package declares no `sideEffects`, so every component it exports
      // (the combobox with floating-ui and a virtual list among them) would land in the first
      // download; its modules only define components, so those a page does not use are dropped.
      treeshake: {
        moduleSideEffects: [{ test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false }],
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Pages are chunks of their own (lazyComponent in the features' routes); what the first
        // visit needs besides React and the router is gathered in two chunks (libraries, app
        // shell) instead of dozens of small shared ones.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
            { name: 'shell', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    // Form tests type a great deal; on a busy 2-core machine they need more than 5 s.
    testTimeout: 60_000,
  },
});
