import { expect } from 'chai'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { moveZhangOnceHisInvitationIsRead, useQinggongReceptionDay } from '../helpers/meetings.js'

/**
 * 轻工街道代表联络站's reception day on Friday 11月27日 invites its deputies. 张伟 moves to 马庄街道代表联络站 and 王芳
 * leaves office before it: both stay on its list, marked. His own scan at the door is refused; the office at the door
 * is refused the same way when it would record attendance (补签) or leave (代请假) for either, in words that say why and,
 * before the start, how to have him after all; nothing is recorded, nobody is counted.
 */
describe('staff record nothing for an invitee marked moved away or left office', () => {
  const story = useQinggongReceptionDay()

  const entry = (kind: 'attended' | 'leave', deputyId: string, note = kind === 'attended' ? '纸质签到' : '出差') =>
    story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees/deputy/${deputyId}/entry`, { kind, note })
  const row = async (name: string) => {
    const table = await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)
    expect(table.status, JSON.stringify(table.body)).to.equal(200)
    return { ...table.body.items.find((i: { name: string }) => i.name === name), counts: table.body.counts }
  }
  const at = async (iso: string) => {
    story.app.clock.set(new Date(iso))
    story.office = await asAdmin(story.app) // days later: a fresh console session
  }
  const HE_MOVED = '张伟已调到马庄街道代表联络站，不在本次会议名单中'

  it('refuses 补签 and 代请假 for them in words, before and after the start, and records and counts nothing', async () => {
    expect((await story.office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })).body).to.include({ meetingsWithdrawn: 1 })
    expect((await story.office.patch('/api/admin/deputies/dp0002', { active: false })).body).to.include({ meetingsWithdrawn: 1 })

    // Wednesday: the door is not open yet, but what stands in the way is that he is not on the list.
    await at('2026-11-25T02:00:00Z')
    const early = await entry('attended', 'dp0001')
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({
      code: 'no_longer_invited',
      message: `${HE_MOVED}，不能登记到会。如仍请这位代表参会，请先点“增加参会人员”重新加入名单，再登记到会`,
    })
    const leave = await entry('leave', 'dp0001')
    expect(leave.status).to.equal(409)
    expect(leave.body.error).to.include({ code: 'no_longer_invited', message: `${HE_MOVED}，不用登记请假` })

    // Friday 08:40 at the door, check-in open: the same for him, and for her who left office no way back is offered.
    await at('2026-11-27T00:40:00Z')
    const door = await entry('attended', 'dp0001')
    expect(door.body.error).to.include({ code: 'no_longer_invited' })
    const hers = await entry('attended', 'dp0002')
    expect(hers.status).to.equal(409)
    expect(hers.body.error).to.include({ code: 'no_longer_invited', message: '王芳已离任，不在本次会议名单中，不能登记到会' })

    // 10:00, the meeting under way: he can no longer be named again, so the words stop at why.
    await at('2026-11-27T02:00:00Z')
    const late = await entry('attended', 'dp0001')
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'no_longer_invited', message: `${HE_MOVED}，不能登记到会` })

    const his = await row('张伟')
    expect(his).to.include({ rsvpLabel: '已调到马庄街道代表联络站', checkedInAt: null, staffEntry: null })
    expect(his.counts).to.include({ checkedIn: 0, leave: 0, withdrawn: 2 })
    expect((await row('王芳')).staffEntry).to.equal(null)
  })

  it('refuses it in the write itself when the move lands after the request read him, in the same words', async () => {
    await at('2026-11-27T00:40:00Z') // Friday 08:40: check-in open
    // The move lands right after the entry read his invitation.
    const moved = moveZhangOnceHisInvitationIsRead(story)

    const recorded = await entry('attended', 'dp0001')
    expect(moved(), 'the move came between the read and the write').to.equal(true)
    expect(recorded.status, JSON.stringify(recorded.body)).to.equal(409)
    expect(recorded.body.error).to.include({
      code: 'no_longer_invited',
      message: `${HE_MOVED}，不能登记到会。如仍请这位代表参会，请先点“增加参会人员”重新加入名单，再登记到会`,
    })
    const his = await row('张伟')
    expect(his).to.include({ rsvpLabel: '已调到马庄街道代表联络站', checkedInAt: null, staffEntry: null })
    expect(his.counts).to.include({ checkedIn: 0 })
    const zhang = await asDeputy(story.app, 'dp0001')
    expect((await zhang.get(`/api/mp/meetings/${story.meeting.id}`)).body.staffEntryNotice ?? null, 'nothing recorded for him to read').to.equal(null)
  })

  it('still lets the office undo what it recorded before he moved, and record again once he is named again', async () => {
    await at('2026-11-27T00:40:00Z')
    expect((await entry('attended', 'dp0001')).status).to.equal(200)
    expect((await story.office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })).status).to.equal(200)
    const undone = await story.office.request('DELETE', `/api/admin/meetings/${story.meeting.id}/invitees/deputy/dp0001/entry`)
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200)
    expect((await entry('attended', 'dp0001')).status, 'marked now').to.equal(409)

    const back = await story.office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0001'] } })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
    const recorded = await entry('attended', 'dp0001')
    expect(recorded.status, JSON.stringify(recorded.body)).to.equal(200)
    expect((await row('张伟')).checkedInViaLabel).to.equal('工作人员登记')
  })
})
