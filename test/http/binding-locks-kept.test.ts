import { expect } from 'chai'
import { asAdmin, asResident, Client, type TestApp } from '../helpers/app.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { smallCity } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * The counts of binding-code tries are kept in the store, as the console's failed logins are: a
 * restart or a deploy does not give a guesser a fresh set of tries against the six digits that
 * bind a WeChat to a deputy, and two servers on one store count together. Addresses are told apart
 * by the X-Forwarded-For our own proxy writes (trustProxy), as in production.
 */
describe('binding-code limits outlive a restart and are shared by two servers on one store', function () {
  this.timeout(120_000)
  const file = storeFileForEachTest()
  const start = (limits: Record<string, number>, directory?: ReturnType<typeof smallCity>) =>
    file.start({ directory, overrides: { http: { trustProxy: true }, bot: { secret: SECRET }, limits } })

  const ACCOUNT_WORDS = '尝试次数过多，请 15 分钟后再试'
  const ADDRESS_WORDS = '这个网络尝试绑定码的次数过多，请 15 分钟后再试'
  const EVERYONE_WORDS = '绑定码验证暂时繁忙，请稍后再试'
  const INVALID_WORDS = '绑定码无效或已过期，请向联络站工作人员重新获取'

  const wrong = (i: number) => String(300000 + i)
  const issue = async (app: TestApp, deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string
  /** The same phone as before the restart: its session is kept in the store, so it goes on talking to the new server. */
  const samePhone = (app: TestApp, before: { bearer: string | null; userId: string }) =>
    Object.assign(new Client(app.baseUrl), { bearer: before.bearer, userId: before.userId })
  /** A code typed in the mini-program from `address`, as our proxy tells it to the server. */
  const bind = (phone: Client, address: string, code: string) => phone.post('/api/mp/bind', { bindCode: code }, { 'x-forwarded-for': address })
  /** A code sent to the bot by a WeChat contact (the bot's chats arrive from its one address). */
  const botBind = async (app: TestApp, contactId: string, code: string) => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    return bot.post(`/api/bot/people/${body.personId}/bind`, { code })
  }
  const expectRefused = (answer: { status: number; headers: Headers; body: any }, words: string, seconds: number, why: string) => {
    expect(answer.status, `${why}: ${JSON.stringify(answer.body)}`).to.equal(429)
    expect(answer.body.error.code).to.equal('rate_limited')
    expect(answer.body.error.message).to.equal(words)
    expect(Number(answer.headers.get('retry-after'))).to.be.within(1, seconds)
  }
  const boundTo = async (app: TestApp, userId: string) => (await app.liaison.store.mpUsers.get(userId))!.deputyId

  it('a guesser who used up an account’s five tries is still refused after a restart, until the 15 minutes have passed; the deputy who mistyped binds', async () => {
    const first = await start({}, smallCity())
    const code = await issue(first, 'dp0001')
    const guesser = await asResident(first)
    for (let i = 0; i < 5; i++) expect((await bind(guesser, '198.51.100.7', wrong(i))).status).to.equal(422)
    expectRefused(await bind(guesser, '198.51.100.7', wrong(5)), ACCOUNT_WORDS, 15 * 60, 'the sixth try')
    // 张伟 mistypes twice before the restart.
    const deputy = await asResident(first)
    for (let i = 0; i < 2; i++) expect((await bind(deputy, '203.0.113.9', wrong(10 + i))).body.error.message).to.equal(INVALID_WORDS)
    await first.close()

    const second = await start({})
    expectRefused(await bind(samePhone(second, guesser), '198.51.100.7', wrong(6)), ACCOUNT_WORDS, 15 * 60, 'still refused after the restart')
    // 张伟's two mistakes are remembered too: two more, and the right code is his fifth try, still within the limit.
    const again = samePhone(second, deputy)
    for (let i = 0; i < 2; i++) expect((await bind(again, '203.0.113.9', wrong(12 + i))).status).to.equal(422)
    const bound = await bind(again, '203.0.113.9', code)
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    expect(bound.body.deputy).to.deep.include({ id: 'dp0001', name: '张伟' })
    expect(await boundTo(second, deputy.userId)).to.equal('dp0001')

    second.clock.advance(15 * 60_000)
    const later = await bind(samePhone(second, guesser), '198.51.100.7', wrong(7))
    expect(later.status, 'once the 15 minutes are up, a try is answered again').to.equal(422)
    expect(later.body.error.message).to.equal(INVALID_WORDS)
  })

  it('an address that used up its wrong codes over many accounts is still refused after a restart, even with the right code; another address binds', async () => {
    const first = await start({ bindFailuresPerAddress: 6 }, smallCity())
    const code = await issue(first, 'dp0001')
    const statuses: number[] = []
    for (let account = 0; account < 4; account++) {
      const guesser = await asResident(first)
      for (let i = 0; i < 2; i++) statuses.push((await bind(guesser, '198.51.100.7', wrong(account * 10 + i))).status)
    }
    expect(statuses).to.deep.equal([422, 422, 422, 422, 422, 422, 429, 429])
    await first.close()

    const second = await start({ bindFailuresPerAddress: 6 })
    const newcomer = await asResident(second)
    expectRefused(await bind(newcomer, '198.51.100.7', code), ADDRESS_WORDS, 15 * 60, 'a new account at that address, after the restart')
    const deputy = await asResident(second)
    expect((await bind(deputy, '203.0.113.9', code)).status, 'from another address the right code binds').to.equal(200)
    expect(await boundTo(second, deputy.userId)).to.equal('dp0001')

    second.clock.advance(15 * 60_000)
    const later = await bind(newcomer, '198.51.100.7', wrong(99))
    expect(later.status, 'once the 15 minutes are up, the address is answered again').to.equal(422)
    expect(later.body.error.message).to.equal(INVALID_WORDS)
  })

  it('everyone’s count, the bot’s included, is kept across a restart and shared by a second server until the hour has passed', async () => {
    const limits = { bindFailuresGlobal: 9 }
    const first = await start(limits, smallCity())
    const code = await issue(first, 'dp0002')
    // Three contacts, three wrong codes each: within each one's own five.
    for (let person = 0; person < 3; person++)
      for (let i = 0; i < 3; i++) expect((await botBind(first, `wxid_guesser_${person}`, wrong(person * 10 + i))).status).to.equal(422)
    expectRefused(await botBind(first, 'wxid_guesser_3', wrong(40)), EVERYONE_WORDS, 60 * 60, 'the tenth wrong code')
    await first.close()

    const second = await start(limits)
    const other = await start(limits)
    expectRefused(await botBind(second, 'wxid_guesser_4', wrong(50)), EVERYONE_WORDS, 60 * 60, 'the bot, after the restart')
    const deputy = await asResident(other)
    expectRefused(await bind(deputy, '203.0.113.9', code), EVERYONE_WORDS, 60 * 60, 'the mini-program at the second server')

    for (const app of [second, other]) app.clock.advance(60 * 60_000)
    const bound = await bind(deputy, '203.0.113.9', code)
    expect(bound.status, `once the hour is up, the right code binds: ${JSON.stringify(bound.body)}`).to.equal(200)
    expect(await boundTo(other, deputy.userId)).to.equal('dp0002')
  })

  it('a WeChat contact guessing through the bot is held to five tries, also after a restart; a right code afterwards starts it afresh', async () => {
    const first = await start({ bindFailuresGlobal: 0 }, smallCity())
    const code = await issue(first, 'dp0001')
    for (let i = 0; i < 5; i++) expect((await botBind(first, 'wx-guesser', wrong(i))).status).to.equal(422)
    expectRefused(await botBind(first, 'wx-guesser', wrong(5)), ACCOUNT_WORDS, 15 * 60, 'the sixth try to the bot')
    await first.close()

    const second = await start({ bindFailuresGlobal: 0 })
    expectRefused(await botBind(second, 'wx-guesser', code), ACCOUNT_WORDS, 15 * 60, 'still refused after the restart, even the right code')
    expect((await botBind(second, 'wx-other', wrong(9))).status, 'another contact is not held to it').to.equal(422)
    second.clock.advance(15 * 60_000)
    const bound = await botBind(second, 'wx-guesser', code)
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
  })
})
