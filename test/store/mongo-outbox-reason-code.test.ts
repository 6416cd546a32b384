import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * The bot's reason code on mongo against the wire-protocol fake (the contract, test/store/contract-outbox-reason-code.ts,
 * runs on a real replica set with MONGODB_URI): a failure writes its code beside its error, a success and 重新发送
 * clear it, and a stored code is read back, so 消息发送情况 says the reason by code on either store.
 */
describe("mongo adapter: the bot's reason code of a failed message, against a fake server", function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const setOf = (c: { body: Document }) => (((c.body.updates as Document[])[0] as Document).u as Document).$set as Document

  it('writes the code with a failure, null with a success and when sent again by hand', async () => {
    mongo.fake.answer((c) => (c.name === 'update' && c.body.update === 'outbox' ? { ok: 1, n: 1, nModified: 1 } : undefined))
    const store = await mongo.open()
    await store.outbox.complete('ob-1', 'h', { status: 'dead', error: '对方不是好友，无法私聊', code: 'not_friend' })
    await store.outbox.complete('ob-1', 'h', { status: 'failed', error: '1101 == 0', retryAt: new Date('2026-12-07T02:00:00Z'), code: 'not_logged_in' })
    await store.outbox.complete('ob-1', 'h', { status: 'failed', error: '微信拒收', retryAt: new Date('2026-12-07T02:00:00Z') })
    await store.outbox.retryDead('ob-1', new Date('2026-12-07T02:00:00Z'))
    const sets = mongo.on('outbox', 'update').map(setOf)
    expect(sets.map((s) => s.lastErrorCode)).to.deep.equal(['not_friend', 'not_logged_in', null, null])
    expect(sets[0]).to.include({ status: 'dead', lastError: '对方不是好友，无法私聊' })
  })

  it('reads a stored code back, and none from a row written before codes', async () => {
    const doc = (id: string, extra: Document) => ({
      _id: id,
      channel: 'bot_private',
      recipientKind: 'deputy',
      recipientId: 'dp0001',
      kind: 'case.assigned',
      payload: {},
      dedupeKey: `k-${id}`,
      status: 'dead',
      attempts: 3,
      nextAttemptAt: new Date('2026-12-06T02:00:00Z'),
      createdAt: new Date('2026-12-06T02:00:00Z'),
      lastError: 'conversation not found',
      ...extra,
    })
    mongo.fake.answer((c) =>
      c.name === 'find' && c.body.find === 'outbox'
        ? cursorAnswer(c, [(c.body.filter as Document)._id === 'ob-new' ? doc('ob-new', { lastErrorCode: 'not_friend' }) : doc('ob-old', {})])
        : undefined,
    )
    const store = await mongo.open()
    expect((await store.outbox.get('ob-new'))!.lastErrorCode).to.equal('not_friend')
    expect((await store.outbox.get('ob-old'))!.lastErrorCode).to.equal(null)
  })
})
