import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/** Six-digit binding codes cannot be walked by spreading the guesses over accounts, addresses or time. */
describe('binding codes against guessing', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    app = await startApp({
      directory: caseCity(),
      overrides: { bot: { secret: SECRET }, limits: { bindFailuresPerAddress: 6, bindFailuresGlobal: 9, bindCodeLockAfterWrongTries: 5 } },
    })
    bot = new Client(app.baseUrl)
    bot.bearer = SECRET
  })
  afterEach(() => app.close())

  const wrong = (i: number) => String(300000 + i)
  const issue = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string

  it('limits wrong codes per address, whatever account is used: four accounts cannot share out the guessing', async () => {
    const code = await issue('dp0001')
    const statuses: number[] = []
    for (let account = 0; account < 4; account++) {
      const guesser = await asResident(app)
      for (let i = 0; i < 2; i++) statuses.push((await guesser.post('/api/mp/bind', { bindCode: wrong(account * 10 + i) })).status)
    }
    expect(statuses).to.deep.equal([422, 422, 422, 422, 422, 422, 429, 429])
    const refused = await (await asResident(app)).post('/api/mp/bind', { bindCode: code })
    expect(refused.status, 'not even a right code gets through from there now').to.equal(429)
    expect(refused.body.error.message).to.include('15 分钟')
  })

  it('does not count the right code: a deputy who typed it once wrong still binds', async () => {
    const code = await issue('dp0001')
    const deputy = await asResident(app)
    expect((await deputy.post('/api/mp/bind', { bindCode: wrong(1) })).status).to.equal(422)
    expect((await deputy.post('/api/mp/bind', { bindCode: code })).status).to.equal(200)
    expect((await app.liaison.store.mpUsers.get(deputy.userId))!.deputyId).to.equal('dp0001')
  })

  it('locks a waiting code after five wrong tries anywhere, so that even the right one fails; staff issue a new one', async () => {
    const code = await issue('dp0001')
    for (let person = 0; person < 5; person++) {
      const { body } = await bot.post('/api/bot/people/resolve', { contactId: `wxid_typo_${person}` })
      expect((await bot.post(`/api/bot/people/${body.personId}/bind`, { code: wrong(person) })).status).to.equal(422)
    }
    const deputy = await asResident(app)
    const locked = await deputy.post('/api/mp/bind', { bindCode: code })
    expect(locked.status).to.equal(422)
    expect(locked.body.error.message).to.include('请向联络站工作人员重新获取')
    expect((await deputy.post('/api/mp/bind', { bindCode: await issue('dp0001') })).status).to.equal(200)
    expect((await app.liaison.store.mpUsers.get(deputy.userId))!.deputyId).to.equal('dp0001')
  })

  it('limits wrong codes for everyone together, the bot included, where an address says nothing', async () => {
    const statuses: number[] = []
    for (let person = 0; person < 3; person++) {
      const { body } = await bot.post('/api/bot/people/resolve', { contactId: `wxid_guesser_${person}` })
      for (let i = 0; i < 4; i++) statuses.push((await bot.post(`/api/bot/people/${body.personId}/bind`, { code: wrong(person * 10 + i) })).status)
    }
    expect(statuses.filter((s) => s === 422)).to.have.length(9)
    expect(statuses.slice(9)).to.deep.equal([429, 429, 429])
    const answer = await (await asResident(app)).post('/api/mp/bind', { bindCode: wrong(99) })
    expect(answer.status, 'the mini-program shares the count').to.equal(429)
    expect(answer.body.error.code).to.equal('rate_limited')
  })
})
