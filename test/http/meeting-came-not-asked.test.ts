import { expect } from 'chai'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * 张伟 never replied to the 08:30 meeting (no reply deadline: answers are taken until it starts) but
 * scans in at the door at 07:40. Coming is his answer: his 我的待办, his 08:00 digest and the bot's
 * "参加" no longer ask him to reply to the meeting he is sitting in.
 */
describe('a deputy who checked in without replying is not asked to reply any more', () => {
  let app: TestApp
  let meetingId: string
  let shortCode: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const office = await asAdmin(app)
    const created = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-26T08:30:00+08:00', endAt: '2026-11-26T10:30:00+08:00' }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const published = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    ;({ id: meetingId, shortCode } = published.body)
  })
  afterEach(() => app.close())

  it('his 待办, his digest and the bot leave the meeting he came to', async () => {
    app.clock.set(new Date('2026-11-25T23:40:00Z')) // Thursday 07:40, scanning open since 07:30
    const zhang = await asDeputy(app, 'dp0001')
    const before = (await zhang.get('/api/mp/tasks')).body
    expect(
      before.meetings.map((m: { actionLabel: string }) => m.actionLabel),
      'before he came he is asked',
    ).to.deep.equal(['请回复是否参加'])

    expect((await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)
    const tasks = (await zhang.get('/api/mp/tasks')).body
    expect(tasks.meetings, 'his 待办 does not ask the man in the room').to.deep.equal([])

    const digest = (await (await asAdmin(app)).get('/api/admin/deputies/dp0001/digest?date=2026-11-26')).body.digest
    expect(digest.text).to.include('已签到')
    expect(digest.text).not.to.include('还没回复')
    expect(digest.text).not.to.include('会议请回复')
    expect(digest.text).not.to.include('回复时间已过')

    const bot = new Client(app.baseUrl)
    bot.bearer = SECRET
    const person = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-zhang' })).body.personId as string
    await app.liaison.store.mpUsers.update(person, { deputyId: 'dp0001' })
    const listed = (await bot.get(`/api/bot/people/${person}/meetings`)).body.items
    expect(listed.map((m: { id: string; awaitsAnswer: boolean }) => [m.id, m.awaitsAnswer])).to.deep.equal([[meetingId, false]])
    const answered = await bot.post(`/api/bot/people/${person}/meetings/next/rsvp`, { response: 'attend' })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(404)
    expect(answered.body.error).to.include({ message: '目前没有需要您回复的会议通知' })
  })
})
