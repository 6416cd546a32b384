import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * main.ts loads TDesign's whole style sheet once; each component's module imports its own copy
 * of the same rules as well, which only doubled what the browser parses and matches.
 */
const tdesignStylesOnce: Plugin = {
  name: 'tdesign-styles-once',
  enforce: 'pre',
  resolveId(id, importer) {
    if (importer?.includes('/tdesign-vue-next/es/') && /(^|\/)style\/css\.mjs$/.test(id)) return '\0tdesign-style-copy'
  },
  load(id) {
    if (id === '\0tdesign-style-copy') return ''
  },
}

/**
 * The console is served by the backend at /console/ (src/http/middleware/console-static.ts),
 * so every asset URL starts there. Built files go to admin/dist, which is never committed:
 * scripts/build-console.mjs builds it on install and before start when it is missing or stale.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [vue(), tdesignStylesOnce],
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
