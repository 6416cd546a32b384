import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { send } from '@koa/send'
import type { Middleware, ParameterizedContext } from 'koa'
import type { AppState } from '../state.js'

/** Where `npm run build:console` puts the console (admin/vite.config.ts). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../admin/dist', import.meta.url))

const PREFIX = '/console/'
const YEAR_SECONDS = 365 * 24 * 3600
/**
 * The console is our own scripts and styles only. TDesign sets style attributes, so styles
 * may be inline; scripts never are. Images may be data: or blob: (QR codes, chart exports), and
 * https: ones: a reading item keeps the https images of what a clerk pastes (src/domain/rich-text.ts),
 * and her editor shows them as readers will see them, not as broken pictures.
 */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The roster import reads an .xlsx in the browser; its unzipper inflates large parts in workers
  // made from blob: URLs (only our own scripts can make one). Without this a big roster fails to read.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Serves the built console at /console/. A path that names a file (it has an extension, or
 * lies under assets/) is that file or a plain-text 404: a missing script must never be answered
 * with index.html, nor a style sheet with a JSON error. Any other path is a page of the console's router, so it gets index.html (deep
 * links and reloads work). Hashed assets are cached for a year; index.html is revalidated
 * every time so a new build is picked up at once. Nothing outside /console/ is touched, so
 * /api is never shadowed.
 */
export function consoleStatic(root: string = CONSOLE_DIST): Middleware<AppState> {
  // Not async itself: every API request passes here on its way, and an async function around its `next()` cost each
  // of them a promise and more turns of the microtask queue.
  return (ctx, next) => {
    const { path } = ctx
    if (path === '/' && (ctx.method === 'GET' || ctx.method === 'HEAD')) return ctx.redirect(PREFIX)
    if (path === '/console') return ctx.redirect(PREFIX)
    if (!path.startsWith(PREFIX) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next()
    return serveConsole(ctx, root)
  }
}

/** A file of the console, or its index.html for a page of its router. */
async function serveConsole(ctx: ParameterizedContext<AppState>, root: string) {
  const rel = ctx.path.slice(PREFIX.length)
  const last = rel.split('/').pop() ?? ''
  const isAsset = rel.startsWith('assets/') || last.includes('.')
  if (!existsSync(`${root}/index.html`)) {
    ctx.status = 503
    ctx.type = 'text/plain; charset=utf-8'
    ctx.body = '管理后台尚未构建。请在项目目录运行 npm run build:console 后刷新本页。'
    return
  }
  if (isAsset) {
    const hashed = rel.startsWith('assets/')
    // send() answers with the build's .br or .gz copy when the browser accepts it.
    ctx.vary('Accept-Encoding')
    try {
      await send(ctx, rel, { root, index: false, hidden: false, immutable: hashed, maxage: hashed ? YEAR_SECONDS * 1000 : 0 })
    } catch (err) {
      // Not there, or a path that tries to leave the folder: either way no such file.
      const status = (err as { status?: number }).status
      if (!status || status >= 500) throw err
    }
    if (!ctx.body) {
      // A plain 404, never JSON: what asks for a missing file is a browser loading a script or a style
      // sheet, typically a tab opened before an update asking for the old build's page (the console
      // then says 系统已更新). Not kept by any cache: the same name may be there after a rollback.
      ctx.status = 404
      ctx.type = 'text/plain; charset=utf-8'
      ctx.set('Cache-Control', 'no-store')
      ctx.body = '文件不存在'
    }
    return
  }
  await send(ctx, 'index.html', { root, index: false })
  ctx.set('Cache-Control', 'no-cache')
  ctx.set('Content-Security-Policy', CONSOLE_CSP)
}
