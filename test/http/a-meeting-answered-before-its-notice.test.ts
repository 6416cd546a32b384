import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { usePublishedMeeting } from '../helpers/meetings.js'

/**
 * A meeting just published: its notices wait in the outbox. 张伟 opens the mini-program and answers 参加 before his
 * notice went out. The organizer's 回复情况 must not read 参加 beside a bare 待发送, as if he had not been told (screens
 * review, finding 3), nor say 已回复 in 通知送达, a column about the notice (review 44): his notice reads 待发送 with
 * 已回复，通知会照常发出. Those who have not answered read 待发送 alone, and the note above the table says it in the same
 * word, with when she can remind them.
 */
describe('回复情况: who answered before the notice went out reads 待发送 with 已回复，通知会照常发出', () => {
  const story = usePublishedMeeting()

  it('待发送 with why for 张伟 who answered, 待发送 alone for the others, and the note says 待发送 too', async () => {
    expect((await (await asDeputy(story.app, 'dp0001')).post(`/api/mp/meetings/${story.meeting.id}/rsvp`, { response: 'attend' })).status).to.equal(200)
    const table = (await story.office.get(`/api/admin/meetings/${story.meeting.id}/invitees`)).body
    const said = table.items.map(
      (i: { name: string; rsvpLabel: string; notice: { label: string; reason: string | null } }) =>
        `${i.name} ${i.rsvpLabel} ${i.notice.label}${i.notice.reason ? `（${i.notice.reason}）` : ''}`,
    )
    expect(said).to.deep.equal(['张伟 参加 待发送（已回复，通知会照常发出）', '王芳 未回复 待发送', '陈静 未回复 待发送', '李娜 未回复 待发送'])
    // Counted, with 张伟's 已回复 in sight: "通知待发送" alone read as if nobody had been told. Not 发布后加入: they were not.
    expect(table.remindHeld).to.equal('3 人的通知待发送，会自动发出，不用您操作；发出后如果还没回复，可以再提醒')
    const refused = await story.office.post(`/api/admin/meetings/${story.meeting.id}/remind`)
    expect([refused.status, refused.body.error.message], 'pressed anyway, the same words').to.deep.equal([
      409,
      '3 人的通知待发送，会自动发出，不用您操作；发出后如果还没回复，可以再提醒',
    ])
  })
})
