import { expect } from 'chai'
import { request } from 'node:http'
import { startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import type { Mountable } from '../../src/http/route-dispatch.js'

interface RawAnswer {
  status: number
  allow: string | undefined
  body: any
}

/**
 * The routers sit behind one dispatcher that runs only those with a route the path could
 * reach. Every route of every router must still be reached, in the same order, and a path or
 * method nobody serves must keep its answer.
 */
describe('HTTP routing: every route is reached through the one dispatcher', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: smallCity() })
  })
  after(() => app.close())

  /** node:http, not fetch: fetch refuses some methods and sets Origin itself. */
  const raw = (method: string, path: string, body?: string) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const headers = body === undefined ? {} : { 'content-type': 'application/json' }
      const req = request(app.baseUrl + path, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const json = (res.headers['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text
          resolve({ status: res.statusCode!, allow: res.headers.allow, body: json })
        })
      })
      req.on('error', reject)
      req.end(body)
    })

  const dispatcher = () => {
    const found = app.liaison.http.middleware.find((m) => 'routers' in m) as unknown as
      { routers: readonly Mountable[]; candidatesFor(path: string): number[] } | undefined
    expect(found, 'the app mounts its routers through dispatchByPath').to.not.equal(undefined)
    return found!
  }

  it('reaches every route of every router: none of them answers "接口不存在" or a wrong method', async () => {
    const { routers } = dispatcher()
    let reached = 0
    for (const router of routers) {
      for (const layer of router.stack) {
        if (!layer.methods.length) continue
        const method = layer.methods.find((m) => m !== 'HEAD')!
        // A made-up id for each parameter: the route answers for itself (401, 400, 404 of a record …).
        const path = String(layer.path).replace(/:[A-Za-z_]+/g, 'x1')
        const res = await raw(method, path, method === 'GET' || method === 'DELETE' ? undefined : '{}')
        expect(res.body?.error?.code, `${method} ${path}: ${JSON.stringify(res.body)}`).to.not.be.oneOf([
          'route_not_found',
          'method_not_allowed',
          'not_implemented',
        ])
        reached++
      }
    }
    expect(reached).to.be.greaterThan(200)
  })

  it('runs only the routers that have a route under the path, in their order', () => {
    const { routers, candidatesFor } = dispatcher()
    const submitting = candidatesFor('/api/mp/cases')
    expect(submitting.length).to.be.greaterThan(0).and.lessThan(5)
    expect(submitting).to.deep.equal([...submitting].sort((a, b) => a - b))
    for (const i of submitting)
      expect(routers[i].stack.some((l) => l.methods.length && String(l.path).toLowerCase().startsWith('/api/mp/cases'))).to.equal(true)
    // The routers ignore case: so does the choice.
    expect(candidatesFor('/API/MP/Cases/x1/withdraw')).to.deep.equal(submitting)
    expect(candidatesFor('/nothing/here')).to.deep.equal([])
  })

  it('answers a method one router lacks but another has on the same path with 405 naming both', async () => {
    // POST /api/mp/consent is the resident's agreement; DELETE (withdrawing it) lives in another router.
    const res = await raw('PUT', '/api/mp/consent', '{}')
    expect(res.status).to.equal(405)
    expect(res.body.error.code).to.equal('method_not_allowed')
    expect(res.allow!.split(', ').sort()).to.deep.equal(['DELETE', 'POST'])
    const options = await raw('OPTIONS', '/api/mp/me')
    expect(options.status).to.equal(200)
    expect(options.allow!.split(', ').sort()).to.deep.equal(['DELETE', 'GET', 'HEAD'])
  })

  it('keeps the answers for paths and methods nobody serves', async () => {
    for (const path of ['/api/mp/nothing-here', '/nothing', '/api', '/api/admin/cases-nope/x1']) {
      const res = await raw('GET', path)
      expect(res.status, path).to.equal(404)
      expect(res.body.error).to.include({ code: 'route_not_found', message: '接口不存在' })
    }
    for (const path of ['/api/mp/regions', '/nothing']) {
      const res = await raw('PROPFIND', path)
      expect(res.status, path).to.equal(501)
      expect(res.body.error.code).to.equal('not_implemented')
    }
    const unknownOptions = await raw('OPTIONS', '/nothing')
    expect(unknownOptions.status).to.equal(404)
  })
})
