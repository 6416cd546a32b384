import { expect } from 'chai'
import type { Document } from 'mongodb'
import type { LoginFailureKey } from '../../src/store/ports.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * What the mongo adapter sends for failed console logins, against the wire-protocol fake (no MongoDB
 * server runs here; the behaviour on real data is the contract's, test/store/contract-login-failures.ts,
 * run with MONGODB_URI).
 */
describe('mongo adapter: failed console logins, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const on = (...names: string[]) => mongo.fake.sent(...names).filter((c) => c.body[c.name] === 'login_failures')
  const lina: LoginFailureKey = { kind: 'user', username: 'lina', client: '' }

  it('has the server remove each count once its window has ended (a TTL index), and finds a name’s counts by an index', async () => {
    await mongo.open()
    const indexes = on('createIndexes').flatMap((c) => c.body.indexes as Document[])
    expect(indexes.find((i) => i.key.resetsAt === 1)).to.deep.include({ expireAfterSeconds: 0 })
    expect(indexes.map((i) => i.key)).to.deep.include({ username: 1, kind: 1 })
  })

  it("counts a try in one atomic upsert per count, in the server's time, the name kept as typed", async () => {
    // This instance's clock is ten minutes behind the server's.
    mongo.fake.hello = { localTime: new Date(Date.now() + 600_000) }
    const store = await mongo.open()
    mongo.fake.answer((c) =>
      c.name === 'findAndModify' && c.body.findAndModify === 'login_failures'
        ? {
            lastErrorObject: { n: 1, updatedExisting: true },
            value: { _id: c.body.query._id, failures: 3, resetsAt: c.body.update[0].$set.resetsAt.$cond[2] },
            ok: 1,
          }
        : undefined,
    )
    const now = new Date()
    const odd: LoginFailureKey = { kind: 'user_at_client', username: '$failures', client: '198.51.100.7' }
    const counts = await store.loginFailures.add([lina, odd], 15 * 60_000, now)
    expect(counts.map((c) => c.failures)).to.deep.equal([3, 3])
    const sent = on('findAndModify')
    expect(sent).to.have.length(2)
    for (const c of sent) expect(c.body).to.deep.include({ upsert: true, new: true })
    const [first, second] = sent.map((c) => c.body.update[0].$set)
    expect(second.username, 'not read as a field of the document').to.deep.equal({ $literal: '$failures' })
    const resetsAt = (first.resetsAt.$cond[2] as Date).getTime()
    // Within a minute of the server's now + the window (the round trip blurs the measurement).
    expect(Math.abs(resetsAt - (now.getTime() + 600_000 + 15 * 60_000))).to.be.below(60_000)
    expect(counts[0].resetsInMs, "told in this instance's terms").to.be.within(14 * 60_000, 15 * 60_000)
  })

  it("lifts a user's lock with one delete of their counts at every address", async () => {
    const store = await mongo.open()
    await store.loginFailures.clearUser('lina')
    const [remove] = on('delete')
    expect(remove.body.deletes[0].q).to.deep.equal({ username: { $eq: 'lina' }, kind: { $in: ['user', 'user_at_client'] } })
  })

  it("reads a page of accounts' lock counts in one find by name and kind, running in the server's time, the highest at one address", async () => {
    mongo.fake.hello = { localTime: new Date(Date.now() + 600_000) }
    const store = await mongo.open()
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'login_failures'
        ? cursorAnswer(c, [
            { _id: 'a', username: 'lina', kind: 'user_at_client', failures: 2 },
            { _id: 'b', username: 'lina', kind: 'user_at_client', failures: 5 },
            { _id: 'c', username: 'lina', kind: 'user', failures: 6 },
          ])
        : undefined,
    )
    const now = new Date()
    const read = await store.loginFailures.userCounts(['lina', '$failures'], now)
    expect([...read]).to.deep.equal([['lina', { atOneAddress: 5, everywhere: 6 }]])
    const [find] = on('find')
    const filter = find.body.filter
    expect(filter.username, 'names as typed, not operators').to.deep.equal({ $in: ['lina', '$failures'] })
    expect(filter.kind).to.deep.equal({ $in: ['user', 'user_at_client'] })
    expect(Math.abs((filter.resetsAt.$gt as Date).getTime() - (now.getTime() + 600_000))).to.be.below(60_000)
  })
})
