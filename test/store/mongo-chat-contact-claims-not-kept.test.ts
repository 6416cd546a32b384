import { expect } from 'chai'
import type { Document } from 'mongodb'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'

/**
 * Review 38 (security, finding 3), against the wire-protocol fake (no MongoDB server runs here): the claim a staff
 * binding or a chat join writes on a WeChat contact (chat_contact_claims, so that the two cannot both land) was kept for
 * good — every contact id ever bound or joined, after 解除, after 删除我的信息 had said "我们记下的您的微信，都已清除",
 * which sqlite keeps nowhere. The claim only has to be written inside the transaction it guards: each now lets go of it
 * in that same transaction, before its commit. (No released version kept one, so nothing is swept at open: review 38,
 * finding 5.)
 */
describe('mongo adapter: a chat contact’s claim is let go in the transaction that wrote it, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-06T02:00:00Z')
  const on = (c: ReceivedCommand, collection: string) => c.body[c.name] === collection
  const txn = (c: ReceivedCommand) => `${JSON.stringify(c.body.lsid)}#${String(c.body.txnNumber)}`
  /**
   * What became of the claims in each transaction: the contact ids claimed and let go, and whether it committed.
   * Commands outside a transaction are left out.
   */
  const claimsByTransaction = (commands: ReceivedCommand[]) => {
    const seen = new Map<string, { claimed: unknown[]; letGo: unknown[]; committed: boolean }>()
    const of = (c: ReceivedCommand) => {
      if (!seen.has(txn(c))) seen.set(txn(c), { claimed: [], letGo: [], committed: false })
      return seen.get(txn(c))!
    }
    for (const c of commands) {
      if (c.body.txnNumber === undefined) continue
      if (c.name === 'update' && on(c, 'chat_contact_claims')) of(c).claimed.push(...(c.body.updates as Document[]).map((u) => u.q))
      if (c.name === 'delete' && on(c, 'chat_contact_claims')) of(c).letGo.push(...(c.body.deletes as Document[]).map((d) => d.q))
      if (c.name === 'commitTransaction' && seen.has(txn(c))) of(c).committed = true
    }
    return [...seen.values()].filter((t) => t.claimed.length || t.letGo.length)
  }

  it('a staff binding lets go of its claim before it commits', async () => {
    const store = await mongo.open()
    const opened = mongo.fake.commands.length
    await store.bot.bindStaffContact('sf04', 'wx-wangwu', at)
    expect(claimsByTransaction(mongo.fake.commands.slice(opened))).to.deep.equal([
      { claimed: [{ _id: 'wx-wangwu' }], letGo: [{ _id: 'wx-wangwu' }], committed: true },
    ])
  })

  const joinAsked = (staffHoldsTheChat: boolean) => {
    const chatPerson = { _id: 'mu-chat', openid: null, deputyId: null, botContactId: 'wx-wang', botAlias: 'LSwang', createdAt: at, erasedAt: null }
    const account = { _id: 'mu-account', openid: 'o-wang', deputyId: null, botContactId: null, createdAt: at, erasedAt: null }
    mongo.fake.answer((c) => {
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
      if (on(c, 'staff_contacts') && staffHoldsTheChat) return cursorAnswer(c, [{ staffId: 'sf01', contactId: 'wx-wang', boundAt: at }])
      return undefined
    })
  }
  const audit = {
    at: new Date(at.getTime() + 60_000),
    actorKind: 'mp_user' as const,
    actorId: 'mu-account',
    action: 'privacy.chat_joined',
    targetKind: 'mp_user',
    targetId: 'mu-account',
    details: {},
  }

  it('a chat join lets go of its claim before it commits', async () => {
    joinAsked(false)
    const store = await mongo.open()
    const opened = mongo.fake.commands.length
    expect(await store.chatJoins.confirm('mu-account', 'cj-1', audit), 'joined').to.deep.equal({ cases: 0 })
    expect(claimsByTransaction(mongo.fake.commands.slice(opened))).to.deep.equal([
      { claimed: [{ _id: 'wx-wang' }], letGo: [{ _id: 'wx-wang' }], committed: true },
    ])
  })

  it('a join refused because a staff member holds the chat is aborted: its claim never lands', async () => {
    joinAsked(true)
    const store = await mongo.open()
    const opened = mongo.fake.commands.length
    expect(await store.chatJoins.confirm('mu-account', 'cj-1', audit), 'not joined').to.equal(null)
    expect(claimsByTransaction(mongo.fake.commands.slice(opened))).to.deep.equal([{ claimed: [{ _id: 'wx-wang' }], letGo: [], committed: false }])
    expect(
      mongo.on('mp_users', 'insert', 'update', 'delete').filter((c) => mongo.fake.commands.indexOf(c) >= opened),
      'nobody moved',
    ).to.deep.equal([])
  })
})
