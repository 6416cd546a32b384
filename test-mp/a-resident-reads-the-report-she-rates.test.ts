import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { uploadedPhoto } from './harness/photos.js'
import { created, phoneOfZhang, rateZhangsReport, stationStaff, zhangsAppraisal } from './office.js'

/**
 * 述职评议 of 张伟 (review 35, findings 7, 8, 13). 王阿姨 is asked to judge his yearly report: she taps 先看看代表今年做了什么 and
 * reads his figures and the activities his station approved, then rates. 张伟 reads how many took part while it is
 * open, and the ratings once it has closed, each question followed by its answer. 王芳, a deputy of his station, is
 * told in words that 述职评议 is for residents.
 */
describe('mini-program: a resident reads the 述职报告 she rates; the deputy reads the ratings after the close', () => {
  let app: Backend
  let surveyId: string
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const zhang = await asDeputy(app, 'dp0001')
    const photo = await uploadedPhoto(app, zhang)
    const visit = await created(
      zhang.post('/api/mp/records/activities', {
        kind: 'inspection',
        date: '2026-11-20',
        place: '建设路社区',
        text: '视察老旧小区加装电梯工程进度',
        photos: [photo],
      }),
    )
    await created((await stationStaff(app)).post(`/api/admin/records/activities/${visit.id}/review`, { decision: 'approve' }))
    surveyId = (await zhangsAppraisal(app)).surveyId
  })
  afterEach(() => app.close())

  it('opens the report from the appraise page: his figures and approved activities, not his points; then she rates', async () => {
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    expect(page.has('.read-report')).to.equal(true)
    // Whom it asks, by name: not 您住在… said to whoever opened the poster, before asking where she lives.
    expect(page.text())
      .to.include(
        '请住在张伟代表联系的社区（建设路社区、光明社区）的居民打分。请先看看这位代表今年做了哪些事，再打分。每人只能打一次，不会记下您是谁。先看看代表今年做了什么',
      )
      .and.not.include('您住在张伟')
    await page.tap('.read-report')
    const report = await follow()
    expect(report.path).to.equal('pages/records/annual')
    expect(report.text())
      .to.include('张伟代表2026年度履职情况报告')
      .and.include('履职活动：1 次（视察 1 次）')
      .and.include('视察 · 建设路社区：视察老旧小区加装电梯工程进度')
      .and.include('去评议')
    expect(report.text(), 'the office’s scoring and what is said to him are not hers').not.to.include('积分').and.not.to.include('值班后请报告')

    await rateZhangsReport(page)
    await page.tap('.submit')
    expect(page.text()).to.include('评议已送出，谢谢您的参与')

    await phoneOfZhang(app)
    const open = await openPage('pages/records/appraisals')
    expect(open.textOf('.state')).to.equal('进行中 · 1 位群众参加评议 · 12月15日（星期二）晚上6:00结束')
    expect(open.textOf('.sealed')).to.equal('评议进行中，结束后可以看到结果')
    expect(open.text(), 'no rating while it is open').not.to.include('满意 1 人').and.not.to.include('平均')

    // Four neighbours rate too: with fewer than 5 he would read the count alone (a-deputy-with-few-raters-reads-only-the-count).
    for (let i = 0; i < 4; i++)
      await created(
        (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: { overall: 5, verdict: 'satisfied' } }),
      )
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    await phoneOfZhang(app)
    const closed = await openPage('pages/records/appraisals')
    expect(closed.has('.sealed')).to.equal(false)
    expect(closed.text())
      .to.include('已结束 · 5 位群众参加评议')
      .and.include('对述职报告：满意 5 人，基本满意 0 人，不满意 0 人')
      .and.include('总体评价：平均 5 分（满分 5 分）')
      .and.not.include('？：')
  })

  it('tells a deputy of his station that 述职评议 is for residents, with no form and no report', async () => {
    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    expect(page.textOf('.not-for-you')).to.equal('述职评议请代表联系的社区居民参加，人大代表不参加评议')
    expect(page.has('.submit')).to.equal(false)
    expect(page.has('.read-report')).to.equal(false)
  })
})
