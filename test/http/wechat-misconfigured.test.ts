import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asResident, Client, type TestApp } from '../helpers/app.js'
import { startWithWeChat } from '../helpers/wechat.js'

const FOR_RESIDENTS = '小程序登录暂时无法使用，请联系人大办公室'

/**
 * 钱科长 types one character of the AppSecret wrong and restarts. Residents and deputies are not told
 * "系统出了点问题": they are sent to the office, in the usual error body, with nothing of the secret; and the
 * office reads on /readyz what is wrong with the setup. Once it works again, /readyz says so.
 */
describe('a WeChat setup mistake: residents are sent to the office, /readyz names the mistake', () => {
  let app: TestApp & { fake: FakeWeChat }
  afterEach(() => app?.close())

  const login = async (openid: string) => {
    const code = `code-${openid}-${Math.random().toString(36).slice(2)}`
    app.fake.addLoginCode(code, { openid })
    return new Client(app.baseUrl).post('/api/mp/login', { code })
  }
  const readyz = async () => (await new Client(app.baseUrl).get('/readyz')).body

  it('answers a login with a mistyped AppSecret 503 wechat_misconfigured, and /readyz says the AppSecret is wrong', async () => {
    // The fake knows the right secret only: every call with the one typed is refused as WeChat does (40125).
    const typed = 'fakesecret-typed-000l'
    app = await startWithWeChat({ wechat: { secret: typed } })

    expect((await readyz()).wechat, 'nothing asked of WeChat yet').to.deep.equal({ status: 'unchecked' })
    const answer = await login('o-resident-1')
    expect(answer.status).to.equal(503)
    expect(answer.body).to.deep.equal({ error: { code: 'wechat_misconfigured', message: FOR_RESIDENTS, details: [] } })
    expect(JSON.stringify(answer.body)).not.to.include(typed)

    const ready = await readyz()
    expect(ready.status, 'the console and the store still work: not a reason to stop serving').to.equal('ready')
    expect(ready.wechat).to.deep.include({ status: 'misconfigured', problem: '小程序的 AppSecret 无效：请检查配置', errcode: 40125 })
    expect(JSON.stringify(ready)).not.to.include(typed)

    // A signed-in resident asking for her phone number meets the same mistake: told to type it herself.
    const resident = await asResident(app)
    const phone = await resident.post('/api/mp/phone', { code: 'phone-code-1' })
    expect(phone.status).to.equal(503)
    expect(phone.body.error).to.deep.include({ code: 'wechat_misconfigured', message: '暂时无法读取微信绑定的手机号，请自己填写电话' })
  })

  it('names a server missing from the IP whitelist, and says ok again once a login gets through', async () => {
    app = await startWithWeChat()
    app.fake.failNext('/sns/jscode2session', 40164, 1, 'invalid ip 203.0.113.9, not in whitelist')
    const refused = await login('o-resident-2')
    expect(refused.status).to.equal(503)
    expect(refused.body.error).to.deep.include({ code: 'wechat_misconfigured', message: FOR_RESIDENTS })
    expect((await readyz()).wechat).to.deep.include({ status: 'misconfigured', problem: '服务器地址不在小程序后台的 IP 白名单中', errcode: 40164 })

    // The office adds the address on WeChat's side; the next login works and /readyz no longer names a problem.
    const next = await login('o-resident-2')
    expect(next.status).to.equal(200)
    expect((await readyz()).wechat.status).to.equal('ok')
  })
})
