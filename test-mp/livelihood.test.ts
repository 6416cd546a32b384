import { expect } from 'chai'
import { asAdmin, asDeputy, Client } from '../test/helpers/app.js'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { jpegWithGps } from '../test/helpers/images.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { collectingCycle, created, pocketParkCandidate, yearBallotForAnHour } from './office.js'

/** 民生实事 on the phone: a resident proposes in the window and follows it; a deputy rates; anyone reads the results. */
describe('mini-program story: 民生实事项目', () => {
  let app: Backend
  let cycleId: string
  before(async () => {
    app = await startBackend()
    cycleId = (await collectingCycle(app)).id
  })
  after(() => app.close())

  it('lets a resident propose a project from the home page after agreeing to the notice, and shows its state in words', async () => {
    holdPhone(app, 'o-mp-proposer')
    const home = await openPage('pages/index/index')
    await home.tap('#livelihood')
    const list = await follow()
    expect(list.path).to.equal('pages/projects/index')
    expect(list.textOf('#collecting')).to.include('2027年市民生实事项目正在征集')
    expect(list.textOf('#none')).to.equal('今年的民生实事项目还没有确定')
    await list.tap('#propose')
    const form = await follow()
    expect(form.path).to.equal('pages/projects/propose')
    expect(form.textOf('#consent')).to.include('您的姓名和联系方式不会公开')
    await form.type('#title', '建设路社区老楼加装电梯')
    await form.type('#description', '建设路社区3号楼6层，没有电梯，老人下楼难')
    await form.type('#place', '建设路社区3号楼')
    await form.tap('#submit')
    expect(form.textOf('#error')).to.equal('请先阅读并同意征集须知')
    await form.emit('#agree', 'change', { checked: true })
    await form.tap('#submit')
    expect(form.textOf('#sent')).to.include('建议已送出，谢谢您！')
    const [stored] = await app.liaison.store.livelihood.listProposals(cycleId)
    expect(stored).to.include({ title: '建设路社区老楼加装电梯', place: '建设路社区3号楼', consentVersion: 'lp-2026-1' })

    const again = await openPage('pages/projects/index')
    expect(again.textOf('#mine')).to.include('建设路社区老楼加装电梯').and.include('已收到，工作人员正在梳理')
  })

  it('lets a deputy rate the year’s project, and shows anyone its progress bar and the published shares', async () => {
    const office = await asAdmin(app)
    const proposals = await app.liaison.store.livelihood.listProposals(cycleId)
    const lifts = await created(
      office.post(`/api/admin/livelihood/cycles/${cycleId}/candidates`, {
        title: '老旧小区加装电梯',
        description: '为6层以上无电梯老楼加装电梯',
        place: '湛河区',
        costWan: 300,
        unitId: 'u01',
        proposalIds: proposals.map((p) => p.id),
      }),
    )
    app.clock.advance(1000)
    await pocketParkCandidate(office, cycleId)
    const ballot = await yearBallotForAnHour(app, office, cycleId, ['dp0001', 'dp0002'])
    const deputy = await asDeputy(app, 'dp0001')
    await created(deputy.post(`/api/mp/surveys/${ballot.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } }))
    app.clock.advance(2 * 3_600_000)
    const office2 = await asAdmin(app)
    await created(office2.post(`/api/admin/livelihood/cycles/${cycleId}/ballot-result`))
    // The work of 2027 is reported once 2027 has begun (a quarter not begun is refused).
    app.clock.set(new Date(Math.max(app.clock.now().getTime(), Date.parse('2027-01-15T02:00:00Z'))))
    const officeIn2027 = await asAdmin(app) // the sessions of before have ended meanwhile
    const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'site.jpg')
    const photo = await created(bureau.post('/api/unit/uploads', form))
    await created(
      bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 35, text: '8部电梯已开工', photos: [photo.url] }),
    )
    await created(officeIn2027.post(`/api/admin/livelihood/cycles/${cycleId}/rating`))

    // The deputy, on their phone, rates from the home page's 民生实事评议 (我的 signs them in first).
    holdPhone(app, 'o-deputy-dp0001')
    await openPage('pages/mine/index')
    const home = await openPage('pages/index/index')
    await home.tap('#livelihood-rate')
    const rate = await follow()
    expect(rate.path).to.equal('pages/projects/rate')
    expect(rate.textOf(`#rate-${lifts.id}`))
      .to.include('老旧小区加装电梯')
      .and.include('第1季度 完成 35%：8部电梯已开工')
    // What the app says to her everywhere (送出, not 提交), and a framed box for her comment on the white card.
    const submit = rate.component.querySelector(`#submit-${lifts.id}`)._exparserNode.shadowRoot?.childNodes.find((n: any) => n.$$)
    expect(String(submit?.$$?.textContent ?? '').trim()).to.equal('送出评议')
    expect(rate.component.querySelector('.comment')._exparserNode.classList.contains('framed')).to.equal(true)
    expect(declarations('pages/projects/rate.wxss', '.framed').get('border')).to.equal('2rpx solid #999')
    await rate.tap(`#submit-${lifts.id}`)
    expect(rate.textOf('#error')).to.equal('请先选择满意、基本满意或不满意')
    expect(rate.textOf(`#rate-${lifts.id}`), 'said in the card he tapped in, not at the top of a long page').to.include('请先选择满意、基本满意或不满意')
    await rate.tap(`#grade-${lifts.id}-basically_satisfied`)
    await rate.tap(`#submit-${lifts.id}`)
    expect(rate.textOf(`#rate-${lifts.id}`)).to.include('您的评议：基本满意')
    expect((await app.liaison.store.livelihood.listRatings(cycleId)).map((r) => [r.deputyId, r.grade])).to.deep.equal([['dp0001', 'basically_satisfied']])

    await created(officeIn2027.post(`/api/admin/livelihood/cycles/${cycleId}/publish`))
    holdPhone(app, 'o-mp-reader')
    const page = await openPage('pages/projects/index')
    const card = page.textOf(`#project-${lifts.id}`)
    expect(card).to.include('老旧小区加装电梯').and.include('完成进度 35%').and.include('第1季度：8部电梯已开工').and.include('市住房和城乡建设局')
    expect(card).to.include('人大代表评议').and.include('满意 0%').and.include('基本满意 100%').and.include('不满意 0%')
    expect(page.text()).not.to.include('口袋公园')
    // The latest report's photo under the bar, a signed link to the server; a tap opens it full screen.
    const shown = page.component.querySelector(`#photos-${lifts.id} .lp-photo`)
    expect(shown, 'the progress photo').to.be.ok
    const src = shown.dom.dataset.url as string
    const link = new URL(src)
    expect(link.pathname).to.match(/^\/api\/mp\/uploads\/[A-Za-z0-9_-]+\.jpg$/)
    expect(link.search).to.match(/^\?expires=\d+&sig=/)
    const served = await fetch(app.baseUrl + link.pathname + link.search)
    expect(served.headers.get('content-type')).to.equal('image/jpeg')
    const previewed: unknown[] = []
    const wx = (globalThis as any).wx
    const original = wx.previewImage
    wx.previewImage = (o: unknown) => previewed.push(o)
    try {
      await page.tap(`#photos-${lifts.id} .lp-photo`)
    } finally {
      wx.previewImage = original
    }
    expect(previewed).to.deep.equal([{ urls: [src], current: src }])
  })
})
