import { expect } from 'chai'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { useQinggongReceptionDay } from '../helpers/meetings.js'

/**
 * 张伟 was moved to 马庄街道代表联络站 after 轻工街道's 接待日 was published, and comes to its door anyway. He was told
 * "请找会场的会务工作人员" — but once the meeting has begun they can neither add him back nor enter him (补签). Now the
 * words say what can really be done: before the start, the office names him again and he scans; after it, nothing
 * counts, and whom to ask if he has a question.
 */
describe('a deputy moved away, at the door of his old station’s 接待日, is told what can be done', () => {
  const story = useQinggongReceptionDay()
  beforeEach(async () => {
    expect((await story.office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })).status).to.equal(200)
  })

  it('after the start: nothing counts, not even 补签, and whom to ask; the office indeed cannot add him nor enter him', async () => {
    story.app.clock.set(new Date('2026-11-27T01:15:00Z')) // Friday 09:15, the 接待日 under way
    const zhang = await asDeputy(story.app, 'dp0001')
    const scan = await zhang.post(`/api/mp/meetings/${story.meeting.shortCode}/check-in`, {})
    expect(scan.status).to.equal(409)
    expect(scan.body.error.message).to.equal(
      '您已调到马庄街道代表联络站，不在这次会议的参会名单上了，扫码签到不会记入。会议已经开始，不能再加入名单，也不能补签。如有疑问，请联系组织会议的市人大常委会办公室。',
    )
    expect(scan.body.error.message).not.to.include('会务工作人员')

    const office = await asAdmin(story.app)
    const added = await office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0001'] } })
    expect(added.status, 'the words are true: he cannot be added now').to.be.oneOf([409, 422])
    const entered = await office.post(`/api/admin/meetings/${story.meeting.id}/invitees/deputy/dp0001/entry`, { kind: 'attended', note: '本人到场' })
    expect(entered.status, 'nor entered').to.equal(409)
  })

  it('before the start: the office names him again, and then his scan counts', async () => {
    story.app.clock.set(new Date('2026-11-27T00:40:00Z')) // Friday 08:40, scanning open, 20 minutes before the start
    const zhang = await asDeputy(story.app, 'dp0001')
    const scan = await zhang.post(`/api/mp/meetings/${story.meeting.shortCode}/check-in`, {})
    expect(scan.body.error.message).to.include(
      '如果您仍要参加，请在会议开始前联系组织会议的市人大常委会办公室，请工作人员把您重新加入参会名单，加入后再扫一次码。',
    )

    const office = await asAdmin(story.app)
    expect((await office.post(`/api/admin/meetings/${story.meeting.id}/invitees`, { selector: { deputyIds: ['dp0001'] } })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/meetings/${story.meeting.shortCode}/check-in`, {})).status, 'as the words said').to.equal(200)
  })
})
