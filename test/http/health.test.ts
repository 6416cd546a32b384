import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'

describe('health checks', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
  })
  afterEach(() => app.close())

  it('says the process is alive and the store is reachable', async () => {
    const client = new Client(app.baseUrl)
    expect((await client.get('/healthz')).body).to.deep.equal({ status: 'ok' })
    expect((await client.get('/readyz')).body).to.deep.equal({ status: 'ready', store: 'sqlite' })
  })

  it('is not ready when the store cannot answer, though still alive', async () => {
    await app.liaison.store.close()
    const client = new Client(app.baseUrl)
    const ready = await client.get('/readyz')
    expect(ready.status).to.equal(503)
    expect(ready.body.error.code).to.equal('store_unavailable')
    expect((await client.get('/healthz')).status).to.equal(200)
  })
})
