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
 * A filled radio group (筛选 buttons such as 全部 / 问卷调查 / 票决) measures its checked button on
 * resize through a throttled callback that can still run after the group is gone: a page left
 * within 300 ms of a layout change threw "Cannot read properties of null (reading
 * 'querySelector')" (TDesign 1.20.8, es/radio/group.mjs calcBarStyle). Nothing is measured once
 * the group has gone. The build fails if the line is not found, so an upgrade shows whether the
 * guard is still needed.
 */
const RADIO_MEASURE = 'var checkedRadio = radioGroupRef.value.querySelector('
const radioGroupGone: Plugin = {
  name: 'tdesign-radio-group-gone',
  transform(code, id) {
    if (!/\/tdesign-vue-next\/es\/radio\/group\.mjs$/.test(id)) return
    if (!code.includes(RADIO_MEASURE)) throw new Error(`tdesign-radio-group-gone: "${RADIO_MEASURE}" not found in ${id}`)
    return code.replace(RADIO_MEASURE, `if (!radioGroupRef.value) return;\n      ${RADIO_MEASURE}`)
  },
}

/**
 * The console is served by the backend at /console/ (src/http/middleware/console-static.ts),
 * so every asset URL starts there. Built files go to admin/dist, which is never committed:
 * scripts/build-console.mjs builds it on install and before start when it is missing or stale,
 * into a folder beside it (its own outDir) renamed to admin/dist once whole, so a running server
 * never serves a half-empty console; `outDir` here serves a plain `npx vite build admin`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [vue(), tdesignStylesOnce, radioGroupGone],
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
