import { expect } from 'chai'
import type { Document } from 'mongodb'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'

/**
 * test/store/contract-deputy-binding.ts's refusal on mongo, against the wire-protocol fake (no MongoDB server runs
 * here): mongo holds no unique index of one account per deputy and place, so without the adapter's own check a
 * resident whose chat is joined to her mini-program account, binding in the chat, would leave the deputy bound in two
 * WeChats' mini-programs. It reads her inside the binding's transaction and refuses before writing her or a notice.
 */
describe('mongo adapter: a deputy is never bound to a second account in one place, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-03T02:00:00Z')

  it('refuses her (deputy_channel_taken) and writes neither her binding nor a notice', async () => {
    const hisPhone = { _id: 'mu-his-phone', openid: 'o-his', botContactId: null, deputyId: 'dp0004', createdAt: at }
    const joined = { _id: 'mu-joined', openid: 'o-her', botContactId: 'wx-her', deputyId: null, createdAt: at }
    mongo.fake.answer((c) => {
      if (c.name !== 'find' || c.body.find !== 'mp_users') return undefined
      const filter = c.body.filter as Document
      return cursorAnswer(c, filter._id === 'mu-joined' ? [joined] : [hisPhone])
    })
    const store = await mongo.open()
    const err = await rejects(
      store.mpUsers.bindDeputy(
        'mu-joined',
        'dp0004',
        (u) => u.botContactId !== null,
        () => [],
      ),
    )
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('deputy_channel_taken')
    expect(mongo.on('mp_users', 'update'), 'nobody bound, nobody let go').to.deep.equal([])
    expect(mongo.on('outbox', 'update', 'insert')).to.deep.equal([])
  })
})
