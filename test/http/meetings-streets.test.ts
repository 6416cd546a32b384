import Database from 'better-sqlite3'
import { expect } from 'chai'
import { AUDIENCE_STREETS_MARKER, widenMeetingAudiences } from '../../src/services/meetings/meeting-audiences.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { asAdmin, asDeputy, type Client } from '../helpers/app.js'
import { asStaff, meetingBody } from '../helpers/meetings.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { listedIds, streetCity, streetCityForEachTest } from '../helpers/street-organizers.js'

/**
 * A street's organizer runs his street's meetings: he invites the deputies of his street's
 * stations, sees his street's meetings and not the next street's, and cannot change those.
 * The district's organizer sees both streets' meetings.
 */
describe("a street organizer's meetings", () => {
  const streets = streetCityForEachTest() // 吴敏 of 轻工街道 (st001, st003), 郑华 of 马庄街道 (st002)

  it("invites his street's deputies, sees his street's meetings only, and may not touch the next street's", async () => {
    const { app, wumin, zhenghua } = streets
    const ours = await wumin.post('/api/admin/meetings', meetingBody({ title: '轻工街道代表活动', selector: { levels: ['city'] } }))
    expect(ours.status, JSON.stringify(ours.body)).to.equal(201)
    expect((await wumin.post(`/api/admin/meetings/${ours.body.id}/publish`)).status).to.equal(200)
    const notified = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.notice' })).items.map((m) => m.recipientId).sort()
    expect(notified, 'the city-level deputy at 轻工街道 stations, not 新华区 陈静 (dp0006)').to.deep.equal(['dp0001'])

    const theirs = await zhenghua.post('/api/admin/meetings', meetingBody({ title: '马庄街道接待日', selector: { stationIds: ['st002'] } }))
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)

    expect(listedIds(await wumin.get('/api/admin/meetings?limit=50'))).to.deep.equal([ours.body.id])
    expect((await wumin.get(`/api/admin/meetings/${ours.body.id}`)).status).to.equal(200)
    expect((await wumin.get(`/api/admin/meetings/${theirs.body.id}`)).status, 'the next street’s meeting is not found').to.equal(404)
    const edit = await wumin.patch(`/api/admin/meetings/${theirs.body.id}`, { title: '改了' })
    expect(edit.status).to.equal(404)
    expect((await app.liaison.store.meetings.get(theirs.body.id))!.title, 'nothing changed').to.equal('马庄街道接待日')

    const outside = await wumin.post('/api/admin/meetings', meetingBody({ selector: { stationIds: ['st002'] } }))
    expect(outside.status).to.equal(422)
    expect(outside.body.error.details).to.deep.equal([{ path: 'body.selector.stationIds[0]', message: '不在您负责的区县范围内' }])

    const sunli = await asStaff(app, 'sunli') // 湛河区: both streets are hers
    expect(listedIds(await sunli.get('/api/admin/meetings?limit=50'))).to.deep.equal([ours.body.id, theirs.body.id].sort())
    expect(listedIds(await (await asStaff(app, 'qianqi')).get('/api/admin/meetings?limit=50')), '新华区 sees neither').to.deep.equal([])
  })

  it("follows a city meeting through the answers of his street's people only, read-only", async () => {
    const { app, wumin, zhenghua } = streets
    const office = await asAdmin(app)
    const { body: city } = await office.post(
      '/api/admin/meetings',
      meetingBody({ selector: { levels: ['city', 'county'], deputyIds: ['dp0004'], staffIds: ['sf01'] } }),
    )
    expect((await office.post(`/api/admin/meetings/${city.id}/publish`)).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${city.id}/rsvp`, { response: 'attend' })).status).to.equal(200)

    expect(listedIds(await wumin.get('/api/admin/meetings?limit=50')), 'the city meeting is listed for him').to.deep.equal([city.id])
    expect((await wumin.get(`/api/admin/meetings/${city.id}`)).status).to.equal(200)
    const table = (await wumin.get(`/api/admin/meetings/${city.id}/invitees`)).body
    expect(
      table.items.map((i: { name: string; rsvpLabel: string }) => `${i.name} ${i.rsvpLabel}`),
      'the people of 轻工街道 stations only',
    ).to.deep.equal(['张伟 参加', '王芳 未回复', '李娜 未回复'])
    expect(table.counts).to.include({ invited: 3, attend: 1, pending: 2 })
    const theirs = (await zhenghua.get(`/api/admin/meetings/${city.id}/invitees`)).body
    expect(
      theirs.items.map((i: { name: string }) => i.name),
      '马庄街道 follows 赵敏 only',
    ).to.deep.equal(['赵敏'])

    const edit = await wumin.patch(`/api/admin/meetings/${city.id}`, { title: '改了' })
    expect(edit.status, "the city's meeting is read only to him").to.equal(403)
    expect(edit.body.error.code).to.equal('meeting_read_only')
    expect((await app.liaison.store.meetings.get(city.id))!.title, 'nothing changed').to.equal('市人大常委会第十次会议')
  })
})

describe('a city meeting published before its audience named streets', function () {
  this.timeout(60_000)
  const file = storeFileForEachTest()

  /** The store as the version before streets left it: the meeting's audience its invitees' districts only, no marker of the widening. */
  async function storeOfAnOlderVersion() {
    const app = await file.start({ directory: streetCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const office = await asAdmin(app)
    const { body: city } = await office.post('/api/admin/meetings', meetingBody())
    expect((await office.post(`/api/admin/meetings/${city.id}/publish`)).status).to.equal(200)
    // Stored as it was before streets were kept: the invitees' districts only (湛河区, 新华区).
    const stored = (await app.liaison.store.meetings.get(city.id))!
    await app.liaison.store.meetings.update({ ...stored, audienceDistrictIds: ['d01', 'd02'] }, [])
    expect(listedIds(await (await asStaff(app, 'wumin')).get('/api/admin/meetings?limit=50')), 'not yet his').to.deep.equal([])
    await app.close()
    // Migration 042 gives an older file an empty table of markers.
    const db = new Database(file.path())
    db.prepare('DELETE FROM app_markers').run()
    db.close()
    return city.id as string
  }

  it("is followed by the street's organizer once the app has started again", async () => {
    const cityId = await storeOfAnOlderVersion()

    const app = await file.start()
    const wumin = await asStaff(app, 'wumin') // 轻工街道: 张伟 and 王芳 of st001 are invited
    expect(listedIds(await wumin.get('/api/admin/meetings?limit=50'))).to.deep.equal([cityId])
    const opened = await wumin.get(`/api/admin/meetings/${cityId}`)
    expect(opened.status).to.equal(200)
    expect(opened.body.title).to.equal('市人大常委会第十次会议')
    expect(listedIds(await (await asStaff(app, 'zhenghua')).get('/api/admin/meetings?limit=50')), '马庄街道 has nobody invited').to.deep.equal([])
    expect((await app.liaison.store.meetings.get(cityId))!.audienceDistrictIds).to.deep.equal(['d01', 'd02', 's0101', 's0201'])
    expect(await app.liaison.store.markers.doneAt(AUDIENCE_STREETS_MARKER), 'the widening is recorded as done').to.be.instanceOf(Date)
  })

  it('is widened at one start only: the next starts read no meeting for it', async () => {
    await storeOfAnOlderVersion()
    await (await file.start()).close() // widens, and records that it did

    const store = createSqliteStore(file.path())
    const reads: string[] = []
    const counted = {
      ...store,
      meetings: { ...store.meetings, list: (q: Parameters<typeof store.meetings.list>[0]) => (reads.push('meetings'), store.meetings.list(q)) },
      regions: { ...store.regions, list: () => (reads.push('regions'), store.regions.list()) },
    }
    try {
      expect(await widenMeetingAudiences(counted, new Date('2026-11-24T02:00:00Z'))).to.equal(0)
      expect(reads, 'neither the meetings nor the region list are read again').to.deep.equal([])
    } finally {
      await store.close()
    }
  })
})
