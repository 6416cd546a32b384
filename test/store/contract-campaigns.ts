import { expect } from 'chai'
import type { CampaignRecord, CheckInRecord, ReachRecord, Reader, ReadingItem } from '../../src/domain/campaign.js'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import type { OutboxMessage, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000)
let n = 0

export function campaignRecord(over: Partial<CampaignRecord> = {}): CampaignRecord {
  return {
    id: `cp-${++n}`,
    title: '学习贯彻代表法',
    description: '每月一次',
    startsAt: T0,
    endsAt: at(24 * 30),
    audience: { stationIds: ['st001'], levels: ['city'], staff: true, followers: true },
    scopeDistrictIds: ['d01'],
    repeat: null,
    seriesId: null,
    period: null,
    adoptedFrom: null,
    areaId: null,
    level: 'district',
    createdBy: 'sf02',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  }
}

export function readingItem(campaignId: string, over: Partial<ReadingItem> = {}): ReadingItem {
  return {
    id: `ri-${++n}`,
    campaignId,
    title: '代表法全文',
    summary: '总则',
    body: '<p>正文</p>',
    link: null,
    source: '中国人大网',
    required: true,
    publishAt: T0,
    publishedAt: null,
    withdrawnAt: null,
    draft: false,
    createdBy: 'sf02',
    createdAt: T0,
    ...over,
  }
}

const reach = (item: ReadingItem, personId: string, over: Partial<ReachRecord> = {}): ReachRecord => ({
  itemId: item.id,
  campaignId: item.campaignId,
  personKind: 'deputy',
  personId,
  stationId: 'st001',
  districtId: 'd01',
  reachedAt: T0,
  ...over,
})

const notice = (dedupeKey: string): OutboxMessage => ({
  id: `ob-${++n}`,
  channel: 'auto',
  recipientKind: 'station',
  recipientId: 'st001',
  kind: 'reading.published',
  payload: { text: '学习材料' },
  dedupeKey,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  createdAt: T0,
})

/** The contract of campaigns, reading items, reach, reads, followers and check-ins, for every adapter. */
export function campaignContract(store: () => Store) {
  const repo = () => store().campaigns
  const deputy = (id: string): Reader => ({ kind: 'deputy', id })
  const resident: Reader = { kind: 'mp_user', id: 'mu-1' }

  describe('campaigns', () => {
    it('stores a campaign as given, and refuses the same id twice', async () => {
      const c = await repo().create(campaignRecord())
      expect(await repo().get(c.id)).to.deep.equal(c)
      expect(await repo().get('cp-none')).to.equal(null)
      const minimal = await repo().create(campaignRecord({ audience: { followers: true }, scopeDistrictIds: [] }))
      expect((await repo().get(minimal.id))!.audience).to.deep.equal({ followers: true })
      expect(await rejects(repo().create(campaignRecord({ id: c.id })))).to.be.instanceOf(ConflictError)
      expect((await repo().getMany([minimal.id, c.id, 'nope'])).map((x) => x.id).sort()).to.deep.equal([c.id, minimal.id].sort())
    })

    it('corrects a campaign and an item in place; a withdrawn item is never due nor published', async () => {
      const c = await repo().create(campaignRecord())
      const corrected = { ...c, title: '更正后的标题', description: '新简介', endsAt: at(999), updatedAt: at(5) }
      expect(await repo().update(corrected)).to.deep.equal(corrected)
      expect(await repo().get(c.id)).to.deep.equal(corrected)
      expect(await rejects(repo().update({ ...corrected, id: 'cp-none' }))).to.be.instanceOf(NotFoundError)

      const scheduled = await repo().addItem(readingItem(c.id, { publishAt: at(1) }))
      const fixed = { ...scheduled, title: '新标题', body: null, link: 'https://npc.example/x', required: false, publishAt: at(2) }
      expect(await repo().updateItem(fixed)).to.deep.equal(fixed)
      expect(await repo().getItem(scheduled.id)).to.deep.equal(fixed)
      expect((await repo().dueItems(at(3), 10)).map((i) => i.id)).to.deep.equal([scheduled.id])
      const withdrawn = { ...fixed, withdrawnAt: at(2) }
      await repo().updateItem(withdrawn)
      expect(await repo().getItem(scheduled.id)).to.deep.equal(withdrawn)
      expect(await repo().dueItems(at(3), 10), 'withdrawn: not due').to.deep.equal([])
      expect(await repo().publishItem(scheduled.id, at(3), [], []), 'nor published').to.equal(false)
      expect(await rejects(repo().updateItem({ ...fixed, id: 'ri-none' }))).to.be.instanceOf(NotFoundError)

      const draft = await repo().addItem(readingItem(c.id, { publishAt: at(1), draft: true }))
      expect(await repo().getItem(draft.id)).to.deep.equal(draft)
      expect(await repo().dueItems(at(3), 10), 'a draft is never due').to.deep.equal([])
      expect(await repo().publishItem(draft.id, at(3), [], []), 'nor published').to.equal(false)
      await repo().updateItem({ ...draft, draft: false })
      expect(
        (await repo().dueItems(at(3), 10)).map((i) => i.id),
        'until it is no longer a draft',
      ).to.deep.equal([draft.id])
    })

    it('pages newest first, and narrows to campaigns sharing a district with an organizer', async () => {
      const a = await repo().create(campaignRecord({ createdAt: at(1), scopeDistrictIds: ['d01'] }))
      const b = await repo().create(campaignRecord({ createdAt: at(2), scopeDistrictIds: ['d02'] }))
      const c = await repo().create(campaignRecord({ createdAt: at(3), scopeDistrictIds: [] }))
      const first = await repo().search({ limit: 2 })
      expect(first.items.map((x) => x.id)).to.deep.equal([c.id, b.id])
      const second = await repo().search({ limit: 2, cursor: first.nextCursor })
      expect(second.items.map((x) => x.id)).to.deep.equal([a.id])
      expect(second.nextCursor).to.equal(null)
      expect((await repo().search({ limit: 10, scopeDistrictIds: ['d02', 'd09'] })).items.map((x) => x.id)).to.deep.equal([b.id])
      expect((await repo().search({ limit: 10, scopeDistrictIds: [] })).items).to.deep.equal([])
      expect(
        (await repo().search({ limit: 10, scopeDistrictIds: ['d02'], cityWide: true })).items.map((x) => x.id),
        'and the city-level ones',
      ).to.deep.equal([c.id, b.id])
    })

    it('narrows to the campaigns one staff member created, newest first, paged, and within a scope', async () => {
      const mine1 = await repo().create(campaignRecord({ createdAt: at(1), createdBy: 'st-wang', scopeDistrictIds: ['d01'] }))
      await repo().create(campaignRecord({ createdAt: at(2), createdBy: 'st-li', scopeDistrictIds: ['d01'] }))
      const mine2 = await repo().create(campaignRecord({ createdAt: at(3), createdBy: 'st-wang', scopeDistrictIds: [] }))
      const mine3 = await repo().create(campaignRecord({ createdAt: at(4), createdBy: 'st-wang', scopeDistrictIds: ['d02'] }))
      const first = await repo().search({ limit: 2, createdBy: 'st-wang' })
      expect(first.items.map((x) => x.id)).to.deep.equal([mine3.id, mine2.id])
      const second = await repo().search({ limit: 2, createdBy: 'st-wang', cursor: first.nextCursor })
      expect(second).to.deep.equal({ items: [await repo().get(mine1.id)], nextCursor: null })
      expect(
        (await repo().search({ limit: 10, createdBy: 'st-wang', scopeDistrictIds: ['d01'], cityWide: true })).items.map((x) => x.id),
        'and the scope still holds',
      ).to.deep.equal([mine2.id, mine1.id])
      expect((await repo().search({ limit: 10, createdBy: 'st-nobody' })).items).to.deep.equal([])
    })

    it('lists the campaigns open to followers that have not ended', async () => {
      const open = await repo().create(campaignRecord({ endsAt: at(10) }))
      await repo().create(campaignRecord({ endsAt: at(1) }))
      await repo().create(campaignRecord({ audience: { stationIds: ['st001'] } }))
      expect((await repo().followable(at(2))).map((c) => c.id)).to.deep.equal([open.id])
    })
  })

  describe('reading items', () => {
    it('keeps items by publish time and finds the unpublished ones that are due', async () => {
      const c = await repo().create(campaignRecord())
      const later = await repo().addItem(readingItem(c.id, { publishAt: at(5), body: null, link: 'https://npc.gov.cn/a' }))
      const now = await repo().addItem(readingItem(c.id, { publishAt: at(0), required: false }))
      expect(await repo().getItem(later.id)).to.deep.equal(later)
      expect((await repo().items(c.id)).map((i) => i.id)).to.deep.equal([now.id, later.id])
      expect((await repo().getItems([later.id, now.id])).map((i) => i.id)).to.deep.equal([now.id, later.id])
      expect((await repo().dueItems(at(1), 10)).map((i) => i.id)).to.deep.equal([now.id])
      expect((await repo().dueItems(at(6), 1)).map((i) => i.id)).to.deep.equal([now.id])
    })

    it('withdraws an item with the notices its withdrawal writes, or writes neither when there is no such item', async () => {
      const c = await repo().create(campaignRecord())
      const item = await repo().addItem(readingItem(c.id))
      const withdrawn = { ...item, withdrawnAt: at(2) }
      expect(await repo().updateItem(withdrawn, [notice(`reading:${item.id}:without`)])).to.deep.equal(withdrawn)
      expect(await rejects(repo().updateItem({ ...withdrawn, id: 'ri-none' }, [notice('reading:ri-none:without')]))).to.be.instanceOf(NotFoundError)
      expect((await store().outbox.search({ limit: 10, kind: 'reading.published' })).items.map((m) => m.dedupeKey)).to.deep.equal([
        `reading:${item.id}:without`,
      ])
    })

    it('publishes an item once: its time, its reach (followers included) and its messages, or nothing', async () => {
      const c = await repo().create(campaignRecord())
      await repo().follow(c.id, resident, { stationId: null, districtId: null }, T0)
      const item = await repo().addItem(readingItem(c.id))
      expect(await repo().publishItem(item.id, at(1), [reach(item, 'dp0001'), reach(item, 'dp0002')], [notice(`reading:${item.id}:st001`)])).to.equal(true)
      expect(await repo().publishItem(item.id, at(2), [reach(item, 'dp0003')], [notice(`reading:${item.id}:st002`)]), 'a second publisher').to.equal(false)
      expect((await repo().getItem(item.id))!.publishedAt).to.deep.equal(at(1))
      expect((await repo().reachOf(c.id)).map((r) => `${r.personKind}:${r.personId}`)).to.have.members(['deputy:dp0001', 'deputy:dp0002', 'mp_user:mu-1'])
      expect((await repo().reachOf(c.id)).find((r) => r.personKind === 'mp_user')).to.deep.include({ stationId: null, reachedAt: at(1) })
      expect((await store().outbox.search({ limit: 10, kind: 'reading.published' })).items.map((m) => m.dedupeKey)).to.deep.equal([`reading:${item.id}:st001`])
      expect(await repo().dueItems(at(3), 10)).to.deep.equal([])
    })

    it('publishes items together (one message naming them all), or none of them when one was published meanwhile', async () => {
      const c = await repo().create(campaignRecord())
      await repo().follow(c.id, resident, { stationId: null, districtId: null }, T0)
      const [a, b, d] = [await repo().addItem(readingItem(c.id)), await repo().addItem(readingItem(c.id)), await repo().addItem(readingItem(c.id))]
      expect(await repo().publishItem(d.id, at(1), [], []), 'd on its own').to.equal(true)
      expect(
        await repo().publishItems([a.id, d.id], at(2), [reach(a, 'dp0001'), reach(d, 'dp0001')], [notice(`reading:${a.id}:st009`)]),
        'd was published',
      ).to.equal(false)
      expect((await repo().getItem(a.id))!.publishedAt, 'a is not claimed alone').to.equal(null)
      expect((await store().outbox.search({ limit: 10, kind: 'reading.published' })).items.map((m) => m.dedupeKey)).to.deep.equal([])

      expect(await repo().publishItems([a.id, b.id], at(3), [reach(a, 'dp0001'), reach(b, 'dp0001')], [notice(`reading:${a.id}:st001`)])).to.equal(true)
      expect([(await repo().getItem(a.id))!.publishedAt, (await repo().getItem(b.id))!.publishedAt]).to.deep.equal([at(3), at(3)])
      expect(
        (await repo().reachOf(c.id)).filter((r) => r.itemId !== d.id).map((r) => `${r.itemId === a.id ? 'a' : 'b'}:${r.personId}`),
        'each item reaches the deputy and the follower',
      ).to.have.members(['a:dp0001', 'b:dp0001', 'a:mu-1', 'b:mu-1'])
      expect((await store().outbox.search({ limit: 10, kind: 'reading.published' })).items.map((m) => m.dedupeKey)).to.deep.equal([`reading:${a.id}:st001`])
      expect(await repo().publishItems([b.id], at(4), [], []), 'a second publisher').to.equal(false)
    })

    it('reaches a new follower with every item already published, once', async () => {
      const c = await repo().create(campaignRecord())
      const published = await repo().addItem(readingItem(c.id))
      await repo().addItem(readingItem(c.id, { publishAt: at(5) }))
      await repo().publishItem(published.id, T0, [], [])
      const place = { stationId: 'st001', districtId: 'd01' }
      expect(await repo().follow(c.id, deputy('dp0009'), place, at(1))).to.equal(true)
      expect(await repo().follow(c.id, deputy('dp0009'), place, at(2))).to.equal(false)
      expect(await repo().isFollowing(c.id, deputy('dp0009'))).to.equal(true)
      expect(await repo().isFollowing(c.id, resident)).to.equal(false)
      expect(await repo().followedBy(deputy('dp0009'))).to.deep.equal([c.id])
      expect(await repo().reachFor(deputy('dp0009'), {})).to.deep.equal([reach(published, 'dp0009', { reachedAt: at(1) })])
    })

    it('ends one person’s follow: later items no longer reach them, what reached them stays; the others follow on', async () => {
      const c = await repo().create(campaignRecord())
      const first = await repo().addItem(readingItem(c.id))
      await repo().publishItem(first.id, T0, [], [])
      const place = { stationId: null, districtId: null }
      const neighbour: Reader = { kind: 'mp_user', id: 'mu-2' }
      await repo().follow(c.id, resident, place, at(1))
      await repo().follow(c.id, neighbour, place, at(1))
      await repo().recordRead({ itemId: first.id, campaignId: c.id, personKind: 'mp_user', personId: 'mu-1', readAt: at(2) })

      expect(await repo().unfollow(c.id, resident)).to.equal(true)
      expect(await repo().unfollow(c.id, resident), 'no longer following: nothing to remove').to.equal(false)
      expect(await repo().unfollow(c.id, deputy('dp0009')), 'never followed').to.equal(false)
      expect(await repo().isFollowing(c.id, resident)).to.equal(false)
      expect(await repo().followedBy(resident)).to.deep.equal([])
      expect(await repo().isFollowing(c.id, neighbour), 'another person’s follow stays').to.equal(true)

      const later = await repo().addItem(readingItem(c.id))
      await repo().publishItem(later.id, at(3), [], [])
      expect(
        (await repo().reachFor(resident, {})).map((r) => r.itemId),
        'what reached her stays, nothing new',
      ).to.deep.equal([first.id])
      expect(
        (await repo().readsFor(resident, [first.id])).map((r) => r.itemId),
        'her read stays',
      ).to.deep.equal([first.id])
      expect((await repo().reachFor(neighbour, {})).map((r) => r.itemId)).to.have.members([first.id, later.id])
    })
  })

  describe('reads and check-ins', () => {
    it("records the first read only, and answers a person's reach by campaign and by time", async () => {
      const c = await repo().create(campaignRecord())
      const other = await repo().create(campaignRecord())
      const a = await repo().addItem(readingItem(c.id))
      const b = await repo().addItem(readingItem(other.id))
      await repo().publishItem(a.id, at(1), [reach(a, 'dp0001', { reachedAt: at(1) })], [])
      await repo().publishItem(b.id, at(2), [reach(b, 'dp0001', { reachedAt: at(2) })], [])
      const receipt = { itemId: a.id, campaignId: c.id, personKind: 'deputy' as const, personId: 'dp0001', readAt: at(3) }
      expect(await repo().recordRead(receipt)).to.equal(true)
      expect(await repo().recordRead({ ...receipt, readAt: at(4) })).to.equal(false)
      expect(await repo().readsFor(deputy('dp0001'), [a.id, b.id])).to.deep.equal([receipt])
      expect(await repo().readsOf(c.id)).to.deep.equal([receipt])
      expect(
        (await repo().reachFor(deputy('dp0001'), {})).map((r) => r.itemId),
        'newest first',
      ).to.deep.equal([b.id, a.id])
      expect((await repo().reachFor(deputy('dp0001'), { campaignId: c.id })).map((r) => r.itemId)).to.deep.equal([a.id])
      expect(
        (await repo().reachFor(deputy('dp0001'), { since: at(1) })).map((r) => r.itemId),
        'after, not at',
      ).to.deep.equal([b.id])
    })

    it("reads many people's reach, reads and check-ins at once, each person's in the order of their own reads", async () => {
      const c = await repo().create(campaignRecord())
      const a = await repo().addItem(readingItem(c.id))
      const b = await repo().addItem(readingItem(c.id, { required: false }))
      await repo().publishItem(a.id, at(1), [reach(a, 'dp0701', { reachedAt: at(1) }), reach(a, 'dp0702', { reachedAt: at(1) })], [])
      await repo().publishItem(b.id, at(2), [reach(b, 'dp0701', { reachedAt: at(2) }), reach(b, 'dp0703', { reachedAt: at(2) })], [])
      const read = { itemId: a.id, campaignId: c.id, personKind: 'deputy' as const, personId: 'dp0702', readAt: at(3) }
      await repo().recordRead(read)
      const checkIn: CheckInRecord = {
        id: `ci-${++n}`,
        campaignId: c.id,
        itemId: a.id,
        personKind: 'deputy',
        personId: 'dp0701',
        slot: a.id,
        reflection: null,
        at: at(4),
      }
      await repo().addCheckIn(checkIn)
      await repo().addCheckIn({ ...checkIn, id: `ci-${++n}`, personId: 'dp0709' })

      const many = await repo().readingOfMany('deputy', ['dp0703', 'dp0701', 'dp0702'])
      expect(many.reach.map((r) => [r.personId, r.itemId])).to.deep.equal([
        ['dp0701', b.id],
        ['dp0701', a.id],
        ['dp0702', a.id],
        ['dp0703', b.id],
      ])
      expect(many.reach.filter((r) => r.personId === 'dp0701')).to.deep.equal(await repo().reachFor(deputy('dp0701'), {}))
      expect(many.reads).to.deep.equal([read])
      expect(many.checkIns).to.deep.equal([checkIn])
      expect(await repo().readingOfMany('mp_user', ['dp0701']), 'another kind of person').to.deep.equal({ reach: [], reads: [], checkIns: [] })
      expect(await repo().readingOfMany('deputy', [])).to.deep.equal({ reach: [], reads: [], checkIns: [] })
    })

    it('takes one check-in per slot and person', async () => {
      const c = await repo().create(campaignRecord())
      const checkIn = (over: Partial<CheckInRecord> = {}): CheckInRecord => ({
        id: `ci-${++n}`,
        campaignId: c.id,
        itemId: null,
        personKind: 'deputy',
        personId: 'dp0001',
        slot: 'day:2026-11-22',
        reflection: '有收获',
        at: T0,
        ...over,
      })
      const first = await repo().addCheckIn(checkIn())
      const error = await rejects(repo().addCheckIn(checkIn({ reflection: null })))
      expect(error).to.be.instanceOf(ConflictError)
      expect(error).to.have.property('code', 'already_checked_in')
      const another = await repo().addCheckIn(checkIn({ slot: 'ri-1', itemId: 'ri-1', reflection: null, at: at(1) }))
      await repo().addCheckIn(checkIn({ personId: 'dp0002' }))
      expect(await repo().checkInsFor(deputy('dp0001'), [c.id])).to.deep.equal([first, another])
      expect(await repo().checkInsOf(c.id)).to.have.length(3)
      expect(await repo().checkInsFor(deputy('dp0001'), [])).to.deep.equal([])
    })
  })
}
