import { expect } from 'chai'
import { type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { useMeetingStory } from './meeting-story.js'
import { ask, type BotUnderTest } from './helpers.js'

/** 李娜, station staff invited to the meeting with the deputies, answers its notice in the chat as they do. */
describe('bot: station staff answer a meeting notice', function () {
  this.timeout(20_000)
  const story = useMeetingStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  it('"参加" and then "请假 外出培训" answer the meeting she is invited to', async () => {
    const lina = t.world.person('wx-lina', '李娜')
    const code = (await (await asStaff(app, 'lina')).post('/api/admin/me/bot-code')).body.code as string
    expect(await ask(t, lina, `绑定 ${code}`)).to.include('绑定成功')
    const meetingId = await story.published()
    const answerOf = async () => (await app.liaison.store.meetings.invitation(meetingId, { kind: 'staff', id: 'sf01' }))!

    expect(await ask(t, lina, '参加')).to.include('已回复参加：市人大常委会第十次会议')
    expect(await answerOf()).to.include({ rsvp: 'attend' })
    expect(await ask(t, lina, '请假 外出培训')).to.include('外出培训')
    expect(await answerOf()).to.include({ rsvp: 'leave', reason: '外出培训' })
  })
})
