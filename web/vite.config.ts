import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Build to web/dist (served by the server); in dev, /api goes to the local server. */
export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  // The budget is gzip (≤ 300 KB of JS in total, checked in the report); React, the router, TanStack Query and
  // zod make one ~650 KB minified entry, which gzips to ~180 KB.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    port: 3101,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
