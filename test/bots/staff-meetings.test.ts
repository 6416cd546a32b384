import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'
import { ask, BOT_SECRET, startBot, type BotUnderTest } from './helpers.js'

/** 李娜, station staff invited to the meeting with the deputies, answers its notice in the chat as they do. */
describe('bot: station staff answer a meeting notice', function () {
  this.timeout(20_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: BOT_SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t.stop()
    await app.close()
  })

  it('"参加" and then "请假 外出培训" answer the meeting she is invited to', async () => {
    const lina = t.world.person('wx-lina', '李娜')
    const code = (await (await asStaff(app, 'lina')).post('/api/admin/me/bot-code')).body.code as string
    expect(await ask(t, lina, `绑定 ${code}`)).to.include('绑定成功')
    const office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody())
    const meetingId = (await office.post(`/api/admin/meetings/${body.id}/publish`)).body.id as string
    const answerOf = async () => (await app.liaison.store.meetings.invitation(meetingId, { kind: 'staff', id: 'sf01' }))!

    expect(await ask(t, lina, '参加')).to.include('已回复参加：市人大常委会第十次会议')
    expect(await answerOf()).to.include({ rsvp: 'attend' })
    expect(await ask(t, lina, '请假 外出培训')).to.include('外出培训')
    expect(await answerOf()).to.include({ rsvp: 'leave', reason: '外出培训' })
  })
})
