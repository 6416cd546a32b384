import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { consoleSession, startProvinceServer } from './console.js'
import type { ProvinceData } from './generate.js'
import { row, type Row } from './row.js'

const ROOT = join(import.meta.dirname, '..', '..')
const MP = join(ROOT, 'miniprogram')
const CHROMIUM = '/usr/bin/chromium'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + statSync(f).size, 0)

/**
 * The mini-program's main package as WeChat uploads it ("过滤无依赖文件" on): every file
 * outside the subpackage roots, and of the npm components in miniprogram_npm only those a
 * page or component uses (usingComponents) with the shared code they require.
 */
export function miniProgramMainPackage() {
  const app = JSON.parse(readFileSync(join(MP, 'app.json'), 'utf8')) as { subpackages?: Array<{ root: string }> }
  const roots = (app.subpackages ?? []).map((s) => join(MP, s.root) + '/')
  const npm = join(MP, 'miniprogram_npm') + '/'
  const all = filesUnder(MP).filter((f) => !f.endsWith('package.json') || dirname(f) !== MP)
  const own = all.filter((f) => !f.startsWith(npm) && !roots.some((r) => f.startsWith(r)))
  // Components used anywhere (subpackages use them from the main package's miniprogram_npm too).
  const wanted = new Set<string>()
  const queue: string[] = []
  const use = (dir: string) => {
    if (dir.startsWith(npm) && existsSync(dir) && !wanted.has(dir)) wanted.add(dir) && queue.push(dir)
  }
  for (const f of all.filter((f) => f.endsWith('.json') && !f.startsWith(npm)))
    for (const path of Object.values((JSON.parse(readFileSync(f, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {}))
      if (!path.startsWith('/') && !path.startsWith('.')) use(dirname(join(npm, path)))
  while (queue.length) {
    const dir = queue.pop()!
    for (const f of readdirSync(dir).map((n) => join(dir, n))) {
      if (statSync(f).isDirectory()) continue
      const text = readFileSync(f, 'utf8')
      // Relative usingComponents, require()s, imports and wxs/wxss includes into sibling folders.
      for (const m of text.matchAll(/["'](\.\.?\/[^"']+)["']/g)) {
        const target = resolve(dir, m[1])
        use(statSafe(target)?.isDirectory() ? target : dirname(target))
      }
    }
  }
  const npmFiles = all.filter((f) => f.startsWith(npm) && [...wanted].some((d) => dirname(f) === d || f.startsWith(d + '/')))
  return { bytes: size(own) + size(npmFiles), ownBytes: size(own), everythingBytes: size(all), components: [...wanted].map((d) => relative(npm, d)) }
}

const statSafe = (p: string) => (existsSync(p) ? statSync(p) : null)

/** The console's scripts gzipped: those fetched before the first screen, and all of them. */
async function consoleScripts() {
  const build = (await import(join(ROOT, 'scripts/build-console.mjs'))) as { isStale(): boolean; buildConsole(): Promise<void>; initialJsBytes(): number }
  if (build.isStale()) await build.buildConsole()
  const assets = join(ROOT, 'admin', 'dist', 'assets')
  const everything = filesUnder(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0)
  return { initial: build.initialJsBytes(), everything }
}

/**
 * "Dashboard ready" in Debian's Chromium: an organizer, logged in, opens /console/ on the
 * province's data; the time until the dashboard shows its numbers. Baseline: the login
 * page's form showing, in the same browser (the static console, no data).
 */
async function dashboardReady(data: ProvinceData) {
  const server = await startProvinceServer(data.path)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const { cookie } = await consoleSession(server.baseUrl, data.accounts.organizer)
    const [name, value] = cookie.split('=')
    const timeTo = async (path: string, ready: (page: import('playwright-core').Page) => Promise<unknown>, withSession: boolean) => {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
      if (withSession) await context.addCookies([{ name, value, url: server.baseUrl }])
      const page = await context.newPage()
      page.setDefaultTimeout(120_000)
      const started = Date.now()
      await page.goto(path)
      await ready(page)
      const ms = Date.now() - started
      await context.close()
      return ms
    }
    const login = () => timeTo('/console/login', (p) => p.getByPlaceholder('请输入账号').waitFor(), false)
    const dashboard = () => timeTo('/console/', dashboardShown, true)
    await login() // warm: the browser's first start, the server's first reads
    await dashboard()
    return { baseline: await login(), ms: await dashboard() }
  } finally {
    await browser.close()
    await server.close()
  }
}

/**
 * The dashboard's three figures with their numbers. A console story waits through this very
 * function, so renaming a figure fails a test instead of leaving this bench waiting for words
 * the page no longer shows (已经超期 became 已超期 and the province run timed out unnoticed).
 */
export async function dashboardFiguresShown(page: import('playwright-core').Page) {
  for (const title of ['今天新收到', '正在办理', '已超期']) await page.getByLabel(new RegExp(`${title} \\d+ 条`)).waitFor()
}

/**
 * What a person sees as the dashboard: the three figures with their numbers, and the charts
 * drawn (a chart writes where its bars are once drawn; the responsiveness card may instead
 * say there are no cases yet).
 */
export async function dashboardShown(page: import('playwright-core').Page) {
  await dashboardFiguresShown(page)
  for (const chart of ['weeks', 'satisfaction']) await page.locator(`[data-chart="${chart}"] [data-bars]:not([data-bars="[]"])`).waitFor()
  await page.locator('[data-chart="responsiveness"] [data-bars]:not([data-bars="[]"]), [data-chart="responsiveness"] :text("还没有留言")').first().waitFor()
}

/** The front ends as bench rows: main package < 2 MB, initial console JS < 400 kB gzip, dashboard ready < 2 s. */
export async function benchFrontends(data: ProvinceData): Promise<{ results: Row[]; lines: string[] }> {
  const mp = miniProgramMainPackage()
  const scripts = await consoleScripts()
  const ready = await dashboardReady(data)
  const kb = (b: number) => b / 1024
  return {
    lines: [
      `mini-program main package ${kb(mp.bytes).toFixed(0)} kB (own code ${kb(mp.ownBytes).toFixed(0)} kB, tdesign components used: ${mp.components.length})`,
      `console JS gzip: initial ${kb(scripts.initial).toFixed(1)} kB of ${kb(scripts.everything).toFixed(1)} kB`,
      `dashboard ready ${ready.ms} ms (login page ${ready.baseline} ms)`,
    ],
    results: [
      row('mini-program main package', kb(mp.bytes), 'kB', { name: 'every file, unused components too', value: kb(mp.everythingBytes) }, 2048),
      row('console initial JavaScript, gzip', kb(scripts.initial), 'kB', { name: 'all the console scripts, gzip', value: kb(scripts.everything) }, 400),
      row('console dashboard ready (organizer, province data)', ready.ms, 'ms', { name: 'login page ready', value: ready.baseline }, 2000),
    ],
  }
}
