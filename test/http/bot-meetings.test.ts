import { expect } from 'chai'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/** Deputies (and staff) answer meeting notices by chatting: "参加", "请假 原因". */
describe('the bot API: meeting answers', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi({ directory: meetingCity() }))
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const person = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
  const deputy = async (contactId: string, deputyId: string) => {
    const id = await person(contactId)
    await app.liaison.store.mpUsers.update(id, { deputyId })
    return id
  }
  async function published(over: Record<string, unknown> = {}) {
    const office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody(over))
    return (await office.post(`/api/admin/meetings/${body.id}/publish`)).body as { id: string }
  }

  it('lists what a deputy is invited to, answers the one meeting still waiting, and never guesses between two', async () => {
    const later = await published({ title: '代表视察', kind: 'inspection', startAt: '2026-11-27T09:00:00+08:00', endAt: '2026-11-27T11:00:00+08:00' })
    const sooner = await published()
    const zhang = await deputy('wx-zhang', 'dp0001')
    const list = (await bot.get(`/api/bot/people/${zhang}/meetings`)).body.items
    expect(list.map((m: { title: string; time: string; rsvpLabel: string }) => `${m.title} ${m.time} ${m.rsvpLabel}`)).to.deep.equal([
      '市人大常委会第十次会议 11月26日（星期四）上午9:30至上午11:30 未回复',
      '代表视察 11月27日（星期五）上午9:00至上午11:00 未回复',
    ])
    const guessed = await bot.post(`/api/bot/people/${zhang}/meetings/next/rsvp`, { response: 'attend' })
    expect(guessed.status, 'two wait: which one is his to say').to.equal(409)
    expect(guessed.body.error).to.include({ code: 'several_meetings_awaiting', message: '您有 2 个会议等您回复，请说明是哪一个' })
    expect(guessed.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal([sooner.id, later.id])
    const first = await bot.post(`/api/bot/people/${zhang}/meetings/${sooner.id}/rsvp`, { response: 'attend' })
    expect(first.body).to.include({ id: sooner.id, rsvpLabel: '参加' })
    const second = await bot.post(`/api/bot/people/${zhang}/meetings/next/rsvp`, { response: 'leave', reason: '外出开会' })
    expect(second.body).to.include({ id: later.id, rsvpLabel: '请假', reason: '外出开会' })
    const none = await bot.post(`/api/bot/people/${zhang}/meetings/next/rsvp`, { response: 'attend' })
    expect(none.status).to.equal(404)
    expect(none.body.error).to.include({ code: 'no_meeting_awaiting', message: '目前没有需要您回复的会议通知' })
    expect(
      (await bot.post(`/api/bot/people/${zhang}/meetings/${sooner.id}/rsvp`, { response: 'leave', reason: '临时有事' })).body.rsvpLabel,
      'a given meeting may be answered again',
    ).to.equal('请假')
  })

  it('asks for a reason with a leave, and refuses people who are not bound', async () => {
    await published()
    const zhang = await deputy('wx-zhang', 'dp0001')
    const noReason = await bot.post(`/api/bot/people/${zhang}/meetings/next/rsvp`, { response: 'leave' })
    expect(noReason.status).to.equal(400)
    const stranger = await person('wx-stranger')
    const refused = await bot.post(`/api/bot/people/${stranger}/meetings/next/rsvp`, { response: 'attend' })
    expect(refused.status).to.equal(403)
    expect(refused.body.error.code).to.equal('not_a_deputy')
    expect((await new Client(app.baseUrl).get(`/api/bot/people/${zhang}/meetings`)).status, 'the bot secret is needed').to.equal(401)
  })

  it('lets a staff member bound to the bot answer as staff', async () => {
    await published()
    const lina = await person('wx-lina')
    await app.liaison.store.bot.bindStaffContact('sf01', 'wx-lina', app.clock.now())
    expect((await bot.post(`/api/bot/people/${lina}/meetings/next/rsvp`, { response: 'attend' })).body.rsvpLabel).to.equal('参加')
    const table = (await (await asAdmin(app)).get(`/api/admin/meetings/${(await bot.get(`/api/bot/people/${lina}/meetings`)).body.items[0].id}/invitees`)).body
    expect(table.items.find((i: { personId: string }) => i.personId === 'sf01').rsvpLabel).to.equal('参加')
  })
})
