import { expect } from 'chai'
import pino from 'pino'
import { runLeased, type Job } from '../../src/jobs/index.js'
import { ManualClock } from '../../src/clock.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'

describe('job leases', () => {
  it("keeps renewing a long job's lease while it runs, so a second instance does not start it beside it", async () => {
    const store = createSqliteStore(':memory:')
    const clock = new ManualClock()
    // Resolves when the running instance first renews its lease: the test waits for that
    // event, not for a time to pass.
    let renewed!: () => void
    const renewedOnce = new Promise<void>((resolve) => (renewed = resolve))
    const renew = store.locks.renew.bind(store.locks)
    store.locks.renew = async (...args) => {
      const held = await renew(...args)
      renewed()
      return held
    }
    const digest: Job = {
      name: 'digest',
      schedule: '0 8 * * *',
      leaseMs: 300,
      async run() {
        clock.advance(250) // most of the lease spent on a slow run
        await renewedOnce
        clock.advance(150) // past the first lease's end: a second instance tries
        return store.locks.acquire('digest', 'instance-b', 300, clock.now())
      },
    }
    const outcome = await runLeased(digest, store, clock, 'instance-a', pino({ level: 'silent' }))
    expect(outcome).to.deep.equal({ ran: true, result: false })
    await store.close()
  })
})
