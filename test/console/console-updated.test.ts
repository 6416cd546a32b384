import { expect } from 'chai'
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Koa from 'koa'
import { consoleStatic } from '../../src/http/middleware/console-static.js'
import type { TestApp } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const DIST = fileURLToPath(new URL('../../admin/dist', import.meta.url))

/**
 * The console as a deployment serves it, from a folder of its own that the story may change: the
 * backend's own console middleware over a copy of the build, every other path passed on to the
 * real backend (as nginx in front would), Host kept so the backend sees its own origin.
 */
async function serveCopy(app: TestApp): Promise<{ root: string; baseUrl: string; close(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'console-copy-'))
  cpSync(DIST, root, { recursive: true })
  const statics = new Koa().use(consoleStatic(root)).callback()
  const backend = new URL(app.baseUrl)
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/console')) return void statics(req, res)
    const upstream = request({ host: backend.hostname, port: backend.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    root,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/**
 * A new build deployed over the copy: every file under a new name (as a rebuild gives them new
 * hashes), the old names gone, index.html naming the new ones.
 */
function deployNewBuild(root: string) {
  const assets = join(root, 'assets')
  for (const name of readdirSync(assets)) if (/\.(br|gz)$/.test(name)) rmSync(join(assets, name))
  const names = readdirSync(assets)
  const renamed = new Map(names.map((name) => [name, name.replace(/(\.[a-z]+)$/, 'v2$1')]))
  const pattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
  for (const file of [...names.map((n) => join(assets, n)), join(root, 'index.html')]) {
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(pattern, (old) => renamed.get(old)!),
    )
  }
  for (const [from, to] of renamed) renameSync(join(assets, from), join(assets, to))
}

/** Counts the page's loads of the console (the first, and each reload). */
function countLoads(page: ConsolePage) {
  const loads = { count: 0 }
  page.on('load', () => loads.count++)
  return loads
}

/**
 * The console is updated while 张国华's tab is open: the pages of the build her tab runs are gone.
 * A click on a menu entry must not silently do nothing: the console opens the page with the new
 * build by itself, once; when even that cannot load it, it says 系统已更新，请刷新页面 with 刷新,
 * and never reloads over and over.
 */
describe('console: a tab opened before an update', function () {
  this.timeout(180_000)
  const story = useConsole()
  let copy: Awaited<ReturnType<typeof serveCopy>>
  beforeEach(async () => {
    copy = await serveCopy(story.app)
  })
  afterEach(() => copy.close())

  const openInbox = async () => {
    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, { ...story.app, baseUrl: copy.baseUrl })
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    return page
  }

  it('opens the menu entry she clicks with the new build, reloading once by itself', async () => {
    const page = await openInbox()
    deployNewBuild(copy.root)
    await page.evaluate(() => ((window as unknown as { oldBuild: boolean }).oldBuild = true))
    const loads = countLoads(page)
    await page.locator('.t-menu').getByText('代表与值班', { exact: true }).click()
    await page.getByRole('heading', { name: '代表与值班' }).waitFor()
    expect(new URL(page.url()).pathname).to.equal('/console/deputies')
    expect(await page.evaluate(() => (window as unknown as { oldBuild?: boolean }).oldBuild)).to.equal(undefined)
    // Settled: one reload, no notice.
    await page.waitForTimeout(2_000)
    expect(loads.count).to.equal(1)
    expect(await page.getByTestId('update-notice').count()).to.equal(0)
    await screenshot(page, 'console-updated-reloaded')
  })

  it('says 系统已更新，请刷新页面 with 刷新 when the page still cannot be loaded, and reloads no more by itself', async () => {
    const page = await openInbox()
    // The page's style sheet is missing from what is deployed: the server answers it 404.
    const sheet = readdirSync(join(copy.root, 'assets')).find((n) => /^Deputies-[^.]+\.css$/.test(n))!
    expect(sheet).to.be.a('string')
    // With its compressed copies, which the server would send in its place.
    const css = readdirSync(join(copy.root, 'assets')).filter((n) => n.startsWith(sheet))
    for (const name of css) renameSync(join(copy.root, 'assets', name), join(copy.root, `${name}.aside`))
    const missing = await fetch(`${copy.baseUrl}/console/assets/${sheet}`)
    expect(missing.status).to.equal(404)
    expect(missing.headers.get('content-type')).to.equal('text/plain; charset=utf-8')
    const loads = countLoads(page)
    await page.locator('.t-menu').getByText('代表与值班', { exact: true }).click()
    const notice = page.getByTestId('update-notice')
    await notice.waitFor()
    expect(await notice.innerText()).to.include('系统已更新，请刷新页面')
    await page.waitForTimeout(3_000)
    expect(loads.count, 'one reload by itself, then the notice').to.equal(1)
    await screenshot(page, 'console-updated-notice')

    // Once the files are there again, 刷新 opens the page she wanted.
    for (const name of css) renameSync(join(copy.root, `${name}.aside`), join(copy.root, 'assets', name))
    await notice.getByRole('button', { name: '刷新' }).click()
    await page.getByRole('heading', { name: '代表与值班' }).waitFor()
    expect(await page.getByTestId('update-notice').count()).to.equal(0)
    // Chromium reports the style sheet's 404 itself; nothing else went wrong.
    expect(page.problems).to.deep.equal([])
  })
})
