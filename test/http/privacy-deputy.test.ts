import { expect } from 'chai'
import { asAdmin, asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { meetingBody } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/** A deputy's copy of their data holds their meeting answers and quiz attempts too. */
describe("a deputy's copy of their data, and the bot's privacy endpoints", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('lists the meetings a deputy answered and the quizzes they took', async () => {
    const admin = await asAdmin(app)
    const created = await admin.post('/api/admin/meetings', meetingBody())
    expect((await admin.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${created.body.id}/rsvp`, { response: 'leave', reason: '外出学习' })).status).to.equal(200)
    const quiz = await quizWithBank(app, admin)
    expect((await zhang.post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)

    const data = (await zhang.get('/api/mp/me/export')).body
    expect(data.account.deputy).to.deep.include({ code: 'DP0001', name: '张伟' })
    expect(data.meetings).to.have.length(1)
    expect(data.meetings[0]).to.include({ meetingId: created.body.id, title: '市人大常委会第十次会议', rsvp: 'leave', reason: '外出学习' })
    expect(data.quizAttempts).to.have.length(1)
    expect(data.quizAttempts[0]).to.include({ quizId: quiz.id, number: 1, status: 'open' })
  })

  it("holds the bot's requests to the person named: another's ticket is not found and nothing changes", async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const person = async (contactId: string) => {
      const id = (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
      await bot.post(`/api/bot/people/${id}/consent`, { version: 'v3' })
      return id
    }
    const li = await person('wx-li')
    const wang = await person('wx-wang')
    const { body: c } = await bot.post(`/api/bot/people/${li}/cases`, { text: '路灯坏了', deputyCode: 'DP0001' }, { 'Idempotency-Key': 'li-1' })

    const other = await bot.post(`/api/bot/people/${wang}/cases/${c.ticket}/withdraw`, {})
    expect(other.status).to.equal(404)
    expect((await app.liaison.store.cases.getByTicket(c.ticket))!.status).to.equal('assigned')
    expect((await bot.request('DELETE', '/api/bot/people/mu-00000000-0000-0000-0000-000000000000')).status, 'nobody').to.equal(404)
    expect((await bot.request('DELETE', '/api/bot/people/not-an-id')).status).to.equal(400)
    expect((await new Client(app.baseUrl).request('DELETE', `/api/bot/people/${li}`)).status, 'without the secret').to.equal(401)
    expect((await app.liaison.store.mpUsers.get(li))!.botContactId).to.equal('wx-li')

    const mine = await bot.post(`/api/bot/people/${li}/cases/${c.ticket}/withdraw`, {})
    expect(mine.body).to.deep.equal({ ticket: c.ticket, status: 'withdrawn', statusLabel: '已撤回' })
    expect((await bot.request('DELETE', `/api/bot/people/${li}`)).body).to.include({ erased: true, anonymised: 1 })
    expect((await bot.request('DELETE', `/api/bot/people/${li}`)).status, 'gone from the chat').to.equal(404)
  })
})
