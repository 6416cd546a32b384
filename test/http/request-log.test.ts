import { expect } from 'chai'
import Koa from 'koa'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { createLogger } from '../../src/logger.js'
import { requestContext } from '../../src/http/middleware/request-context.js'
import type { AppState } from '../../src/http/state.js'

/** A server with only the request context, its log lines kept as objects. */
async function loggingServer() {
  const lines: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l))
      done()
    },
  })
  const app = new Koa<AppState>()
  app.use(requestContext(createLogger({ log: { level: 'info' } } as never, sink)))
  app.use((ctx) => {
    if (ctx.path === '/noisy') ctx.state.log.warn({ token: 'abc' }, 'something worth a line')
    ctx.body = { ok: true }
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { lines, base, close: () => new Promise((r) => server.close(r)) }
}

describe('request log: whoever reads the logs can follow one request by its id', () => {
  it('a quiet request leaves one line with its id, method, path and status', async () => {
    const s = await loggingServer()
    try {
      const answer = await fetch(`${s.base}/quiet`, { headers: { 'X-Request-Id': 'trace-quiet' } })
      expect(answer.headers.get('x-request-id')).to.equal('trace-quiet')
      const line = s.lines.find((l) => l.msg === 'request')
      expect(line).to.include({ requestId: 'trace-quiet', method: 'GET', path: '/quiet', status: 200, app: 'liaison' })
    } finally {
      await s.close()
    }
  })

  it('what a handler logs carries the same id as the request line, with secrets still redacted', async () => {
    const s = await loggingServer()
    try {
      await fetch(`${s.base}/noisy`, { headers: { 'X-Request-Id': 'trace-noisy' } })
      const said = s.lines.find((l) => l.msg === 'something worth a line')
      expect(said).to.include({ requestId: 'trace-noisy', token: '[redacted]' })
      expect(s.lines.find((l) => l.msg === 'request')).to.include({ requestId: 'trace-noisy', path: '/noisy' })
    } finally {
      await s.close()
    }
  })
})
