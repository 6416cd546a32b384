import { expect } from 'chai'
import { createRequire } from 'node:module'
import { loadConfig } from '../src/config.js'
import { subjectOf } from '../src/services/delivery/content.js'
import { pageFor } from '../src/services/delivery/senders.js'
import { QrCodeRenderer, deputyScene, stationScene } from '../src/services/qr-codes.js'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, splitUrl } from './harness/page.js'
import { phone } from './harness/wx.js'

const require = createRequire(import.meta.url)
const { arrival } = require('../miniprogram/utils/router.js')

/**
 * Every way in lands on the right page with its id: the four scenes of printed and
 * mini-program codes, and the page of every kind of notification the backend sends.
 * Pages of the resident's own are opened and looked at; for the workbench, meeting,
 * survey, quiz and study pages (another part of the mini-program) the router's decision is checked.
 */
describe('mini-program: every scene and notification lands on its page', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  const config = loadConfig()
  const qr = new QrCodeRenderer({ qrLinkPrefix: config.miniprogram.qrLinkPrefix, cityName: config.business.cityName })

  it("shows the deputy's card for d= and the station's for s=, from a printed poster and from a mini-program code", async () => {
    const poster = await openPage(`pages/index/index?q=${encodeURIComponent(qr.linkFor(deputyScene('DP0002')))}`)
    expect(poster.text()).to.include('王芳 代表')
    const code = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST002')}`)
    expect(code.text()).to.include('马庄街道代表联络站').and.include('赵敏')
    const stationPoster = await openPage(`pages/index/index?q=${encodeURIComponent(qr.linkFor(stationScene('ST001')))}`)
    expect(stationPoster.text()).to.include('轻工街道代表联络站')
  })

  it("opens a meeting's check-in for m= and a survey for v=", async () => {
    await openPage(`pages/index/index?scene=${encodeURIComponent('m=HY7K2Q9A')}`)
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: '/pages/meetings/checkin?code=HY7K2Q9A' })
    await openPage(`pages/index/index?scene=${encodeURIComponent('v=WJ0001')}`)
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: '/pages/survey/answer?code=WJ0001' })
  })

  const subjects: Array<[string, Record<string, unknown>, string]> = [
    [
      'case.replied',
      { caseId: 'cs-00000000-0000-4000-8000-000000000001', ticket: '20261123-0001' },
      '/pages/case/detail?caseId=cs-00000000-0000-4000-8000-000000000001',
    ],
    ['meeting.published', { meetingId: 'mt-1a2b3c' }, '/pages/meetings/detail?meetingId=mt-1a2b3c'],
    ['survey.published', { surveyId: 'sv-1a2b' }, '/pages/survey/answer?surveyId=sv-1a2b'],
    ['ballot.published', { surveyId: 'sv-ballot' }, '/pages/survey/answer?surveyId=sv-ballot'],
    ['quiz.published', { quizId: 'qz-9' }, '/pages/quiz/take?quizId=qz-9'],
    ['reading.published', { itemId: 'it-7', campaignId: 'cp-1' }, '/pages/study/item?itemId=it-7'],
    ['digest', { day: '2026-11-24' }, '/pages/deputy/index?day=2026-11-24'],
  ]

  for (const [kind, payload, target] of subjects) {
    it(`opens ${target.split('?')[0]} for a ${kind} notification, directly and through the home page`, async () => {
      const message = { id: 'ob-1', kind, payload, createdAt: new Date('2026-11-24T00:00:00Z') }
      const subject = subjectOf(message)
      // As configured (wechat.pages): the card opens the page itself.
      expect(`/${pageFor(config, 'pages/index/index', { subject: subject.subject, query: subject.query })}`).to.equal(target)
      // A deployment without wechat.pages: the card opens the home page with the id, which goes on.
      const home = pageFor({ wechat: { ...config.wechat, pages: {} } }, 'pages/index/index', { subject: subject.subject, query: subject.query })
      expect(arrival(splitUrl(home).query)).to.deep.equal({ url: target })
      await openPage(home)
      expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: target })
    })
  }

  it("opens a deputy's suggestion for suggestionId= (an answer to rate, a suggestion sent back)", async () => {
    expect(arrival({ suggestionId: 'sg_1a2b' })).to.deep.equal({ url: '/pages/suggestion/detail?suggestionId=sg_1a2b' })
    await openPage('pages/index/index?suggestionId=sg_1a2b')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: '/pages/suggestion/detail?suggestionId=sg_1a2b' })
  })

  it('shows the resident the case a reply notification names', async () => {
    holdPhone(app, 'o-routing-resident')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '公交站的候车亭玻璃碎了')
    await write.tap('#submit')
    const caseId = splitUrl(phone.navigations.at(-1)!.url).query.caseId
    const deputy = await asDeputy(app, 'dp0001')
    await deputy.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已报公交公司，本周内更换。' })
    const [reply] = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.replied' })).items
    const subject = subjectOf(reply)
    const page = await openPage(pageFor(config, 'pages/index/index', { subject: subject.subject, query: subject.query }))
    expect(page.path).to.equal('pages/case/detail')
    expect(page.text()).to.include('公交站的候车亭玻璃碎了').and.include('已报公交公司，本周内更换。')
  })

  it("sends a deputy who opens a case notification on to the workbench's case page", async () => {
    holdPhone(app, 'o-routing-resident-2')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '菜市场门口占道经营')
    await write.tap('#submit')
    const caseId = splitUrl(phone.navigations.at(-1)!.url).query.caseId
    await asDeputy(app, 'dp0001') // the deputy's WeChat account, bound to their record
    holdPhone(app, 'o-deputy-dp0001')
    await openPage(`pages/case/detail?caseId=${caseId}`)
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: `/pages/deputy/case?caseId=${caseId}` })
  })

  it('lands a resident who opens the home page from a case notice on the case itself', async () => {
    holdPhone(app, 'o-routing-home')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.type('#text', '小区健身器材坏了')
    await write.tap('#submit')
    const caseId = splitUrl(phone.navigations.at(-1)!.url).query.caseId
    await openPage(`pages/index/index?caseId=${caseId}`)
    const detail = await follow()
    expect(detail.text()).to.include('小区健身器材坏了')
  })
})
