import { expect } from 'chai'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import Koa from 'koa'
import { CONSOLE_DIST, consoleStatic } from '../../src/http/middleware/console-static.js'
import { BUILD_TIMEOUT_MS, ensureConsoleBuilt } from './harness.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ADMIN = fileURLToPath(new URL('../../admin', import.meta.url))

/**
 * A clerk has the console open while it is rebuilt (`git pull && npm install` on the live server builds it through
 * postinstall; review 35 saw it twice in a week). Every page she opens or reloads meanwhile is the console, never the
 * developer's words 管理后台尚未构建: the new build is written beside the old one and takes its place only once whole.
 * Run under the stories' lock: it builds the console, as the stories' own command does.
 */
describe('console: a rebuild never leaves the served console half-empty', function () {
  this.timeout(BUILD_TIMEOUT_MS)
  let server: Server
  let baseUrl: string

  before(async () => {
    ensureConsoleBuilt()
    // The backend's own console middleware over the folder it serves (admin/dist).
    server = createServer(new Koa().use(consoleStatic(CONSOLE_DIST)).callback())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('serves the whole console on every reload while a build runs, and the new one once it is done', async () => {
    const build = spawn(process.execPath, ['scripts/build-console.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    build.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const ended = new Promise<number | null>((resolve) => build.once('exit', resolve))
    let running = true
    void ended.then(() => (running = false))

    // A tab reloading the console again and again while the build runs: what each reload reads.
    const seen = new Map<string, number>()
    while (running) {
      const page = await fetch(`${baseUrl}/console/cases`)
      const body = await page.text()
      const said = page.status === 200 && body.includes('<div id="app"') ? 'the console' : `${page.status} ${body.slice(0, 60)}`
      seen.set(said, (seen.get(said) ?? 0) + 1)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(await ended, stderr).to.equal(0)
    expect([...seen.keys()], 'every reload during the build').to.deep.equal(['the console'])
    expect(seen.get('the console'), 'reloads were made during the build').to.be.greaterThan(10)

    // The new build serves whole: its entry script is there, and nothing of the build is left beside it.
    const html = await (await fetch(`${baseUrl}/console/`)).text()
    const entry = /<script[^>]*\bsrc="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(entry, html.slice(0, 300)).to.be.a('string')
    expect((await fetch(`${baseUrl}${entry}`)).status).to.equal(200)
    expect(readdirSync(ADMIN).filter((name) => name.startsWith('dist.'))).to.deep.equal([])
    expect(existsSync(`${CONSOLE_DIST}/.built-from`), 'stamped, so the next start does not build again').to.equal(true)
  })
})
