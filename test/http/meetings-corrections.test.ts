import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

/**
 * Things can be corrected after publishing: the title, the agenda, the time and place
 * (with the change notice), more invitees (who then get the notice, nobody twice); each
 * correction is on the audit trail.
 */
describe('correcting a published meeting', () => {
  let app: TestApp
  let office: Client
  let id: string
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    id = (await office.post('/api/admin/meetings', meetingBody())).body.id
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
  })
  afterEach(() => app.close())

  const messages = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 100, kind })).items
  const recipients = async (kind: string) => (await messages(kind)).map((m) => `${m.recipientKind}:${m.recipientId}`).sort()
  const audit = async (action: string) => (await office.get(`/api/admin/audit?action=${action}&targetId=${id}`)).body.items

  it('corrects the title and agenda quietly, and puts each correction on the record', async () => {
    const fixed = await office.patch(`/api/admin/meetings/${id}`, { title: '市人大常委会第十一次会议', agenda: '一、审议城市管理条例草案' })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    expect(fixed.body).to.include({ title: '市人大常委会第十一次会议', status: 'published' })
    expect(await messages('meeting.changed'), 'a new title is no change of time or place').to.deep.equal([])
    const [entry] = await audit('meeting.corrected')
    expect(entry).to.deep.include({ actorKind: 'staff', targetKind: 'meeting', targetId: id })
    expect(entry.details).to.deep.equal({
      changes: {
        title: { from: '市人大常委会第十次会议', to: '市人大常委会第十一次会议' },
        agenda: { from: '一、审议城市管理条例草案；二、听取专项工作报告', to: '一、审议城市管理条例草案' },
      },
    })
  })

  it('announces a new place to every invitee, and records it', async () => {
    await office.patch(`/api/admin/meetings/${id}`, { place: '市民中心三楼会议室' })
    expect(await recipients('meeting.changed')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0006', 'staff:sf01'])
    expect((await audit('meeting.corrected'))[0].details.changes).to.deep.equal({ place: { from: '市人大常委会第一会议室', to: '市民中心三楼会议室' } })
    await office.post(`/api/admin/meetings/${id}/cancel`, { reason: '延期举行' })
    expect((await audit('meeting.cancelled'))[0]).to.deep.include({ actorKind: 'staff', details: { reason: '延期举行' } })
  })

  it('adds invitees, who get the notice; those already invited do not get it twice', async () => {
    app.clock.set(new Date('2026-11-23T03:30:00Z')) // an hour and a half after publishing
    const answer = await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0003', 'dp0001'] } })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.added).to.deep.equal([
      {
        personKind: 'deputy',
        personId: 'dp0003',
        name: '李强',
        rsvp: 'pending',
        rsvpLabel: '未回复',
        reason: null,
        rsvpAt: null,
        checkedInAt: null,
        checkedInVia: null,
        checkedInViaLabel: null,
        staffEntry: null,
        withdrawn: null,
      },
    ])
    expect(answer.body.meeting.selector).to.deep.include({ levels: ['city', 'county'], deputyIds: ['dp0003'], staffIds: ['sf01'] })
    expect(await recipients('meeting.notice')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003', 'deputy:dp0006', 'staff:sf01'])
    const table = (await office.get(`/api/admin/meetings/${id}/invitees`)).body
    expect(table.items.map((i: { name: string }) => i.name)).to.deep.equal(['张伟', '王芳', '陈静', '李娜', '李强'])
    // The office sees who was added after publishing, and when: they had less time to answer.
    expect(table.items.map((i: { name: string; invitedLateAt: string | null }) => `${i.name} ${i.invitedLateAt}`)).to.deep.equal([
      '张伟 null',
      '王芳 null',
      '陈静 null',
      '李娜 null',
      '李强 2026-11-23T03:30:00.000Z',
    ])
    expect((await audit('meeting.invitees_added'))[0].details).to.deep.equal({ added: ['deputy:dp0003'] })
    const again = await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0003'] } })
    expect(again.body.added).to.deep.equal([])
    expect(await messages('meeting.notice')).to.have.length(5)
    // The console offers 增加参会人员 until the start, by the server's clock; 提醒未回复 once the notices are out and read.
    expect(table).to.include({ canAddInvitees: true, remindable: 0, remindHeld: '通知待发送，发出后可以提醒还没回复的人' })
    await noticesSentAndRead(app)
    expect((await office.get(`/api/admin/meetings/${id}/invitees`)).body).to.include({ canAddInvitees: true, remindable: 5, remindHeld: null })
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday 10:00, the meeting under way
    office = await asAdmin(app)
    expect((await office.get(`/api/admin/meetings/${id}/invitees`)).body, 'nobody is asked to answer a meeting under way').to.include({
      canAddInvitees: false,
      remindable: 0,
    })
  })

  it('refuses invitees nobody can resolve, for a draft, and once the meeting started, changing nothing', async () => {
    const unknown = await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0999'] } })
    expect(unknown.status).to.equal(422)
    expect(unknown.body.error.details[0].path).to.match(/^body\.selector\.deputyIds/)
    const draft = (await office.post('/api/admin/meetings', meetingBody())).body.id
    const notYet = await office.post(`/api/admin/meetings/${draft}/invitees`, { selector: { deputyIds: ['dp0003'] } })
    expect([notYet.status, notYet.body.error.code]).to.deep.equal([409, 'meeting_not_published'])
    const nobody = await office.post(`/api/admin/meetings/${id}/invitees`, { selector: {} })
    expect([nobody.status, nobody.body.error.code]).to.deep.equal([422, 'no_invitees'])
    for (const body of [{ selector: { deputyIds: 'dp0003' } }, { selector: { deputyIds: ['dp0003'] }, notify: false }, []]) {
      const bad = await office.post(`/api/admin/meetings/${id}/invitees`, body)
      expect([bad.status, bad.body.error.code], JSON.stringify(body)).to.deep.equal([400, 'validation_failed'])
    }
    expect((await office.get(`/api/admin/meetings/${id}/invitees`)).body.items, 'nobody added').to.have.length(4)
    expect(await messages('meeting.notice')).to.have.length(4)
  })
})

describe('a city-level meeting seen from a district', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  it("shows each district organizer the meeting and only their district's answers, read-only", async () => {
    const { body: city } = await office.post('/api/admin/meetings', meetingBody())
    await office.post(`/api/admin/meetings/${city.id}/publish`)
    const { body: elsewhere } = await office.post('/api/admin/meetings', meetingBody({ title: '新华区调研', selector: { deputyIds: ['dp0006'] } }))
    await office.post(`/api/admin/meetings/${elsewhere.id}/publish`)
    const zhang = await asDeputy(app, 'dp0001')
    await zhang.post(`/api/mp/meetings/${city.id}/rsvp`, { response: 'attend' })

    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.get('/api/admin/meetings')).body.items.map((m: { title: string }) => m.title)).to.deep.equal(['市人大常委会第十次会议'])
    const audience = (await sunli.get(`/api/admin/meetings/${city.id}`)).body.audienceDistrictIds
    expect(audience, "the invitees' districts and streets, whose organizers follow it").to.deep.equal(['d01', 'd02', 's0101', 's0201'])
    const table = (await sunli.get(`/api/admin/meetings/${city.id}/invitees`)).body
    expect(table.items.map((i: { name: string; rsvpLabel: string }) => `${i.name} ${i.rsvpLabel}`)).to.deep.equal(['张伟 参加', '王芳 未回复', '李娜 未回复'])
    expect(table.counts).to.include({ invited: 3, attend: 1, pending: 2 })
    const qianqi = await asStaff(app, 'qianqi')
    expect((await qianqi.get(`/api/admin/meetings/${city.id}/invitees`)).body.items.map((i: { name: string }) => i.name)).to.deep.equal(['陈静'])

    const edit = await sunli.patch(`/api/admin/meetings/${city.id}`, { title: '改名' })
    expect([edit.status, edit.body.error.code]).to.deep.equal([403, 'meeting_read_only'])
    expect((await sunli.post(`/api/admin/meetings/${city.id}/remind`)).status).to.equal(403)
    expect((await sunli.post(`/api/admin/meetings/${city.id}/invitees`, { selector: { deputyIds: ['dp0003'] } })).status).to.equal(403)
    expect((await office.get(`/api/admin/meetings/${city.id}`)).body.title, 'nothing changed').to.equal('市人大常委会第十次会议')
    expect((await sunli.get(`/api/admin/meetings/${elsewhere.id}`)).status, 'a meeting with nobody of theirs stays unseen').to.equal(404)
  })
})
