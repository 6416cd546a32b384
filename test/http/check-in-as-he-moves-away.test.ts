import { expect } from 'chai'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { moveZhangOnceHisInvitationIsRead, useQinggongReceptionDay } from '../helpers/meetings.js'

/**
 * 张伟 scans the code at 轻工街道代表联络站's reception day just as the office moves him to 马庄街道代表联络站: the
 * check-in read him still on the list, the move lands before it writes. He is told he is no longer on the list, as
 * a scan after the move would be, and the organizer's table does not count him (review 35, L8).
 */
describe('a check-in landing as the deputy is moved away', () => {
  const story = useQinggongReceptionDay()

  it('tells him he is no longer on the list, and the table does not count him', async () => {
    const zhang = await asDeputy(story.app, 'dp0001')
    story.app.clock.set(new Date('2026-11-27T00:50:00Z')) // Friday 08:50: check-in is open
    story.office = await asAdmin(story.app)

    // The move lands right after the check-in read his invitation.
    const moved = moveZhangOnceHisInvitationIsRead(story)

    const scanned = await zhang.post(`/api/mp/meetings/${story.meeting.shortCode}/check-in`, {})
    expect(moved(), 'the move came between the read and the write').to.equal(true)
    expect(scanned.status).to.equal(409)
    expect(scanned.body.error).to.include({
      code: 'no_longer_invited',
      message:
        '您已调到马庄街道代表联络站，不在这次会议的参会名单上了，扫码签到不会记入。如果您仍要参加，请在会议开始前联系组织会议的市人大常委会办公室，请工作人员把您重新加入参会名单，加入后再扫一次码。',
    })

    const table = (await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body
    const his = table.items.find((i: { name: string }) => i.name === '张伟')
    expect(his.rsvpLabel).to.equal('已调到马庄街道代表联络站')
    expect(his.checkedInAt).to.equal(null)
  })
})
