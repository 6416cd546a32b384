import { expect } from 'chai'
import type { Document } from 'mongodb'
import { withoutStaffEntry, withStaffEntry } from '../../src/domain/meeting-staff-entry.js'
import type { MeetingInvitee } from '../../src/domain/meeting.js'
import { StoreConflict } from '../../src/store/conflicts.js'
import { cursorAnswer, type ReceivedCommand } from '../fakes/mongo-wire.js'
import { fakeMongoForEachTest } from '../helpers/mongo-fake.js'
import { rejects } from '../helpers/rejects.js'
import { inviteeRecord } from './contract-meetings.js'
import { outboxMessage } from './records.js'

/**
 * The contract of test/store/contract-marked-invitees.ts on mongo against the wire-protocol fake (no MongoDB server
 * runs here; on real data it is the contract's, with MONGODB_URI): a new staff entry's own write names "no mark", and
 * when it matched nothing because he is marked the refusal is no_longer_invited, while an undo names no mark; a mark
 * cleared with `tell` sets his invitedAt in the clearing's write and writes his notice in the same transaction, and
 * a clearing left out (its mark not as read) writes no notice.
 */
describe('mongo adapter: writes about an invitee marked moved away, against a fake server', function () {
  this.timeout(30_000)
  const mongo = fakeMongoForEachTest()
  const at = new Date('2026-12-10T02:00:00Z')
  const moved = { reason: 'moved' as const, at, to: '马庄街道代表联络站' }
  const updates = () => mongo.on('meeting_invitees', 'update')
  const firstUpdate = (c: ReceivedCommand) => (c.body.updates as Document[])[0] as Document
  const stored = (personId: string, over: Document = {}) => ({ _id: personId, meetingId: 'mt-1', personKind: 'deputy', personId, seq: 0, ...over })
  const invitees = (...docs: Document[]) =>
    mongo.fake.answer((c) => (c.name === 'find' && c.body.find === 'meeting_invitees' ? cursorAnswer(c, docs) : undefined))

  it('writes a new staff entry over no mark, says no_longer_invited when the mark is there, and undoes one whatever the mark', async () => {
    invitees(stored('dp0001', { withdrawn: moved }))
    const store = await mongo.open()
    const before = inviteeRecord('mt-1', 'dp0001')
    const entry = withStaffEntry(before, { kind: 'attended', note: '纸质签到', staffId: 'sf01', staffName: '李娜', at })
    const err = await rejects(store.meetings.rewriteInvitee(before, entry))
    expect(err).to.be.instanceOf(StoreConflict)
    expect((err as StoreConflict).conflict).to.equal('no_longer_invited')
    expect(firstUpdate(updates()[0]!).q).to.deep.include({ withdrawn: null, checkedInAt: null })

    expect(await store.meetings.rewriteInvitee(entry, withoutStaffEntry(entry) as MeetingInvitee), 'matched nothing here: false, no refusal').to.equal(false)
    expect(firstUpdate(updates()[1]!).q).not.to.have.property('withdrawn')
  })

  it('writes a 补签 with his notice in one transaction, and no notice when the entry matched nothing', async () => {
    const store = await mongo.open()
    const before = inviteeRecord('mt-1', 'dp0001')
    const entry = withStaffEntry(before, { kind: 'attended', note: '纸质签到', staffId: 'sf03', staffName: '孙丽', at })
    const notice = outboxMessage('meeting:mt-1:attended:deputy:dp0001', { kind: 'meeting.attendance_recorded' })
    expect(await store.meetings.rewriteInvitee(before, entry, [notice]), 'matched nothing: false').to.equal(false)
    expect(mongo.on('outbox', 'update', 'insert'), 'no notice without its entry').to.deep.equal([])

    mongo.fake.answer((c) => (c.name === 'update' && c.body.update === 'meeting_invitees' ? { n: 1, nModified: 1, ok: 1 } : undefined))
    expect(await store.meetings.rewriteInvitee(before, entry, [notice])).to.equal(true)
    const [written] = updates().slice(-1)
    const told = mongo.on('outbox', 'update', 'insert')
    expect(told, 'his notice').to.have.length(1)
    expect(told[0]!.body.txnNumber, 'in the entry’s transaction').to.deep.equal(written!.body.txnNumber).and.not.equal(undefined)
  })

  it('clears a mark with his invitedAt and writes his notice in the same transaction, and none for a clearing left out', async () => {
    invitees(stored('dp0001', { withdrawn: moved }), stored('dp0002', { withdrawn: moved }))
    const store = await mongo.open()
    const back = new Date('2026-12-11T02:00:00Z')
    const notice = (id: string) => outboxMessage(`meeting:mt-1:published:again:2:deputy:${id}`, { recipientId: id, kind: 'meeting.notice' })
    const written = await store.meetings.withdrawInvitees([
      { meetingId: 'mt-1', person: { kind: 'deputy', id: 'dp0001' }, withdrawn: null, was: moved, tell: { at: back, messages: [notice('dp0001')] } },
      { meetingId: 'mt-1', person: { kind: 'deputy', id: 'dp0002' }, withdrawn: null, was: null, tell: { at: back, messages: [notice('dp0002')] } },
    ])
    expect(written.map((x) => x.person.id)).to.deep.equal(['dp0001'])
    const [clearing] = updates()
    const cleared = firstUpdate(clearing!)
    expect(cleared.q).to.deep.include({ personId: 'dp0001', 'withdrawn.at': at })
    expect(cleared.u).to.deep.equal({ $unset: { withdrawn: 1 }, $set: { invitedAt: back } })
    const told = mongo.on('outbox', 'update')
    expect(told.flatMap((c) => (c.body.updates as Document[]).map((u) => (u.q as Document).dedupeKey))).to.deep.equal([
      'meeting:mt-1:published:again:2:deputy:dp0001',
    ])
    expect(told[0]!.body.txnNumber, 'in the clearing’s transaction').to.deep.equal(clearing!.body.txnNumber).and.not.equal(undefined)
  })
})
