#!/usr/bin/env node
/**
 * Builds the console (admin/ → admin/dist) with Vite and checks the first screen's weight.
 *
 *   node scripts/build-console.mjs             build now (npm run build:console)
 *   node scripts/build-console.mjs --if-stale  build only when admin/dist is missing or older
 *                                              than admin/ or package-lock.json (prestart, tests)
 *   --soft                                     on install: without Vite (npm ci --omit=dev) say so
 *                                              and leave, instead of failing the install
 *
 * The initial JavaScript (the entry script and what index.html preloads, gzipped) must stay
 * under 400 kB: chart pages and other large screens are loaded lazily, and this refuses a
 * build that forgets to.
 *
 * The build is written beside admin/dist (admin/dist.next-<pid>) and renamed into place once whole:
 * a running server keeps serving the old console meanwhile, where building into admin/dist itself
 * emptied it first and sent open tabs to the 尚未构建 page for the ~10 s a build takes (a
 * `git pull && npm install` on a live server builds through postinstall).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ADMIN = join(ROOT, 'admin')
const DIST = join(ADMIN, 'dist')
const STAMP = join(DIST, '.built-from')
export const INITIAL_JS_LIMIT = 400 * 1024

/** The newest change among the console's sources and the installed versions. */
function newestSource(dir = ADMIN) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // The build's own output, finished or under way (dist.next-…, dist.old-…), is not a source.
    if (entry.name === 'dist' || entry.name.startsWith('dist.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

export function isStale() {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(STAMP)) return true
  const built = Number(readFileSync(STAMP, 'utf8'))
  const lock = existsSync(join(ROOT, 'package-lock.json')) ? statSync(join(ROOT, 'package-lock.json')).mtimeMs : 0
  return !(built >= Math.max(newestSource(), lock))
}

/** Gzipped bytes of the scripts the browser fetches before the first screen shows (of the build in `dist`). */
export function initialJsBytes(dist = DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const urls = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/console\/([^"]+\.js)"/g)].map((m) => m[1])
  return urls.reduce((sum, url) => sum + gzipSync(readFileSync(join(dist, url)), { level: 9 }).length, 0)
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every script and style sheet, which the
 * server sends to browsers that accept them (@koa/send looks for them): a third of the bytes
 * on an office's slow line, and no compressing per request.
 */
function precompress(dir) {
  for (const name of readdirSync(dir).filter((n) => /\.(js|css|svg)$/.test(n))) {
    const bytes = readFileSync(join(dir, name))
    if (bytes.length < 1024) continue
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
    writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }))
  }
}

export async function buildConsole() {
  const sourcesAt = Math.max(newestSource(), Date.now() - 1) // a change during the build makes it stale again
  // Always the build `npm start` serves: Vite takes NODE_ENV from the environment, and the tests run under
  // NODE_ENV=test, which made Vue's development build (warnings, devtools hooks; ~19 kB more at first
  // screen) and left it in admin/dist for the next `npm start` and the bench to serve and weigh.
  process.env.NODE_ENV = 'production'
  const { build } = await import('vite')
  // Beside dist, in the same folder: a rename across file systems would fail (tmp/ may be another mount).
  const next = join(ADMIN, `dist.next-${process.pid}`)
  const old = join(ADMIN, `dist.old-${process.pid}`)
  try {
    await build({ configFile: join(ADMIN, 'vite.config.ts'), logLevel: 'warn', build: { outDir: next, emptyOutDir: true } })
    precompress(join(next, 'assets'))
    const bytes = initialJsBytes(next)
    const kb = (bytes / 1024).toFixed(1)
    if (bytes > INITIAL_JS_LIMIT) throw new Error(`console: initial JavaScript is ${kb} kB gzip, over the 400 kB budget; load big pages lazily`)
    writeFileSync(join(next, '.built-from'), String(Math.min(sourcesAt, Date.now())))
    // Two renames, back to back: a directory cannot be renamed over a full one, and the old build is removed only
    // once the new one serves. The server checks for index.html on each request, so it serves the new build at once.
    const had = existsSync(DIST)
    if (had) renameSync(DIST, old)
    try {
      renameSync(next, DIST)
    } catch (err) {
      if (had) renameSync(old, DIST) // the old build back in place: never no console at all
      throw err
    }
    process.stderr.write(`console built into admin/dist (initial JavaScript ${kb} kB gzip)\n`)
  } finally {
    rmSync(next, { recursive: true, force: true })
    rmSync(old, { recursive: true, force: true })
  }
}

const args = new Set(process.argv.slice(2))
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (args.has('--if-stale') && !isStale()) process.exit(0)
    if (args.has('--soft')) {
      try {
        await import('vite')
      } catch {
        process.stderr.write(
          'console: Vite is not installed (production install?), so admin/dist was not built; run npm run build:console where dev dependencies are installed\n',
        )
        process.exit(0)
      }
    }
    await buildConsole()
  } catch (err) {
    process.stderr.write(`console build failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
}
