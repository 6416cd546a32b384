import { expect } from 'chai'
import { asResident, type TestApp } from '../helpers/app.js'
import { startWithWeChat, TEMPLATE } from '../helpers/wechat.js'

/**
 * 我的 → 微信通知 says what she has already turned on. Her profile (GET /api/mp/me) carries it: a yes to WeChat's prompt
 * allows one message, used up when it is sent; 我的 words it (never a count), and her copy's summary (我的信息) says the
 * same in a few words: 已开通, or 已用完, never “还能收到 1 条”, a count that is not hers to keep.
 */
describe('her profile says which WeChat notices she has turned on', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  it('none, then on after her yes (two yeses read the same), then used up', async () => {
    // One template carries every kind here: her yes is to the answer's.
    const wang = await asResident(app, 'o-wang-notices')
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 0, ever: false })
    expect((await wang.get('/api/mp/me')).body, '我的 words it itself').not.to.have.property('noticesText')
    expect((await wang.get('/api/mp/me/kept')).body.facts.map((f: { label: string }) => f.label)).not.to.include('微信通知')

    expect((await wang.post('/api/mp/subscriptions', { results: { [TEMPLATE]: 'accept' } })).status).to.equal(200)
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 1, ever: true })
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '已开通，代表的下一条答复会发给您' })
    expect((await wang.post('/api/mp/subscriptions', { results: { [TEMPLATE]: 'accept' } })).status).to.equal(200)
    expect((await wang.get('/api/mp/me/kept')).body.facts, 'two yeses: the same words, no count').to.deep.include({
      label: '微信通知',
      value: '已开通，代表的下一条答复会发给您',
    })
    expect(await app.liaison.store.subscriptions.consume(wang.userId, TEMPLATE, app.clock.now())).to.equal(true)

    expect(await app.liaison.store.subscriptions.consume(wang.userId, TEMPLATE, app.clock.now())).to.equal(true)
    expect((await wang.get('/api/mp/me')).body.notices).to.deep.equal({ longTerm: false, left: 0, ever: true })
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '已用完，现在收不到' })
  })
  it('says the answer does not come once its yes is used, though a meeting’s yes is left', async () => {
    await app.close()
    // The answer to her message and a meeting notice on two templates: a yes to each, the answer's then used.
    app = await startWithWeChat({
      wechat: {
        templates: { meeting: { id: 'TPL_MEETING_0002', longTerm: false, page: 'pages/meeting/meeting', data: { thing1: '{title}' } } },
        kindTemplates: { 'meeting.notice': 'meeting', '*': 'notice' },
      },
    })
    const wang = await asResident(app, 'o-wang-two-templates')
    const yes = { results: { [TEMPLATE]: 'accept', TPL_MEETING_0002: 'accept' } }
    expect((await wang.post('/api/mp/subscriptions', yes)).status).to.equal(200)
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '已开通，代表的下一条答复会发给您' })

    expect(await app.liaison.store.subscriptions.consume(wang.userId, TEMPLATE, app.clock.now())).to.equal(true)
    expect((await wang.get('/api/mp/me')).body.notices, '我的 reads the answer’s, not the meeting’s left').to.deep.equal({
      longTerm: false,
      left: 0,
      ever: true,
    })
    expect((await wang.get('/api/mp/me/kept')).body.facts).to.deep.include({ label: '微信通知', value: '代表答复时现在收不到通知，别的通知还能收到' })
  })
})
