import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * Review 37, finding 3, against the wire-protocol fake (no MongoDB server runs here; on real data the contract's
 * "gathers nothing of a chat that said 解除 since", test/store/contract-chat-join.ts, with MONGODB_URI). The
 * maintenance job reads the joins of the last hours outside any transaction, then moves what each chat person still
 * holds to the account, one transaction a join. A 解除 said in the chat between the two recreates the chat person and
 * gives it back its own: moving "what it holds" then took all of it back to the account, with no join left to undo.
 * The transaction now reads the join again, and the chat person's absence, and moves nothing when either changed.
 */
describe('mongo adapter: a chat that said 解除 since the joins were read is gathered no more, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const joinedAt = new Date('2026-12-06T02:00:00Z')
  const join = { _id: 'mu-account', requestId: 'cj-1', chatPersonId: 'mu-chat', chatName: '王阿姨', joinedAt, moved: null }
  const inTransaction = (c: ReceivedCommand) => c.body.txnNumber !== undefined
  const on = (c: ReceivedCommand, collection: string) => c.body[c.name] === collection
  /** The fake as it stands after her 解除 committed: the joins read before it, the join gone (or her person back) in the transaction. */
  const undoneMeanwhile = ({ joinGone, personBack }: { joinGone: boolean; personBack: boolean }) =>
    mongo.fake.answer((c) => {
      if (c.name !== 'find') return undefined
      if (on(c, 'chat_joins')) return cursorAnswer(c, inTransaction(c) && joinGone ? [] : [join])
      if (on(c, 'mp_users') && (c.body.filter as Document)._id === 'mu-chat')
        return cursorAnswer(c, personBack ? [{ _id: 'mu-chat', botContactId: 'wx-wang' }] : [])
      return undefined
    })
  let opened = 0
  /** The writes sent since the store was open (opening writes its own: indexes, leases). */
  const writes = () => mongo.fake.commands.slice(opened).filter((c) => ['insert', 'update', 'delete', 'findAndModify'].includes(c.name))
  const open = async () => {
    const store = await mongo.open()
    opened = mongo.fake.commands.length
    return store
  }

  it('moves nothing when the join is gone by the time its transaction reads it', async () => {
    undoneMeanwhile({ joinGone: true, personBack: true })
    const store = await open()
    expect(await store.chatJoins.gatherLeftBehind(new Date('2026-12-06T01:00:00Z'))).to.equal(0)
    const again = mongo.fake.commands.slice(opened).filter((c) => c.name === 'find' && on(c, 'chat_joins') && inTransaction(c))
    expect(
      again.map((c) => c.body.filter),
      'read again in the transaction, by its chat',
    ).to.deep.equal([{ _id: 'mu-account', joinedAt: { $type: 'date' }, chatPersonId: 'mu-chat' }])
    expect(writes(), 'nothing moved to the account').to.deep.equal([])
  })

  it('moves nothing when the chat person is back, the join still read', async () => {
    undoneMeanwhile({ joinGone: false, personBack: true })
    const store = await open()
    expect(await store.chatJoins.gatherLeftBehind(new Date('2026-12-06T01:00:00Z'))).to.equal(0)
    expect(writes()).to.deep.equal([])
  })
})
