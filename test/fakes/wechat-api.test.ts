import { expect } from 'chai'
import { ManualClock } from '../../src/clock.js'
import { FakeWeChat } from './wechat-api.js'

/**
 * The fake itself (test double), checked against WeChat's documentation: the tests of our
 * code rely on it refusing what WeChat refuses. Nothing of Liaison runs here.
 */
describe('the fake WeChat API (test double) answers as WeChat documents', () => {
  let fake: FakeWeChat
  let apiBase: string

  beforeEach(async () => {
    fake = new FakeWeChat({ clock: new ManualClock() })
    apiBase = await fake.start()
  })
  afterEach(() => fake.stop())

  const post = (path: string, body: unknown, query = '') =>
    fetch(`${apiBase}${path}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  async function token() {
    const answer = await (await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: fake.appId, secret: fake.secret })).json()
    return `?access_token=${encodeURIComponent(answer.access_token)}`
  }

  it('refuses a subscribe message whose thing is over 20 characters with 47003', async () => {
    const res = await (
      await post('/cgi-bin/message/subscribe/send', { touser: 'o-1', template_id: 't', data: { thing1: { value: '字'.repeat(21) } } }, await token())
    ).json()
    expect(res.errcode).to.equal(47003)
    expect(res.errmsg).to.match(/^argument invalid! data\.thing1\.value exceeds limit rid: [0-9a-f-]+$/)
  })

  it('answers JSON errors, not an image, for bad mini-program code scenes', async () => {
    const query = await token()
    const long = await post('/wxa/getwxacodeunlimit', { scene: 'x'.repeat(33) }, query)
    expect(long.headers.get('content-type')).to.match(/^application\/json/)
    expect((await long.json()).errcode).to.equal(40169)
    expect((await (await post('/wxa/getwxacodeunlimit', { scene: '中文' }, query)).json()).errcode).to.equal(40129)
  })

  it("refuses a WeCom robot's 21st message within a minute with 45009", async () => {
    const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'
    fake.addRobotKey(key)
    const send = async (content: string) => (await (await post('/cgi-bin/webhook/send', { msgtype: 'text', text: { content } }, `?key=${key}`)).json()).errcode
    for (let i = 0; i < 20; i++) expect(await send(`${i}`)).to.equal(0)
    expect(await send('one more')).to.equal(45009)
  })
})
