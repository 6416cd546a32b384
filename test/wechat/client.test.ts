import { expect } from 'chai'
import { ManualClock } from '../../src/clock.js'
import { RateLimitError, ServiceUnavailableError, UnprocessableError } from '../../src/errors.js'
import { createLogger } from '../../src/logger.js'
import { CONTENT_RISKY_MESSAGE, WeChatClient, type WeChatClientOptions } from '../../src/wechat/client.js'
import { retryable, WeChatApiError } from '../../src/wechat/errors.js'
import { FakeWeChat } from '../fakes/wechat-api.js'

const TOKEN = '/cgi-bin/stable_token'
const LOGIN = '/sns/jscode2session'
const PHONE = '/wxa/business/getuserphonenumber'
const SEND = '/cgi-bin/message/subscribe/send'
const CODE = '/wxa/getwxacodeunlimit'
const CHECK = '/wxa/msg_sec_check'

const MINUTE = 60_000
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47])

/** The error a promise rejects with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail')
}

async function wechatFailure(promise: Promise<unknown>): Promise<WeChatApiError> {
  const err = await failure(promise)
  expect(err).to.be.instanceOf(WeChatApiError)
  return err as WeChatApiError
}

const meetingNotice = (touser = 'o-deputy-1') => ({
  touser,
  templateId: 'tmpl-meeting',
  page: 'pages/meeting/detail?id=12',
  data: { thing1: '代表联络站接待日', time2: '2026年11月25日 09:00', phrase3: '待签到' },
})

describe('WeChat API client', () => {
  let fake: FakeWeChat
  let clock: ManualClock
  let apiBase: string

  beforeEach(async () => {
    clock = new ManualClock()
    fake = new FakeWeChat({ clock })
    apiBase = await fake.start()
  })
  afterEach(() => fake.stop())

  const wechat = (options: Partial<WeChatClientOptions> = {}) =>
    new WeChatClient({ appId: fake.appId, secret: fake.secret, apiBase, timeoutMs: 2000, miniprogramState: 'formal', clock, ...options })
  const tokenRequests = () => fake.received(TOKEN).map((r) => (r.body as { force_refresh: boolean }).force_refresh)
  const tokensSent = (path: string) => fake.received(path).map((r) => r.query.access_token)

  describe('access token', () => {
    it('is fetched once for concurrent callers', async () => {
      const client = wechat()
      const [tokens] = await Promise.all([
        Promise.all([client.accessToken(), client.accessToken(), client.accessToken()]),
        Promise.all([1, 2, 3].map((i) => client.sendSubscribeMessage(meetingNotice(`o-deputy-${i}`)))),
      ])
      expect(tokenRequests()).to.deep.equal([false])
      expect(new Set(tokens).size).to.equal(1)
      expect(new Set(tokensSent(SEND))).to.deep.equal(new Set(tokens))
      expect(fake.received(TOKEN)[0].body).to.deep.include({ grant_type: 'client_credential', appid: fake.appId })
    })

    it('is kept until 5 minutes before it expires, then renewed', async () => {
      const client = wechat()
      const first = await client.accessToken()
      clock.advance(120 * MINUTE - 5 * MINUTE - 1000)
      expect(await client.accessToken()).to.equal(first)
      expect(tokenRequests()).to.have.length(1)

      clock.advance(2000)
      const renewed = await client.accessToken()
      expect(tokenRequests()).to.deep.equal([false, false])
      expect(renewed).not.to.equal(first)
      await client.sendSubscribeMessage(meetingNotice())
      expect(tokensSent(SEND)).to.deep.equal([renewed])
    })

    it('42001 (expired): renews the token and retries the call once', async () => {
      const client = wechat()
      await client.sendSubscribeMessage(meetingNotice())
      fake.expireTokens()
      const { msgid } = await client.sendSubscribeMessage(meetingNotice())
      expect(msgid).to.match(/^\d+$/)
      const [first, stale, retried] = tokensSent(SEND)
      expect(stale).to.equal(first)
      expect(retried).not.to.equal(first)
      expect(tokenRequests()).to.deep.equal([false, false])
      expect(fake.sent()).to.have.length(2)
    })

    it('40001 (invalid): renews the token and retries the call once', async () => {
      const client = wechat()
      await client.accessToken()
      fake.invalidateTokens()
      const code = await client.miniProgramCode({ scene: 'd=D0012' })
      expect(code.subarray(0, 4)).to.deep.equal(PNG_SIGNATURE)
      expect(fake.received(CODE)).to.have.length(2)
      expect(tokenRequests()).to.deep.equal([false, false])
    })

    it('40014: when stable_token hands back the refused token, forces a new one', async () => {
      const client = wechat()
      const first = await client.accessToken()
      fake.failNext(SEND, 40014)
      await client.sendSubscribeMessage(meetingNotice())
      // Normal refresh first (force_refresh is rate-limited by WeChat), forced only when the same token came back.
      expect(tokenRequests()).to.deep.equal([false, false, true])
      const [refused, retried] = tokensSent(SEND)
      expect(refused).to.equal(first)
      expect(retried).not.to.equal(first)
      expect(await client.accessToken()).to.equal(retried)
    })

    it('retries only once: a second token error is thrown', async () => {
      const client = wechat()
      fake.failNext(SEND, 42001, 2)
      const err = await wechatFailure(client.sendSubscribeMessage(meetingNotice()))
      expect(err).to.include({ api: SEND, errcode: 42001, kind: 'token' })
      expect(err.errmsg).to.match(/ rid: [0-9a-f-]+$/)
      expect(fake.received(SEND)).to.have.length(2)
      expect(fake.sent()).to.have.length(0)
    })

    it('shares one renewal between concurrent calls refused with the same token', async () => {
      const client = wechat()
      await client.accessToken()
      fake.expireTokens()
      await Promise.all([1, 2, 3, 4].map((i) => client.sendSubscribeMessage(meetingNotice(`o-${i}`))))
      expect(tokenRequests()).to.deep.equal([false, false])
      expect(fake.sent()).to.have.length(4)
    })

    it('a wrong secret is a configuration error, not retried', async () => {
      const err = await wechatFailure(wechat({ secret: 'not-the-secret' }).accessToken())
      expect(err).to.include({ api: TOKEN, errcode: 40125, kind: 'config' })
      expect(retryable(err)).to.equal(false)
    })
  })

  describe('mini-program login (code2Session)', () => {
    it('answers the openid and unionid, never the session key', async () => {
      fake.addLoginCode('code-a', { openid: 'o-resident-1', unionid: 'u-resident-1' })
      fake.addLoginCode('code-b', { openid: 'o-resident-2' })
      const client = wechat()
      expect(await client.code2Session('code-a')).to.deep.equal({ openid: 'o-resident-1', unionid: 'u-resident-1' })
      expect(await client.code2Session('code-b')).to.deep.equal({ openid: 'o-resident-2', unionid: null })
      expect(fake.received(LOGIN)[0].query).to.deep.equal({ appid: fake.appId, secret: fake.secret, js_code: 'code-a', grant_type: 'authorization_code' })
    })

    it('40029 (unknown code) and 40163 (used code) ask the user, in plain words, to try again', async () => {
      fake.addLoginCode('code-once', { openid: 'o-resident-1' })
      const client = wechat()
      await client.code2Session('code-once')
      for (const code of ['code-once', 'code-never-issued']) {
        const err = await failure(client.code2Session(code))
        expect(err).to.be.instanceOf(UnprocessableError)
        expect(err).to.include({ code: 'wechat_code_invalid', message: '微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开' })
      }
      expect(
        fake
          .received(LOGIN)
          .slice(1)
          .map((r) => r.query.js_code),
      ).to.deep.equal(['code-once', 'code-never-issued'])
    })

    it('40226 (blocked) is refused the same way', async () => {
      fake.failNext(LOGIN, 40226)
      expect(await failure(wechat().code2Session('x')))
        .to.be.instanceOf(UnprocessableError)
        .and.include({ code: 'wechat_code_invalid' })
    })

    it('45011 (minute quota) is a 429 with a retry hint', async () => {
      fake.failNext(LOGIN, 45011)
      const err = await failure(wechat().code2Session('x'))
      expect(err).to.be.instanceOf(RateLimitError)
      expect(err).to.include({ message: '登录过于频繁，请稍后再试', retryAfterSeconds: 60 })
    })

    it('-1 (WeChat busy) is WeChat unavailable for the person: try again shortly', async () => {
      fake.failNext(LOGIN, -1)
      const err = await failure(wechat().code2Session('x'))
      expect(err).to.be.instanceOf(ServiceUnavailableError)
      expect(err).to.include({ code: 'wechat_unavailable', message: '暂时连不上微信，请稍后再试' })
    })

    it("40013 (a wrong AppID) is the office's mistake: the person is sent to the office, the client keeps what is wrong", async () => {
      fake.failNext(LOGIN, 40013)
      const client = wechat()
      const err = await failure(client.code2Session('x'))
      expect(err).to.be.instanceOf(ServiceUnavailableError)
      expect(err).to.include({ code: 'wechat_misconfigured', message: '小程序登录暂时无法使用，请联系人大办公室' })
      expect(client.setupStatus()).to.deep.include({ state: 'misconfigured', problem: '小程序的 AppID 无效：请检查配置', errcode: 40013 })
    })

    it('other errors stay WeChat errors', async () => {
      fake.failNext(LOGIN, 40097)
      const err = await wechatFailure(wechat().code2Session('x'))
      expect(err).to.include({ errcode: 40097, kind: 'unknown' })
      expect(retryable(err)).to.equal(false)
    })
  })

  describe('phone number', () => {
    it('answers the number with the country code as a string', async () => {
      fake.addPhoneCode('phone-code', '13800138000')
      const client = wechat()
      expect(await client.phoneNumber('phone-code')).to.deep.equal({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' })
      expect(fake.received(PHONE)[0].body).to.deep.equal({ code: 'phone-code' })
    })

    it('40029: an unknown or used code asks the user to try again', async () => {
      fake.addPhoneCode('phone-code', '13800138000')
      const client = wechat()
      await client.phoneNumber('phone-code')
      const err = await failure(client.phoneNumber('phone-code'))
      expect(err)
        .to.be.instanceOf(UnprocessableError)
        .and.include({ code: 'wechat_phone_code_invalid', message: '没有取到微信绑定的手机号，请再点一次；也可以自己填写电话' })
    })
  })

  describe('subscribe messages', () => {
    it('sends the documented body and keeps the 64-bit msgid exact', async () => {
      const client = wechat({ miniprogramState: 'trial' })
      const { msgid } = await client.sendSubscribeMessage(meetingNotice())
      expect(msgid).to.equal(fake.sent()[0].msgid)
      expect(BigInt(msgid) > BigInt(Number.MAX_SAFE_INTEGER)).to.equal(true)
      expect(fake.received(SEND)[0].body).to.deep.equal({
        touser: 'o-deputy-1',
        template_id: 'tmpl-meeting',
        page: 'pages/meeting/detail?id=12',
        miniprogram_state: 'trial',
        lang: 'zh_CN',
        data: { thing1: { value: '代表联络站接待日' }, time2: { value: '2026年11月25日 09:00' }, phrase3: { value: '待签到' } },
      })
    })

    it('cuts a long thing and flattens line breaks before sending', async () => {
      await wechat().sendSubscribeMessage({ ...meetingNotice(), data: { thing1: '关于召开青澜市第十七届人民代表大会\n第三次会议代表座谈会的通知' } })
      const value = fake.sent()[0].data.thing1.value
      expect(value).to.equal('关于召开青澜市第十七届人民代表大会 第…')
    })

    it('refuses a value WeChat would refuse without sending anything', async () => {
      const client = wechat()
      const err = await wechatFailure(client.sendSubscribeMessage({ ...meetingNotice(), data: { thing1: '会议', phrase3: '请准时参加会议', time2: '明天' } }))
      expect(err).to.include({ kind: 'bad_data', errcode: 47003, local: true })
      expect(err.errmsg).to.include('phrase3').and.include('time2').and.include('5个以内的汉字')
      expect(retryable(err)).to.equal(false)
      expect(fake.received(SEND)).to.have.length(0)
    })

    it('43101: the user has no subscription left, which is not retried', async () => {
      fake.refuseSubscribe('o-unsubscribed')
      const err = await wechatFailure(wechat().sendSubscribeMessage(meetingNotice('o-unsubscribed')))
      expect(err).to.include({ errcode: 43101, kind: 'no_subscription', local: false })
      expect(retryable(err)).to.equal(false)
      expect(fake.sent()).to.have.length(0)
    })

    it('45009: daily quota reached, retry later', async () => {
      fake.failNext(SEND, 45009)
      const err = await wechatFailure(wechat().sendSubscribeMessage(meetingNotice()))
      expect(err).to.include({ errcode: 45009, kind: 'quota' })
      expect(retryable(err)).to.equal(true)
    })

    it('47003: WeChat refused a value; the reason names the field for the dead letter', async () => {
      fake.failNext(SEND, 47003, 1, 'argument invalid! data.time2.value invalid')
      const err = await wechatFailure(wechat().sendSubscribeMessage(meetingNotice()))
      expect(err).to.include({ errcode: 47003, kind: 'bad_data' })
      expect(err.errmsg).to.match(/^argument invalid! data\.time2\.value invalid rid: /)
      expect(err.message).to.include('data.time2.value')
      expect(retryable(err)).to.equal(false)
    })
  })

  describe('mini-program codes', () => {
    it('answers the image bytes and sends the documented body', async () => {
      const image = await wechat().miniProgramCode({ scene: 'd=D0012&s=S03', page: 'pages/index/index', width: 430 })
      expect(image.subarray(0, 4)).to.deep.equal(PNG_SIGNATURE)
      expect(fake.received(CODE)[0].body).to.deep.equal({
        scene: 'd=D0012&s=S03',
        page: 'pages/index/index',
        width: 430,
        check_path: true,
        env_version: 'release',
      })
    })

    it('opens the development version without checking the page when the mini-program is not released', async () => {
      await wechat({ miniprogramState: 'developer' }).miniProgramCode({ scene: 'x=1' })
      expect(fake.received(CODE)[0].body).to.deep.include({ check_path: false, env_version: 'develop' })
    })

    it('refuses a scene WeChat would refuse (40169 length, 40129 characters) without sending', async () => {
      const client = wechat()
      expect(await wechatFailure(client.miniProgramCode({ scene: 'x'.repeat(33) }))).to.include({ errcode: 40169, kind: 'bad_data', local: true })
      expect(await wechatFailure(client.miniProgramCode({ scene: '' }))).to.include({ errcode: 40169, local: true })
      expect(await wechatFailure(client.miniProgramCode({ scene: 'd=代表' }))).to.include({ errcode: 40129, kind: 'bad_data', local: true })
      expect(await wechatFailure(client.miniProgramCode({ scene: 'q=a%20b' }))).to.include({ errcode: 40129, local: true })
      expect(await wechatFailure(client.miniProgramCode({ scene: 'x=1', page: '/pages/index/index' }))).to.include({ errcode: 41030, local: true })
      expect(fake.received(CODE)).to.have.length(0)
    })

    it('a JSON error in place of the image becomes a WeChat error (40129 from WeChat)', async () => {
      fake.failNext(CODE, 40129)
      const err = await wechatFailure(wechat().miniProgramCode({ scene: 'x=1' }))
      expect(err).to.include({ errcode: 40129, kind: 'bad_data', local: false })
    })
  })

  describe('content check (msg_sec_check v2)', () => {
    it('reads the verdict from result.suggest while errcode is 0: pass, review, risky', async () => {
      fake.setContentVerdict(/赌博/, 'risky', 20006)
      fake.setContentVerdict(/上访/, 'review')
      const client = wechat()
      const check = (content: string) => client.contentCheck({ content, openid: 'o-resident-1', scene: 2 })
      expect(await check('小区门口的路灯坏了')).to.deep.equal({ suggest: 'pass', label: 100 })
      expect(await check('想了解上访的流程')).to.deep.equal({ suggest: 'review', label: 21000 })
      expect(await check('有人在楼下开设赌博')).to.deep.equal({ suggest: 'risky', label: 20006 })
      expect(fake.received(CHECK)[0].body).to.deep.equal({ content: '小区门口的路灯坏了', version: 2, scene: 2, openid: 'o-resident-1' })
      expect(CONTENT_RISKY_MESSAGE).to.match(/请修改后再提交/)
    })

    it('61010: the user has not opened the mini-program lately', async () => {
      fake.failNext(CHECK, 61010)
      const err = await wechatFailure(wechat().contentCheck({ content: '你好', openid: 'o-1', scene: 2 }))
      expect(err).to.include({ errcode: 61010, kind: 'code' })
    })
  })

  describe('transport', () => {
    it('an answer slower than the timeout is a transport error', async () => {
      const client = wechat({ timeoutMs: 200 })
      await client.accessToken()
      fake.delay(SEND, 1500)
      const started = Date.now()
      const err = await wechatFailure(client.sendSubscribeMessage(meetingNotice()))
      expect(Date.now() - started).to.be.below(1200)
      expect(err).to.include({ kind: 'transport', errcode: null })
      expect(err.errmsg).to.include('200 ms')
      expect(retryable(err)).to.equal(true)
    })

    it('a refused connection is a transport error, and calls work again once WeChat is back', async () => {
      const client = wechat()
      await client.accessToken()
      await fake.refuseConnections(true)
      const err = await wechatFailure(client.sendSubscribeMessage(meetingNotice()))
      expect(err).to.include({ kind: 'transport' })
      expect(err.errmsg).to.match(/ECONNREFUSED|ECONNRESET/)
      await fake.refuseConnections(false)
      expect(fake.baseUrl).to.equal(apiBase)
      await client.sendSubscribeMessage(meetingNotice())
      expect(fake.sent()).to.have.length(1)
    })

    it('HTTP 500 is a transport error', async () => {
      fake.failHttp(SEND, 500)
      const err = await wechatFailure(wechat().sendSubscribeMessage(meetingNotice()))
      expect(err).to.include({ kind: 'transport', httpStatus: 500 })
      expect(retryable(err)).to.equal(true)
    })

    it('HTTP 502 from the token endpoint is a transport error too', async () => {
      fake.failHttp(TOKEN, 502)
      expect(await wechatFailure(wechat().accessToken())).to.include({ api: TOKEN, kind: 'transport', httpStatus: 502 })
    })
  })

  it('never writes the secret, a token, a code or a phone number into a log line or an error', async () => {
    const lines: string[] = []
    const logger = createLogger({ log: { level: 'trace' } }, { write: (line: string) => void lines.push(line) })
    const client = wechat({ logger, timeoutMs: 300 })
    const errors: unknown[] = []
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        await call()
      } catch (err) {
        errors.push(err)
      }
    }

    fake.addLoginCode('login-code-7f3a9', { openid: 'o-resident-1' })
    fake.addPhoneCode('phone-code-5c1d2', '13912345678')
    await attempt(() => client.code2Session('login-code-7f3a9'))
    await attempt(() => client.code2Session('login-code-7f3a9'))
    await attempt(() => client.phoneNumber('phone-code-5c1d2'))
    await attempt(() => client.sendSubscribeMessage(meetingNotice()))
    fake.expireTokens()
    await attempt(() => client.sendSubscribeMessage(meetingNotice()))
    fake.failNext(SEND, 40001, 2)
    await attempt(() => client.sendSubscribeMessage(meetingNotice()))
    fake.failNext(SEND, 40014)
    await attempt(() => client.sendSubscribeMessage(meetingNotice()))
    fake.failHttp(CODE, 503)
    await attempt(() => client.miniProgramCode({ scene: 'x=1' }))
    fake.delay(CHECK, 1000)
    await attempt(() => client.contentCheck({ content: '你好', openid: 'o-1', scene: 2 }))
    fake.delay(CHECK, 0)
    await fake.refuseConnections(true)
    await attempt(() => client.sendSubscribeMessage(meetingNotice()))
    await attempt(() => client.code2Session('login-code-7f3a9'))
    await fake.refuseConnections(false)
    await attempt(() => wechat({ logger, secret: `${fake.secret}x` }).accessToken())

    expect(errors.length).to.be.at.least(7)
    expect(lines.join('')).to.include('wechat access token obtained')
    const secrets = [fake.secret, ...fake.issuedTokens(), 'login-code-7f3a9', 'phone-code-5c1d2', '13912345678']
    expect(fake.issuedTokens().length).to.be.at.least(3)
    const texts = [
      ...lines,
      ...errors.flatMap((err) => [String(err), (err as Error).stack ?? '', JSON.stringify(err), JSON.stringify(Object.entries(err as object))]),
    ]
    for (const secret of secrets) {
      for (const text of texts) expect(text.includes(secret), `"${secret.slice(0, 6)}…" leaked into: ${text.slice(0, 200)}`).to.equal(false)
    }
  })
})
