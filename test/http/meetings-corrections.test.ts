import { expect } from 'chai'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { asStaff, meetingBody, meetingOrganizer, noticesSentAndRead, usePublishedMeeting } from '../helpers/meetings.js'

/**
 * Things can be corrected after publishing: the title, the agenda, the time and place
 * (with the change notice), more invitees (who then get the notice, nobody twice); each
 * correction is on the audit trail.
 */
describe('correcting a published meeting', () => {
  const story = usePublishedMeeting()

  const messages = async (kind: string) => (await story.app.liaison.store.outbox.search({ limit: 100, kind })).items
  const recipients = async (kind: string) => (await messages(kind)).map((m) => `${m.recipientKind}:${m.recipientId}`).sort()
  const audit = async (action: string) => (await story.office.get(`/api/admin/audit?action=${action}&targetId=${story.meeting.id}`)).body.items

  it('corrects the title and agenda quietly, and puts each correction on the record', async () => {
    const fixed = await story.office.patch(`/api/admin/meetings/${story.meeting.id}`, { title: '市人大常委会第十一次会议', agenda: '一、审议城市管理条例草案' })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    expect(fixed.body).to.include({ title: '市人大常委会第十一次会议', status: 'published' })
    expect(await messages('meeting.changed'), 'a new title is no change of time or place').to.deep.equal([])
    const [entry] = await audit('meeting.corrected')
    expect(entry).to.deep.include({ actorKind: 'staff', targetKind: 'meeting', targetId: story.meeting.id })
    expect(entry.details).to.deep.equal({
      changes: {
        title: { from: '市人大常委会第十次会议', to: '市人大常委会第十一次会议' },
        agenda: { from: '一、审议城市管理条例草案；二、听取专项工作报告', to: '一、审议城市管理条例草案' },
      },
    })
  })

  it('announces a new place to every invitee, and records it', async () => {
    await story.office.patch(`/api/admin/meetings/${story.meeting.id}`, { place: '市民中心三楼会议室' })
    expect(await recipients('meeting.changed')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0006', 'staff:sf01'])
    expect((await audit('meeting.corrected'))[0].details.changes).to.deep.equal({ place: { from: '市人大常委会第一会议室', to: '市民中心三楼会议室' } })
    await story.office.post(`/api/admin/meetings/${story.meeting.id}/cancel`, { reason: '延期举行' })
    expect((await audit('meeting.cancelled'))[0]).to.deep.include({ actorKind: 'staff', details: { reason: '延期举行' } })
  })

  it('adds invitees, who get the notice; those already invited do not get it twice', async () => {
    story.app.clock.set(new Date('2026-11-23T03:30:00Z')) // an hour and a half after publishing
    const answer = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0003', 'dp0001'] } })
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
    const table = (await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body
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
    const again = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0003'] } })
    expect(again.body.added).to.deep.equal([])
    expect(await messages('meeting.notice')).to.have.length(5)
    // The console offers 增加参会人员 until the start, by the server's clock; 提醒未回复 once the notices are out and read.
    expect(table).to.include({ canAddInvitees: true, remindable: 0, remindHeld: '通知待发送，会自动发出，不用您操作；发出后可以提醒还没回复的人' })
    await noticesSentAndRead(story.app)
    expect((await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body).to.include({
      canAddInvitees: true,
      remindable: 5,
      remindHeld: null,
    })
    story.app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday 10:00, the meeting under way
    story.office = await asAdmin(story.app)
    expect((await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body, 'nobody is asked to answer a meeting under way').to.include({
      canAddInvitees: false,
      remindable: 0,
    })
  })

  it('refuses invitees nobody can resolve, for a draft, and once the meeting started, changing nothing', async () => {
    const unknown = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0999'] } })
    expect(unknown.status).to.equal(422)
    expect(unknown.body.error.details[0].path).to.match(/^body\.selector\.deputyIds/)
    const draft = (await story.office.post('/api/admin/meetings', meetingBody())).body.id
    const notYet = await story.office.post(`/api/admin/meetings/${draft}/invitees`, { selector: { deputyIds: ['dp0003'] } })
    expect([notYet.status, notYet.body.error.code]).to.deep.equal([409, 'meeting_not_published'])
    const nobody = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: {} })
    expect([nobody.status, nobody.body.error.code]).to.deep.equal([422, 'no_invitees'])
    for (const body of [{ selector: { deputyIds: 'dp0003' } }, { selector: { deputyIds: ['dp0003'] }, notify: false }, []]) {
      const bad = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, body)
      expect([bad.status, bad.body.error.code], JSON.stringify(body)).to.deep.equal([400, 'validation_failed'])
    }
    expect((await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body.items, 'nobody added').to.have.length(4)
    expect(await messages('meeting.notice')).to.have.length(4)
  })
})

describe('a city-level meeting seen from a district', () => {
  const story = meetingOrganizer()

  it("shows each district organizer the meeting and only their district's answers, read-only", async () => {
    const { body: city } = await story.office.post('/api/admin/meetings', meetingBody())
    await story.office.post(`/api/admin/meetings/${city.id}/publish`)
    const { body: elsewhere } = await story.office.post('/api/admin/meetings', meetingBody({ title: '新华区调研', selector: { deputyIds: ['dp0006'] } }))
    await story.office.post(`/api/admin/meetings/${elsewhere.id}/publish`)
    const zhang = await asDeputy(story.app, 'dp0001')
    await zhang.post(`/api/mp/meetings/${city.id}/rsvp`, { response: 'attend' })

    const sunli = await asStaff(story.app, 'sunli')
    expect((await sunli.get('/api/admin/meetings')).body.items.map((m: { title: string }) => m.title)).to.deep.equal(['市人大常委会第十次会议'])
    const audience = (await sunli.get(`/api/admin/meetings/${city.id}`)).body.audienceDistrictIds
    expect(audience, "the invitees' districts and streets, whose organizers follow it").to.deep.equal(['d01', 'd02', 's0101', 's0201'])
    const table = (await sunli.get(`/api/admin/meetings/${city.id}/invitees`)).body
    expect(table.items.map((i: { name: string; rsvpLabel: string }) => `${i.name} ${i.rsvpLabel}`)).to.deep.equal(['张伟 参加', '王芳 未回复', '李娜 未回复'])
    expect(table.counts).to.include({ invited: 3, attend: 1, pending: 2 })
    const qianqi = await asStaff(story.app, 'qianqi')
    expect((await qianqi.get(`/api/admin/meetings/${city.id}/invitees`)).body.items.map((i: { name: string }) => i.name)).to.deep.equal(['陈静'])

    const edit = await sunli.patch(`/api/admin/meetings/${city.id}`, { title: '改名' })
    expect([edit.status, edit.body.error.code]).to.deep.equal([403, 'meeting_read_only'])
    expect((await sunli.post(`/api/admin/meetings/${city.id}/remind`)).status).to.equal(403)
    expect((await sunli.post(`/api/admin/meetings/${city.id}/invitees`, { selector: { deputyIds: ['dp0003'] } })).status).to.equal(403)
    expect((await story.office.get(`/api/admin/meetings/${city.id}`)).body.title, 'nothing changed').to.equal('市人大常委会第十次会议')
    expect((await sunli.get(`/api/admin/meetings/${elsewhere.id}`)).status, 'a meeting with nobody of theirs stays unseen').to.equal(404)
  })
})
