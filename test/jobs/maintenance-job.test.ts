import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'

describe('the maintenance job', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
  })
  afterEach(() => app.close())

  it("forgets idempotency keys after 48 h and the bot's handled message ids after 30 days", async () => {
    const { store } = app.liaison
    const t0 = app.clock.now()
    await store.idempotency.claim('s', 'k', 'h', t0)
    await store.bot.firstSighting('wx-1', t0)
    const run = () => app.liaison.jobs.find((j) => j.name === 'maintenance')!.run()
    app.clock.advance(47 * 3_600_000)
    expect(await run()).to.include({ keys: 0, seen: 0 })
    app.clock.advance(2 * 3_600_000)
    expect(await run()).to.include({ keys: 1, seen: 0 })
    app.clock.advance(30 * 24 * 3_600_000)
    expect(await run()).to.include({ seen: 1 })
    expect(await store.bot.firstSighting('wx-1', app.clock.now()), 'long forgotten').to.equal(true)
  })
})
