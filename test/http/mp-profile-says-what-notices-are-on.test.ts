import { expect } from 'chai'
import { asResident, type TestApp } from '../helpers/app.js'
import { startWithWeChat, TEMPLATE } from '../helpers/wechat.js'

/**
 * 我的 → 微信通知 says what she has already turned on. Her profile (GET /api/mp/me) carries it: a yes to WeChat's prompt
 * allows one message, used up when it is sent; her copy's summary (我的信息) says the same in a few words.
 */
describe('her profile says which WeChat notices she has turned on', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  it('none, then one send left after her yes, then used up', async () => {
    const wang = await asResident(app, 'o-wang-notices')
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 0, ever: false })
    expect((await wang.get('/api/mp/me')).body.noticesText, '我的 says it in the server’s words').to.equal('还没有开通微信通知。')
    expect((await wang.get('/api/mp/me/kept')).body.facts.map((f: { label: string }) => f.label)).not.to.include('微信通知')

    expect((await wang.post('/api/mp/subscriptions', { results: { [TEMPLATE]: 'accept' } })).status).to.equal(200)
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 1, ever: true })
    expect((await wang.get('/api/mp/me')).body.noticesText).to.equal('已开通：还能收到 1\u00a0条微信通知。用完了，再点一次“开通微信通知”就行。')
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '还能收到 1\u00a0条' })

    expect(await app.liaison.store.subscriptions.consume(wang.userId, TEMPLATE, app.clock.now())).to.equal(true)
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 0, ever: true })
    expect((await wang.get('/api/mp/me')).body.noticesText).to.equal('以前开通的微信通知已经用完了，现在收不到。想收到，请点“开通微信通知”。')
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '已经用完了' })
  })
})
