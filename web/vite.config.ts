import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Build to web/dist (served by the server); in dev, /api goes to the local server. */
export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 3101,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
