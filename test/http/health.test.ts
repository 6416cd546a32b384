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
    const ready = (await client.get('/readyz')).body
    expect(ready).to.include({ status: 'ready', store: 'sqlite' })
    // Whether the coming weeks are covered depends on today; test/http/calendar.test.ts fixes the day.
    expect(ready.calendar).to.have.all.keys('coveredYears', 'uncovered', 'warning')
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
