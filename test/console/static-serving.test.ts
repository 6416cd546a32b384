import { expect } from 'chai'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startApp, type TestApp } from '../helpers/app.js'
import { BUILD_TIMEOUT_MS, ensureConsoleBuilt } from './harness.js'

const DIST = fileURLToPath(new URL('../../admin/dist', import.meta.url))

describe('the console is served at /console/', () => {
  let app: TestApp
  let script: string
  before(async function () {
    this.timeout(BUILD_TIMEOUT_MS) // the console is built first when admin/ changed
    ensureConsoleBuilt()
    script = readdirSync(`${DIST}/assets`).find((f) => f.startsWith('index-') && f.endsWith('.js'))!
    app = await startApp()
  })
  after(() => app.close())

  const get = (path: string, init: RequestInit = {}) => fetch(app.baseUrl + path, { redirect: 'manual', ...init })

  it('a bookmarked deep link opens the console page, never cached, with a CSP that allows only its own scripts', async () => {
    const res = await get('/console/cases/cs-00000000-0000-0000-0000-000000000000?status=submitted')
    expect(res.status).to.equal(200)
    expect(res.headers.get('content-type')).to.match(/text\/html/)
    expect(res.headers.get('cache-control')).to.equal('no-cache')
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'")
    // A reading's https images (kept by the server) show in the clerk's editor; scripts stay our own.
    expect(res.headers.get('content-security-policy')).to.include("img-src 'self' data: blob: https:")
    const html = await res.text()
    expect(html).to.include('<div id="app"></div>')
    expect(html).to.include(`/console/assets/${script}`)
  })

  it('is the production build whoever built it, the tests too (they run under NODE_ENV=test)', async () => {
    const html = await (await get('/console/')).text()
    const scripts = [...html.matchAll(/\/console\/assets\/[^"]+\.js/g)].map((m) => m[0])
    expect(scripts).to.not.be.empty
    for (const path of scripts) expect(await (await get(path)).text(), path).to.not.include('[Vue warn]')
  })

  it('the address without a slash, and the server root, lead to the console', async () => {
    expect((await get('/console')).headers.get('location')).to.equal('/console/')
    expect((await get('/')).headers.get('location')).to.equal('/console/')
  })

  it('a hashed script is cached for a year; a missing one is a 404, not the page', async () => {
    const hit = await get(`/console/assets/${script}`)
    expect(hit.status).to.equal(200)
    expect(hit.headers.get('content-type')).to.match(/javascript/)
    expect(hit.headers.get('cache-control')).to.equal('max-age=31536000,immutable')

    // A tab opened before an update asks for the old build's files: a plain 404 for each, never the page nor a JSON body.
    for (const path of ['/console/assets/index-deadbeef.js', '/console/assets/CaseList-deadbeef.css', '/console/favicon.ico']) {
      const miss = await get(path)
      expect(miss.status, path).to.equal(404)
      expect(miss.headers.get('content-type'), path).to.equal('text/plain; charset=utf-8')
      expect(miss.headers.get('cache-control'), path).to.equal('no-store')
      expect(await miss.text(), path).to.equal('文件不存在')
    }
  })

  it('a script goes compressed to a browser that accepts it (brotli, else gzip), and whole to one that does not', async () => {
    const file = readFileSync(`${DIST}/assets/${script}`)
    for (const [accepts, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get(`/console/assets/${script}`, { headers: { 'accept-encoding': accepts } })
      expect(res.status).to.equal(200)
      expect(res.headers.get('content-encoding'), accepts).to.equal(encoding)
      expect(res.headers.get('vary')).to.match(/accept-encoding/i)
      expect(res.headers.get('content-type')).to.match(/javascript/)
      expect(res.headers.get('cache-control')).to.equal('max-age=31536000,immutable')
      expect(Buffer.from(await res.arrayBuffer()).equals(file), accepts).to.equal(true) // fetch decodes it
    }
  })

  it('a path that climbs out of the build folder finds nothing', async () => {
    const res = await get('/console/assets/..%2f..%2fpackage.json')
    expect(res.status).to.equal(404)
  })

  it('never stands in for the API: unknown API paths still answer with the JSON error', async () => {
    const res = await get('/api/admin/no-such-thing')
    expect(res.status).to.equal(404)
    expect((await res.json()).error.code).to.equal('route_not_found')
    const me = await get('/api/admin/me')
    expect(me.status).to.equal(401)
    expect(me.headers.get('content-type')).to.match(/json/)
  })
})
