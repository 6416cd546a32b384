/** The baseline: a bare Koa JSON endpoint that reads a body and answers 201, same Node, same loader. */
import Koa from 'koa'
import getRawBody from 'raw-body'
import { exitWithProfile } from './profile-hook.js'

const app = new Koa()
app.use(async (ctx) => {
  const body = JSON.parse(await getRawBody(ctx.req, { limit: '256kb', encoding: 'utf8' }))
  ctx.status = 201
  ctx.body = { ok: true, length: String(body.text ?? '').length }
})
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number }
  process.stdout.write(JSON.stringify({ port: address.port }) + '\n')
})
await exitWithProfile('bare-koa')
