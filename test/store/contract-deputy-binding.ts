import { expect } from 'chai'
import type { MpUserRecord, Store } from '../../src/store/ports.js'
import { outboxMessage } from '../../src/services/delivery/outbox-message.js'
import { NotFoundError } from '../../src/errors.js'
import { StoreConflict } from '../../src/store/conflicts.js'

const at = new Date('2026-12-03T02:00:00Z')

const person = (id: string, over: Partial<MpUserRecord> = {}): MpUserRecord => ({
  id,
  openid: `o-${id}`,
  unionid: null,
  deputyId: null,
  phoneEnc: null,
  phoneIndex: null,
  consentVersion: null,
  consentAt: null,
  createdAt: at,
  ...over,
})

const movedNotice = (mpUserId: string) =>
  outboxMessage({
    to: { kind: 'mp_user', id: mpUserId },
    kind: 'deputy.binding_moved',
    payload: { text: '您的人大代表身份刚刚绑定到了另一个微信' },
    dedupeKey: `deputy.binding_moved:${mpUserId}:${at.toISOString()}`,
    at,
  })

/** A deputy's binding moving to another WeChat (MpUserRepo.bindDeputy): one write with what it undoes and says. */
export function deputyBindingContract(store: () => Store) {
  describe("a deputy's binding moving to another WeChat", () => {
    const miniProgram = (u: MpUserRecord) => u.openid !== null

    it('lets go of the old phone of the same kind, binds the new one and enqueues the notice, together', async () => {
      const s = store()
      await s.mpUsers.create(person('mu-old', { deputyId: 'dp0001' }))
      await s.mpUsers.create(person('mu-bot', { openid: null, botContactId: 'wx-zhang', deputyId: 'dp0001', createdAt: new Date(at.getTime() + 1) }))
      await s.mpUsers.create(person('mu-new', { createdAt: new Date(at.getTime() + 2) }))

      const replaced = await s.mpUsers.bindDeputy('mu-new', 'dp0001', miniProgram, (gone) => gone.map((u) => movedNotice(u.id)))

      expect(replaced.map((u) => u.id)).to.deep.equal(['mu-old'])
      expect(
        (await s.mpUsers.listByDeputyId('dp0001')).map((u) => u.id),
        'the bot contact stays',
      ).to.deep.equal(['mu-bot', 'mu-new'])
      expect((await s.mpUsers.get('mu-old'))!.deputyId).to.equal(null)
      const told = await s.outbox.byDedupeKeys([`deputy.binding_moved:mu-old:${at.toISOString()}`])
      expect(told.map((m) => [m.recipientId, m.kind])).to.deep.equal([['mu-old', 'deputy.binding_moved']])
    })

    it('binds a deputy nobody had without a notice, and binding again is the same', async () => {
      const s = store()
      await s.mpUsers.create(person('mu-new'))
      const notices = (gone: MpUserRecord[]) => gone.map((u) => movedNotice(u.id))
      expect(await s.mpUsers.bindDeputy('mu-new', 'dp0002', miniProgram, notices)).to.deep.equal([])
      expect(await s.mpUsers.bindDeputy('mu-new', 'dp0002', miniProgram, notices), 'the person is not let go of themself').to.deep.equal([])
      expect((await s.mpUsers.get('mu-new'))!.deputyId).to.equal('dp0002')
      expect((await s.outbox.search({ limit: 10, kind: 'deputy.binding_moved' })).items).to.deep.equal([])
    })

    it('refuses a person in both places (her chat joined) while the deputy keeps another account in the other: nothing changes', async () => {
      const s = store()
      await s.mpUsers.create(person('mu-his-phone', { deputyId: 'dp0004' }))
      await s.mpUsers.create(person('mu-joined', { botContactId: 'wx-joined', createdAt: new Date(at.getTime() + 1) }))
      const chat = (u: MpUserRecord) => u.botContactId !== null
      let refused: unknown = null
      await s.mpUsers.bindDeputy('mu-joined', 'dp0004', chat, (gone) => gone.map((u) => movedNotice(u.id))).catch((err: unknown) => (refused = err))
      expect(refused).to.be.instanceOf(StoreConflict)
      expect((refused as StoreConflict).conflict).to.equal('deputy_channel_taken')
      expect((refused as StoreConflict).facts).to.deep.equal({ taken: 'mini-program' })
      expect(
        (await s.mpUsers.listByDeputyId('dp0004')).map((u) => u.id),
        'still his alone',
      ).to.deep.equal(['mu-his-phone'])
      expect((await s.outbox.search({ limit: 10, kind: 'deputy.binding_moved' })).items).to.deep.equal([])
    })

    it('for a person who is not there: NotFoundError, the old phone keeps the deputy and nobody is told', async () => {
      const s = store()
      await s.mpUsers.create(person('mu-old', { deputyId: 'dp0003' }))
      let refused: unknown = null
      await s.mpUsers.bindDeputy('mu-gone', 'dp0003', miniProgram, (gone) => gone.map((u) => movedNotice(u.id))).catch((err: unknown) => (refused = err))
      expect(refused).to.be.instanceOf(NotFoundError)
      expect((await s.mpUsers.get('mu-old'))!.deputyId, 'undone with the failed binding').to.equal('dp0003')
      expect((await s.outbox.search({ limit: 10, kind: 'deputy.binding_moved' })).items).to.deep.equal([])
    })
  })
}
