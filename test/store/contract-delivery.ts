import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'
import { mpUserRecord, outboxMessage } from './records.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const AUTO = ['auto']

/** The contract of delivery: outbox leases and outcomes, subscription credits, binding codes. */
export function deliveryContract(store: () => Store) {
  describe('outbox delivery', () => {
    const queue = (n: number, over: Parameters<typeof outboxMessage>[1] = {}) =>
      store().outbox.enqueue(Array.from({ length: n }, (_, i) => outboxMessage(`m${i}-${over.channel ?? 'auto'}`, { nextAttemptAt: at(i), ...over })))

    it('enqueues once per dedupe key and leases due messages oldest first', async () => {
      await queue(3)
      await queue(3)
      const leased = await store().outbox.claimDue(at(1), { limit: 10, leaseMs: 60_000, holder: 'a', channels: AUTO })
      expect(leased.map((m) => m.dedupeKey)).to.deep.equal(['m0-auto', 'm1-auto'])
      expect(leased.every((m) => m.status === 'sending')).to.equal(true)
      expect(await store().outbox.countsByStatus()).to.include({ sending: 2, pending: 1 })
    })

    it('finds messages by their dedupe keys, however many are asked for', async () => {
      await queue(3)
      const found = await store().outbox.byDedupeKeys(['m2-auto', 'm0-auto', 'none', ...Array.from({ length: 1200 }, (_, i) => `other-${i}`)])
      expect(found.map((m) => m.dedupeKey).sort()).to.deep.equal(['m0-auto', 'm2-auto'])
      expect(found[0]).to.include({ status: 'pending', recipientId: 'dp0001', lastError: null })
      expect(await store().outbox.byDedupeKeys([])).to.deep.equal([])
    })

    it('never leases one message to two holders, and only to the channels asked for', async () => {
      await queue(5)
      await queue(2, { channel: 'bot_private' })
      const [a, b] = await Promise.all([
        store().outbox.claimDue(at(10), { limit: 3, leaseMs: 60_000, holder: 'a', channels: AUTO }),
        store().outbox.claimDue(at(10), { limit: 3, leaseMs: 60_000, holder: 'b', channels: AUTO }),
      ])
      const ids = [...a, ...b].map((m) => m.id)
      expect(new Set(ids).size).to.equal(5)
      expect(ids).to.have.length(5)
      const bot = await store().outbox.claimDue(at(10), { limit: 10, leaseMs: 60_000, holder: 'bot', channels: ['bot_private', 'bot_room'] })
      expect(bot.map((m) => m.channel)).to.deep.equal(['bot_private', 'bot_private'])
    })

    it('records an outcome only for the holder of the lease', async () => {
      await queue(1)
      const [m] = await store().outbox.claimDue(at(0), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })
      expect(await store().outbox.complete(m.id, 'b', { status: 'sent', at: at(1), channel: 'mp_subscribe', address: 'o-1' })).to.equal(false)
      expect(await store().outbox.complete(m.id, 'a', { status: 'sent', at: at(1), channel: 'mp_subscribe', address: 'o-1' })).to.equal(true)
      expect(await store().outbox.complete(m.id, 'a', { status: 'sent', at: at(2), channel: 'mp_subscribe', address: 'o-1' }), 'twice').to.equal(false)
      const sent = await store().outbox.get(m.id)
      expect(sent).to.deep.include({ status: 'sent', channel: 'mp_subscribe', address: 'o-1', attempts: 1, lastError: null })
      expect(sent!.sentAt!.toISOString()).to.equal(at(1).toISOString())
    })

    it("gives a crashed holder's messages to another after the lease runs out", async () => {
      await queue(2)
      await store().outbox.claimDue(at(1), { limit: 2, leaseMs: 30_000, holder: 'crashed', channels: AUTO })
      expect(await store().outbox.claimDue(at(30), { limit: 5, leaseMs: 30_000, holder: 'b', channels: AUTO })).to.deep.equal([])
      const taken = await store().outbox.claimDue(at(32), { limit: 5, leaseMs: 30_000, holder: 'b', channels: AUTO })
      expect(taken).to.have.length(2)
      expect(await store().outbox.complete(taken[0].id, 'crashed', { status: 'dead', error: 'late' })).to.equal(false)
    })

    it('leases due, failed and expired-lease messages of several channels in one claim, oldest first, never a sent or later one', async () => {
      const m = (key: string, seconds: number, channel: string) => outboxMessage(key, { channel, nextAttemptAt: at(seconds) })
      await store().outbox.enqueue([m('room-1', 1, 'bot_room'), m('private-0', 0, 'bot_private'), m('private-2', 2, 'bot_private'), m('room-3', 3, 'bot_room')])
      await store().outbox.enqueue([m('private-50', 50, 'bot_private'), m('subscribe-0', 0, 'mp_subscribe')])
      const crashed = await store().outbox.claimDue(at(1), { limit: 1, leaseMs: 5_000, holder: 'crashed', channels: ['bot_room'] })
      const [first, second] = await store().outbox.claimDue(at(2), { limit: 2, leaseMs: 60_000, holder: 'a', channels: ['bot_private'] })
      expect([...crashed, first, second].map((x) => x.dedupeKey)).to.deep.equal(['room-1', 'private-0', 'private-2'])
      await store().outbox.complete(first.id, 'a', { status: 'sent', at: at(2), channel: 'bot_private', address: 'c' })
      await store().outbox.complete(second.id, 'a', { status: 'failed', error: 'busy', retryAt: at(4) })

      const claimed = await store().outbox.claimDue(at(10), { limit: 10, leaseMs: 60_000, holder: 'b', channels: ['bot_private', 'bot_room'] })
      // The expired lease keeps its place by its time; the one sent, the one not yet due and the other channel's stay.
      expect(claimed.map((x) => x.dedupeKey)).to.deep.equal(['room-1', 'room-3', 'private-2'])
      expect(claimed.every((x) => x.status === 'sending')).to.equal(true)
      const limited = await store().outbox.claimDue(at(100), { limit: 1, leaseMs: 60_000, holder: 'c', channels: ['bot_private', 'bot_room'] })
      expect(
        limited.map((x) => x.dedupeKey),
        'a limit takes the oldest of both kinds',
      ).to.deep.equal(['room-1'])
    })

    it('retries a failure when its time comes, dies, and comes back from the console', async () => {
      await queue(1)
      let [m] = await store().outbox.claimDue(at(0), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })
      await store().outbox.complete(m.id, 'a', { status: 'failed', error: 'HTTP 500', retryAt: at(100) })
      expect(await store().outbox.claimDue(at(99), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })).to.deep.equal([])
      ;[m] = await store().outbox.claimDue(at(100), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })
      expect(m).to.deep.include({ attempts: 1, lastError: 'HTTP 500' })
      await store().outbox.complete(m.id, 'a', { status: 'dead', error: '47003 bad data' })
      expect(await store().outbox.get(m.id)).to.deep.include({ status: 'dead', attempts: 2, lastError: '47003 bad data' })
      expect(await store().outbox.retryDead(m.id, at(200))).to.equal(true)
      expect(await store().outbox.retryDead(m.id, at(200)), 'only a dead one').to.equal(false)
      expect(await store().outbox.get(m.id)).to.deep.include({ status: 'pending', attempts: 0 })
    })

    it('tells whether newer news about the same subject already reached the same person', async () => {
      const about = (caseId: string, seconds: number, key: string, over: Parameters<typeof outboxMessage>[1] = {}) =>
        outboxMessage(key, { createdAt: at(seconds), nextAttemptAt: at(seconds), payload: { caseId, ticket: 't' }, ...over })
      const old = about('c1', 0, 'old')
      await store().outbox.enqueue([old, about('c1', 10, 'newer'), about('c2', 20, 'other-case'), about('c1', 30, 'other-person', { recipientId: 'dp0002' })])
      const subject = { key: 'caseId' as const, id: 'c1' }
      expect(await store().outbox.newerSent(old, subject), 'nothing sent yet').to.equal(false)
      const leased = await store().outbox.claimDue(at(40), { limit: 10, leaseMs: 60_000, holder: 'a', channels: AUTO })
      for (const m of leased.filter((m) => m.dedupeKey !== 'newer'))
        await store().outbox.complete(m.id, 'a', { status: 'sent', at: at(41), channel: 'mp_subscribe', address: 'o' })
      expect(await store().outbox.newerSent(old, subject), 'only other cases and other people got news').to.equal(false)
      const newer = leased.find((m) => m.dedupeKey === 'newer')!
      await store().outbox.complete(newer.id, 'a', { status: 'sent', at: at(42), channel: 'mp_subscribe', address: 'o' })
      expect(await store().outbox.newerSent(old, subject)).to.equal(true)
      expect(await store().outbox.newerSent(newer, subject), 'nothing newer than the newest').to.equal(false)
      expect(await store().outbox.newerSent(old, { key: 'meetingId', id: 'c1' }), 'another kind of subject').to.equal(false)
    })

    it('re-routes or parks a message without counting an attempt, with a reason for the console', async () => {
      await queue(1)
      const [m] = await store().outbox.claimDue(at(0), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })
      await store().outbox.complete(m.id, 'a', { status: 'pending', channel: 'bot_private', address: 'wxid_1', until: at(0), reason: null })
      expect(await store().outbox.claimDue(at(1), { limit: 1, leaseMs: 60_000, holder: 'a', channels: AUTO })).to.deep.equal([])
      const [again] = await store().outbox.claimDue(at(1), { limit: 1, leaseMs: 60_000, holder: 'bot', channels: ['bot_private'] })
      expect(again).to.deep.include({ address: 'wxid_1', attempts: 0 })
      await store().outbox.complete(again.id, 'bot', { status: 'pending', channel: 'auto', address: null, until: at(3600), reason: '没有可用的发送渠道' })
      const parked = await store().outbox.get(m.id)
      expect(parked).to.deep.include({ status: 'pending', waitingReason: '没有可用的发送渠道', attempts: 0 })
      expect((await store().outbox.search({ limit: 10, channel: 'auto', status: 'pending' })).items).to.have.length(1)
      expect((await store().outbox.countsByChannel()).auto).to.include({ pending: 1 })
    })

    it('counts a re-route as an attempt, with why, when the way it was routed found nobody', async () => {
      await queue(1)
      const [m] = await store().outbox.claimDue(at(0), { limit: 1, leaseMs: 60_000, holder: 'bot', channels: AUTO })
      const missed = '微信助手在微信里找不到收件人'
      await store().outbox.complete(m.id, 'bot', { status: 'pending', channel: 'auto', address: null, until: at(0), reason: null, missed })
      expect(await store().outbox.get(m.id)).to.deep.include({ status: 'pending', channel: 'auto', attempts: 1, lastError: missed, waitingReason: null })
      const [again] = await store().outbox.claimDue(at(1), { limit: 1, leaseMs: 60_000, holder: 'bot', channels: AUTO })
      await store().outbox.complete(again.id, 'bot', { status: 'pending', channel: 'auto', address: null, until: at(1), reason: null, missed })
      expect(await store().outbox.get(m.id)).to.deep.include({ attempts: 2, lastError: missed })
    })
  })

  describe('subscription credits', () => {
    it('counts one send per one-time acceptance, and none are left after use', async () => {
      const subs = store().subscriptions
      expect(await subs.consume('u1', 'tpl', T0)).to.equal(false)
      await subs.record('u1', 'tpl', 'accept_once', T0)
      await subs.record('u1', 'tpl', 'accept_once', T0)
      expect(await subs.get('u1', 'tpl')).to.deep.equal({ oneTime: 2, longTerm: false })
      expect(await subs.consume('u1', 'tpl', T0)).to.equal(true)
      expect(await subs.consume('u1', 'tpl', T0)).to.equal(true)
      expect(await subs.consume('u1', 'tpl', T0)).to.equal(false)
      await subs.restore('u1', 'tpl', T0)
      expect(await subs.get('u1', 'tpl')).to.deep.equal({ oneTime: 1, longTerm: false })
      await subs.clear('u1', 'tpl', T0)
      expect(await subs.consume('u1', 'tpl', T0)).to.equal(false)
    })

    it('keeps a long-term subscription until it is turned off', async () => {
      const subs = store().subscriptions
      await subs.record('u2', 'tpl', 'long_term_on', T0)
      for (let i = 0; i < 3; i++) expect(await subs.consume('u2', 'tpl', T0)).to.equal(true)
      await subs.record('u2', 'tpl', 'off', T0)
      expect(await subs.consume('u2', 'tpl', T0)).to.equal(false)
      expect(await subs.consume('u2', 'other', T0), 'per template').to.equal(false)
    })

    it('never takes the last one-time send for news, even when several take at once (consumeUnlessLast)', async () => {
      const subs = store().subscriptions
      expect(await subs.consumeUnlessLast('u3', 'tpl', T0), 'none at all').to.equal(false)
      for (let i = 0; i < 3; i++) await subs.record('u3', 'tpl', 'accept_once', T0)
      // Three instances, each reading "three left", at once: two take one each, the last stays.
      const taken = await Promise.all([1, 2, 3].map(() => subs.consumeUnlessLast('u3', 'tpl', T0)))
      expect(taken.filter(Boolean)).to.have.length(2)
      expect(await subs.get('u3', 'tpl')).to.deep.equal({ oneTime: 1, longTerm: false })
      expect(await subs.consumeUnlessLast('u3', 'tpl', T0), 'the last is kept').to.equal(false)
      expect(await subs.consume('u3', 'tpl', T0), 'for work').to.equal(true)
      await subs.record('u4', 'tpl', 'long_term_on', T0)
      for (let i = 0; i < 3; i++) expect(await subs.consumeUnlessLast('u4', 'tpl', T0), 'long-term: nothing to keep').to.equal(true)
    })
  })

  describe('binding codes', () => {
    it('binds once, before it expires', async () => {
      const codes = store().bindingCodes
      await codes.create({ codeHash: 'h1', deputyId: 'dp0001', createdBy: 'sf01', createdAt: T0, expiresAt: at(3600) })
      await codes.create({ codeHash: 'h2', deputyId: 'dp0002', createdBy: 'sf01', createdAt: T0, expiresAt: at(60) })
      expect(await codes.redeem('nope', 'u1', at(1))).to.equal(null)
      expect(await codes.redeem('h2', 'u1', at(61)), 'expired').to.equal(null)
      expect(await codes.redeem('h1', 'u1', at(1))).to.equal('dp0001')
      expect(await codes.redeem('h1', 'u2', at(2)), 'used').to.equal(null)
    })

    it('counts every wrong try against every live code and locks those that met too many', async () => {
      const codes = store().bindingCodes
      await codes.create({ codeHash: 'used', deputyId: 'dp0001', createdBy: 'sf01', createdAt: T0, expiresAt: at(3600) })
      await codes.create({ codeHash: 'early', deputyId: 'dp0002', createdBy: 'sf01', createdAt: T0, expiresAt: at(3600) })
      await codes.create({ codeHash: 'gone', deputyId: 'dp0003', createdBy: 'sf01', createdAt: T0, expiresAt: at(10) })
      expect(await codes.redeem('used', 'u1', at(1))).to.equal('dp0001')
      expect(await codes.recordWrongTry(at(20), 3)).to.equal(0)
      await codes.create({ codeHash: 'late', deputyId: 'dp0004', createdBy: 'sf01', createdAt: at(21), expiresAt: at(3600) })
      expect(await codes.recordWrongTry(at(22), 3)).to.equal(0)
      expect(await codes.recordWrongTry(at(23), 3), 'the third wrong try since "early" was issued').to.equal(1)
      expect(await codes.redeem('early', 'u2', at(24)), 'locked: even the right code').to.equal(null)
      expect(await codes.recordWrongTry(at(25), 3), '"late" meets its third; "early" is not counted twice').to.equal(1)
      expect(await codes.redeem('late', 'u3', at(27))).to.equal(null)
      await codes.create({ codeHash: 'again', deputyId: 'dp0002', createdBy: 'sf01', createdAt: at(28), expiresAt: at(3600) })
      expect(await codes.redeem('again', 'u2', at(29)), 'a code issued again works').to.equal('dp0002')
    })

    it('locks each code once when wrong tries arrive together', async () => {
      const codes = store().bindingCodes
      await codes.create({ codeHash: 'c1', deputyId: 'dp0001', createdBy: 'sf01', createdAt: T0, expiresAt: at(3600) })
      const locked = await Promise.all(Array.from({ length: 6 }, (_, i) => codes.recordWrongTry(at(i + 1), 2)))
      expect(locked.reduce((a, b) => a + b, 0)).to.equal(1)
      expect(await codes.redeem('c1', 'u1', at(10))).to.equal(null)
    })
  })
}

/** The contract of the chat bot's storage. */
export function botContract(store: () => Store) {
  describe('the chat bot', () => {
    it('reports a message id as new once', async () => {
      expect(await store().bot.firstSighting('msg-1', T0)).to.equal(true)
      expect(await store().bot.firstSighting('msg-1', at(1))).to.equal(false)
      expect(await store().bot.purgeSeenBefore(at(10))).to.equal(1)
    })

    it('tells the handler that first claimed a message "first" again, and nobody else', async () => {
      expect(await store().bot.firstSighting('msg-2', T0, 'claim-aaaa')).to.equal(true)
      expect(await store().bot.firstSighting('msg-2', at(1), 'claim-aaaa'), 'a retry after a lost answer').to.equal(true)
      expect(await store().bot.firstSighting('msg-2', at(1), 'claim-bbbb'), 'a replay').to.equal(false)
      expect(await store().bot.firstSighting('msg-2', at(1)), 'no claim').to.equal(false)
    })

    it('keeps a dialogue until it is cleared', async () => {
      expect(await store().bot.dialogue('wxid_1')).to.equal(null)
      await store().bot.saveDialogue('wxid_1', { step: 'text', parts: ['路灯坏了'] }, T0)
      await store().bot.saveDialogue('wxid_1', { step: 'confirm', parts: ['路灯坏了', '好几天了'] }, at(5))
      const saved = await store().bot.dialogue('wxid_1')
      expect(saved!.state).to.deep.equal({ step: 'confirm', parts: ['路灯坏了', '好几天了'] })
      expect(saved!.updatedAt.toISOString()).to.equal(at(5).toISOString())
      await store().bot.clearDialogue('wxid_1')
      expect(await store().bot.dialogue('wxid_1')).to.equal(null)
    })

    it('binds one room per station and one contact per staff member, the newest binding winning', async () => {
      await store().bot.bindRoom('st001', 'r1@chatroom', 'sf01', T0)
      await store().bot.bindRoom('st001', 'r2@chatroom', 'sf01', at(1))
      await store().bot.bindRoom('st002', 'r1@chatroom', 'sf02', at(2))
      expect((await store().bot.roomOf('st001'))?.roomId).to.equal('r2@chatroom')
      expect((await store().bot.roomOf('st002'))?.roomId).to.equal('r1@chatroom')
      expect(await store().bot.roomOf('st003')).to.equal(null)
      expect(await store().bot.stationOfRoom('r1@chatroom')).to.equal('st002')
      expect(await store().bot.stationOfRoom('r9@chatroom')).to.equal(null)
      await store().bot.bindStaffContact('sf01', 'wxid_staff', T0)
      expect(await store().bot.staffByContact('wxid_staff')).to.equal('sf01')
      expect(await store().bot.contactOfStaff('sf01')).to.equal('wxid_staff')
      await store().bot.bindStaffContact('sf02', 'wxid_staff', at(1))
      expect(await store().bot.staffByContact('wxid_staff')).to.equal('sf02')
      expect(await store().bot.contactOfStaff('sf02')).to.equal('wxid_staff')
      expect(await store().bot.contactOfStaff('sf01'), 'the contact went to the newer binding').to.equal(null)
    })

    it('lets a staff member undo her own WeChat binding, and only hers', async () => {
      await store().bot.bindStaffContact('sf01', 'wxid_lina', T0)
      await store().bot.bindStaffContact('sf02', 'wxid_wangfang', T0)
      expect(await store().bot.unbindStaffContact('sf01')).to.equal(true)
      expect(await store().bot.contactOfStaff('sf01')).to.equal(null)
      expect(await store().bot.staffByContact('wxid_lina')).to.equal(null)
      expect(await store().bot.contactOfStaff('sf02'), 'a colleague keeps hers').to.equal('wxid_wangfang')
      expect(await store().bot.unbindStaffContact('sf01'), 'none left to undo').to.equal(false)
    })

    it('keeps a bound room with its topic, and moves the binding when the room is found under a new id', async () => {
      await store().bot.bindRoom('st001', 'r1@chatroom', 'sf01', T0, '新华站工作群')
      await store().bot.bindRoom('st002', 'r9@chatroom', 'sf02', T0)
      expect(await store().bot.roomOf('st001')).to.deep.equal({ roomId: 'r1@chatroom', topic: '新华站工作群' })
      expect(await store().bot.roomOf('st002')).to.deep.equal({ roomId: 'r9@chatroom', topic: null })
      expect(await store().bot.moveRoom('r1@chatroom', 'r2@chatroom')).to.equal(true)
      expect(await store().bot.roomOf('st001')).to.deep.equal({ roomId: 'r2@chatroom', topic: '新华站工作群' })
      expect(await store().bot.moveRoom('r1@chatroom', 'r3@chatroom'), 'no station has the old id any more').to.equal(false)
      expect(await store().bot.moveRoom('r2@chatroom', 'r9@chatroom'), "never onto another station's group").to.equal(false)
      expect(await store().bot.roomOf('st001')).to.deep.equal({ roomId: 'r2@chatroom', topic: '新华站工作群' })
      expect(await store().bot.roomOf('st002')).to.deep.equal({ roomId: 'r9@chatroom', topic: null })
      await store().bot.bindRoom('st003', 'r5@chatroom', 'sf03', T0, '新华站工作群')
      expect(await store().bot.topicShared('新华站工作群', 'st001'), 'two groups of one name').to.equal(true)
      expect(await store().bot.topicShared('新华站工作群', 'st002')).to.equal(true)
      expect(await store().bot.topicShared('别的群', 'st001')).to.equal(false)
    })

    it("moves a person's staff binding and dialogue to their new contact id", async () => {
      await store().bot.bindStaffContact('sf01', 'wx-old', T0)
      await store().bot.saveDialogue('wx-old', { flow: { name: 'message', parts: ['下水道堵了'] } }, at(1))
      await store().bot.moveContact('wx-old', 'wx-new')
      expect(await store().bot.staffByContact('wx-new')).to.equal('sf01')
      expect(await store().bot.staffByContact('wx-old')).to.equal(null)
      expect(await store().bot.contactOfStaff('sf01'), 'reached at the new id').to.equal('wx-new')
      expect((await store().bot.dialogue('wx-new'))!.state).to.deep.equal({ flow: { name: 'message', parts: ['下水道堵了'] } })
      expect((await store().bot.dialogue('wx-new'))!.updatedAt.toISOString()).to.equal(at(1).toISOString())
      expect(await store().bot.dialogue('wx-old')).to.equal(null)
      await store().bot.moveContact('wx-gone', 'wx-new') // nothing kept under the old id: nothing changes
      expect(await store().bot.staffByContact('wx-new')).to.equal('sf01')
      expect(await store().bot.dialogue('wx-new')).to.not.equal(null)

      // Of two dialogues the newer is kept; the old id's staff binding replaces the new id's.
      await store().bot.saveDialogue('wx-a', { step: 'old' }, at(2))
      await store().bot.saveDialogue('wx-b', { step: 'newer' }, at(3))
      await store().bot.bindStaffContact('sf02', 'wx-a', T0)
      await store().bot.bindStaffContact('sf03', 'wx-b', T0)
      await store().bot.moveContact('wx-a', 'wx-b')
      expect((await store().bot.dialogue('wx-b'))!.state).to.deep.equal({ step: 'newer' })
      expect(await store().bot.dialogue('wx-a')).to.equal(null)
      expect(await store().bot.staffByContact('wx-b')).to.equal('sf02')
      await store().bot.saveDialogue('wx-c', { step: 'newest' }, at(4))
      await store().bot.moveContact('wx-c', 'wx-b')
      expect((await store().bot.dialogue('wx-b'))!.state).to.deep.equal({ step: 'newest' })
    })

    it('finds a person by the bot contact or the alias set on it', async () => {
      await store().mpUsers.create(mpUserRecord('mu9', { createdAt: T0, botContactId: 'wxid_9', botAlias: 'LS9ABCDE' }))
      expect((await store().mpUsers.getByBotContact('wxid_9'))!.id).to.equal('mu9')
      expect((await store().mpUsers.getByBotAlias('LS9ABCDE'))!.botContactId).to.equal('wxid_9')
      expect(await store().mpUsers.getByBotAlias('nobody')).to.equal(null)
    })
  })
}
