import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { caseEvent, caseRecord } from './records.js'

/**
 * Review 37, finding 6, on mongo against the wire-protocol fake (on real data: the contract's "a message written in the
 * chat goes to whoever holds the chat when it is stored", with MONGODB_URI). A message written in a chat reads, in its
 * own transaction, who holds the chat: the chat's own person after a 解除, whose message it then is. While the chat is
 * joined, the transaction writes the join's document, which a 解除 deletes: the two conflict instead of passing.
 */
describe('mongo adapter: a chat message is stored for whoever holds the chat in its transaction, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  /** The chat held by `holder`; the day's counter and the message's ticket written as the server would. */
  const holding = (holder: Document) =>
    mongo.fake.answer((c) => {
      if (c.name === 'find' && c.body.find === 'mp_users' && (c.body.filter as Document).botContactId) return cursorAnswer(c, [holder])
      if (c.name === 'findAndModify' && c.body.findAndModify === 'ticket_counters')
        return { lastErrorObject: { n: 1, updatedExisting: true }, value: { _id: '20261206', last: 1 }, ok: 1 }
      if (c.name === 'update' && c.body.update === 'cases') return { n: 1, nModified: 1, ok: 1 }
      return undefined
    })
  const submitted = (store: Awaited<ReturnType<typeof mongo.open>>) =>
    store.cases.submit({
      record: caseRecord({ id: 'cs-chat', residentId: 'mu-account', idempotencyKey: null }),
      ticketDate: '2026-12-06',
      events: [caseEvent('cs-chat', 'submitted', { actorRole: 'resident', actorId: 'mu-account', data: { via: 'chat' } })],
      outbox: [],
      writtenInChat: { contactId: 'wx-wang', consentVersion: 'v2' },
    })
  const inserted = (collection: string) => mongo.on(collection, 'insert').flatMap((c) => c.body.documents as Document[])

  it('stores it as the chat’s own person’s when she holds the chat again, her own step too', async () => {
    holding({ _id: 'mu-chat', openid: null, consentVersion: 'v2' })
    const stored = await submitted(await mongo.open())
    expect(stored.residentId).to.equal('mu-chat')
    expect(inserted('cases').map((d) => d.residentId)).to.deep.equal(['mu-chat'])
    expect(inserted('case_events').map((d) => d.actorId)).to.deep.equal(['mu-chat'])
    expect(mongo.on('chat_joins', 'update'), 'no join to write').to.deep.equal([])
  })

  it('writes the join’s document in the message’s own transaction while the chat goes on as the account', async () => {
    holding({ _id: 'mu-account', openid: 'o-account', consentVersion: 'v2' })
    await submitted(await mongo.open())
    const [join] = mongo.on('chat_joins', 'update')
    expect((join.body.updates as Document[])[0].q).to.deep.equal({ _id: 'mu-account', joinedAt: { $type: 'date' } })
    const [insert] = mongo.on('cases', 'insert') as ReceivedCommand[]
    expect(join.body.txnNumber, 'the same transaction').to.deep.equal(insert.body.txnNumber)
    expect(join.body.lsid).to.deep.equal(insert.body.lsid)
  })
})
