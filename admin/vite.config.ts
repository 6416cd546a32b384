import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * The console is served by the backend at /console/ (src/http/middleware/console-static.ts),
 * so every asset URL starts there. Built files go to admin/dist, which is never committed:
 * scripts/build-console.mjs builds it on install and before start when it is missing or stale.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names let the server cache them for a year; index.html is never cached.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite admin` during development: the API is the backend on its usual port.
    proxy: { '/api': 'http://localhost:3000' },
  },
})
