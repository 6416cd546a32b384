import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Round 37's closing note, against the wire-protocol fake (no MongoDB server runs here; on real data the contract's
 * "of a staff binding and a join of the same chat landing together, one only", test/store/contract-chat-join.ts, with
 * MONGODB_URI). A join reads staff_contacts and writes mp_users; a staff binding reads mp_users and writes
 * staff_contacts: under snapshot isolation neither sees the other, and both committed — a joined account bound as staff,
 * which sqlite's one writer never lets happen. Both now write the chat contact's one claim first. Here the fake answers
 * that claim as a server does when the other has committed since this transaction began (WriteConflict, a transient
 * transaction error), and answers every read after it as the other's commit left the data: the one run again sees the
 * other and refuses. Without the claim nothing conflicts, the read misses the other, and both land.
 */
describe('mongo adapter: a staff binding and a join of the same chat at once, one only, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-06T02:00:00Z')
  const chatPerson = { _id: 'mu-chat', openid: null, deputyId: null, botContactId: 'wx-wang', botAlias: 'LSwang', createdAt: at, erasedAt: null }
  const account = { _id: 'mu-account', openid: 'o-wang', deputyId: null, botContactId: null, createdAt: at, erasedAt: null }
  const on = (c: ReceivedCommand, collection: string) => c.body[c.name] === collection
  let opened = 0
  let otherLanded = false
  /** The writes sent since the store was open (opening writes its own: indexes). */
  const writes = (collection: string) => mongo.fake.commands.slice(opened).filter((c) => ['insert', 'update', 'delete'].includes(c.name) && on(c, collection))
  /** The claim on the chat's contact conflicts once (the other committed since this began); every read after it sees the other. */
  const theOtherLandsMeanwhile = (seen: (c: ReceivedCommand) => Document | undefined) =>
    mongo.fake.answer((c) => {
      if (c.name === 'update' && on(c, 'chat_contact_claims') && !otherLanded) {
        otherLanded = true
        return {
          ok: 0,
          code: 112,
          codeName: 'WriteConflict',
          errmsg: 'WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.',
          errorLabels: ['TransientTransactionError'],
        }
      }
      return seen(c)
    })
  const open = async () => {
    const store = await mongo.open()
    opened = mongo.fake.commands.length
    return store
  }
  beforeEach(() => {
    otherLanded = false
  })

  it('a join whose chat a staff member bound meanwhile runs again, reads the binding and joins nothing', async () => {
    theOtherLandsMeanwhile((c) => {
      if (c.name !== 'find') return undefined
      const filter = c.body.filter as Document
      if (on(c, 'chat_joins'))
        return cursorAnswer(c, [
          {
            _id: 'mu-account',
            requestId: 'cj-1',
            chatPersonId: 'mu-chat',
            chatName: '王阿姨',
            requestedAt: at,
            expiresAt: new Date(at.getTime() + 30 * 60_000),
            joinedAt: null,
          },
        ])
      if (on(c, 'mp_users')) return cursorAnswer(c, filter._id === 'mu-chat' ? [chatPerson] : filter._id === 'mu-account' ? [account] : [])
      if (on(c, 'staff_contacts')) return cursorAnswer(c, otherLanded ? [{ staffId: 'sf01', contactId: 'wx-wang', boundAt: at }] : [])
      return undefined
    })
    const store = await open()
    const audit = {
      at: new Date(at.getTime() + 60_000),
      actorKind: 'mp_user' as const,
      actorId: 'mu-account',
      action: 'privacy.chat_joined',
      targetKind: 'mp_user',
      targetId: 'mu-account',
      details: {},
    }
    expect(await store.chatJoins.confirm('mu-account', 'cj-1', audit), 'not joined').to.equal(null)
    expect(writes('mp_users'), 'the chat stays its own person, the account gets no chat').to.deep.equal([])
    expect(writes('chat_joins'), 'the request is not marked joined').to.deep.equal([])
    const claims = writes('chat_contact_claims')
    expect(
      claims.map((c) => (c.body.updates as Document[])[0].q),
      'claimed in each run',
    ).to.deep.equal([{ _id: 'wx-wang' }, { _id: 'wx-wang' }])
    expect(claims[0].body.txnNumber, 'the first run was a transaction of its own, aborted').to.not.deep.equal(claims[1].body.txnNumber)
  })

  it('a staff binding of a chat joined meanwhile runs again, reads the joined account and binds nothing (unjoin_chat_first)', async () => {
    theOtherLandsMeanwhile((c) => {
      if (c.name !== 'find' || !on(c, 'mp_users') || !(c.body.filter as Document).botContactId) return undefined
      // Who holds the chat's contact: its own person before the join, the account after it.
      return cursorAnswer(c, [otherLanded ? { ...account, botContactId: 'wx-wang' } : chatPerson])
    })
    const store = await open()
    const err = await rejects(store.bot.bindStaffContact('sf01', 'wx-wang', at))
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('unjoin_chat_first')
    expect(writes('staff_contacts'), 'no staff member bound, none let go').to.deep.equal([])
  })
})
