import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * The files that `npm start` loads before it serves: the real app module in a process of its
 * own, each ES module seen by a load hook (required CommonJS files from the require cache).
 */
function filesLoadedByApp(): string[] {
  const hooks =
    'let port; export function initialize(data) { port = data.port } export async function load(url, context, next) { port.postMessage(url); return next(url, context) }'
  const script = `
    import { createRequire, register } from 'node:module'
    import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
    const { port1, port2 } = new MessageChannel()
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] })
    await import('./src/app.ts')
    const loaded = Object.keys(createRequire(import.meta.url).cache)
    for (let m; (m = receiveMessageOnPort(port1)); ) loaded.push(m.message)
    process.stdout.write(JSON.stringify(loaded))
    process.exit(0)`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).to.equal(0)
  return JSON.parse(run.stdout) as string[]
}

const packagesOf = (files: string[]) => [...new Set(files.map((f) => f.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1]).filter((p): p is string => !!p))]

describe('start-up', function () {
  this.timeout(120_000)
  let files: string[]
  let loaded: string[]
  before(() => {
    files = filesLoadedByApp()
    loaded = packagesOf(files)
  })

  it('leaves the canvas and the QR encoder for the first code drawn: most starts never draw one', () => {
    expect(loaded, 'the app itself was loaded').to.include('koa')
    expect(loaded).to.not.include('@napi-rs/canvas')
    expect(loaded).to.not.include('qrcode')
  })

  it('leaves the HTTP client of WeChat for the first call to WeChat', () => {
    expect(loaded, 'zod, an ES module package, is seen').to.include('zod')
    expect(loaded).to.not.include('axios')
  })

  it("leaves the reading bodies' sanitiser for the first reading written, and the file type sniffer for the first upload", () => {
    expect(loaded).to.not.include('sanitize-html')
    expect(loaded).to.not.include('file-type')
  })

  it('leaves the CSV writer and reader for the first sheet exported or question bank read', () => {
    expect(loaded).to.not.include('csv-stringify')
    expect(loaded).to.not.include('csv-parse')
  })

  it("takes the in-memory rate limiter alone, not the package's every store (Redis, MongoDB, Postgres…)", () => {
    const limiter = files.filter((f) => f.includes('/rate-limiter-flexible/')).map((f) => f.replace(/.*\/rate-limiter-flexible\//, ''))
    expect(limiter, 'the memory limiter is there').to.include('lib/RateLimiterMemory.js')
    expect(limiter).to.not.include('index.js')
    expect(limiter).to.not.include('lib/RateLimiterRedis.js')
  })
})
