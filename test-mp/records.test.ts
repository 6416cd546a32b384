import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang, stationStaff, tapInside, zhangsAppraisal } from './office.js'

/**
 * 我的履职档案: 张伟 (dp0001) reports a visit with a photo from his workbench; once his station
 * approves it, his record and points count it and his yearly report reads it; a resident of his
 * area rates the report in 述职评议 and he sees the result.
 */
describe("mini-program: a deputy's record (履职档案)", () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('reports an activity with a photo; approved by the station, it counts in the record, the points and the yearly report', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('.open-records')
    const record = await follow()
    expect(record.path).to.equal('pages/records/index')
    expect(record.text()).to.include('2026 年履职积分').and.include('0 分').and.include('还没有报告过')

    await record.tap('.report-activity')
    const form = await follow()
    await form.tap('.kind-inspection')
    await form.emit('.date', 'change', { value: '2026-11-20' })
    expect(form.textOf('.date'), 'the day he picked, as he says it').to.match(/^(2026年)?11月20日 ›$/)
    await form.type('.place', '建设路社区')
    await form.emit('.what', 'change', { value: '视察老旧小区加装电梯工程进度' })
    phone.photos.push(photoOnPhone('tmp_visit.jpg'))
    await form.tap('#add-photo')
    expect(form.textOf('.photo-state')).to.equal('照片已上传')
    // Whose review it goes to, not the office's 提交审核.
    expect(form.text()).to.include('交给联络站审核').and.not.include('提交审核')
    await form.tap('.submit')
    expect(form.text(), form.textOf('.error')).to.include('已提交，联络站工作人员审核通过后计入您的履职档案。')

    await record.show()
    expect(record.textOf('.activity'))
      .to.match(/^(2026年)?11月20日 视察 · 建设路社区/)
      .and.include('待审核')
    const lina = await stationStaff(app)
    const [pending] = (await lina.get('/api/admin/records/activities?status=pending')).body.items
    await created(lina.post(`/api/admin/records/activities/${pending.id}/review`, { decision: 'approve' }))

    await record.show()
    expect(record.textOf('.activity')).to.include('已通过')
    expect(record.textOf('.total')).to.include('3 分').and.include('报告履职活动（已审核） 1 次 × 3 分 = 3 分')
    // Read as drawn (textOf squashes every space): "= 3 分" never breaks between 3 and 分.
    expect(String(record.component.querySelector('.total').dom.textContent)).to.include('报告履职活动（已审核） 1\u00a0次 ×\u00a03\u00a0分 =\u00a03\u00a0分')
    await record.tap('.open-report')
    const annual = await follow()
    expect(annual.text())
      .to.include('张伟代表2026年度履职情况报告')
      .and.include('审核通过 1 次（调研 0、视察 1、进站接待 0、其他 0）')
      .and.include('代表建议：提出 0 件，附议 0 件')
  })

  it('shows last year in January with one tap, and opens the 述职报告 of the year shown', async () => {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await created((await phoneOfZhang(app)).post(`/api/mp/deputy/cases/${written.id}/reply`, { text: '已联系环卫所，明天起每天清运两次。' }))
    app.clock.set(new Date('2027-01-10T02:00:00Z'))
    await phoneOfZhang(app)

    const record = await openPage('pages/records/index')
    expect(record.textOf('.total')).to.include('2027 年履职积分')
    expect(record.text()).to.include('共 0 条：已答复 0 条')
    expect(record.has('.year-this'), 'already this year').to.equal(false)
    await record.tap('.year-prev')
    expect(record.textOf('.total')).to.include('2026 年履职积分')
    expect(record.text()).to.include('共 1 条：已答复 1 条（都按时答复）')
    await record.tap('.open-report')
    const annual = await follow()
    expect(annual.text()).to.include('张伟代表2026年度履职情况报告').and.include('共 1 条：已答复 1 条（都按时答复）')

    await record.show()
    expect(record.textOf('.total'), 'back from the report, still the year chosen').to.include('2026 年履职积分')
    await record.tap('.year-this')
    expect(record.textOf('.total')).to.include('2027 年履职积分')
  })

  it('has a resident of his area rate the yearly report once, and shows him the result', async () => {
    const opened = await zhangsAppraisal(app)
    holdPhone(app, 'o-neighbour')
    const page = await openPage(`pages/records/appraise?surveyId=${opened.surveyId}`)
    expect(page.text()).to.include('给张伟代表今年的工作打分').and.include('建设路社区').and.include('光明社区')
    // In her words, not the office's (述职评议, 履职情况, 不记名).
    expect(page.text()).to.include('您对张伟代表这一年的工作满意吗？').and.include('送出评议')
    expect(page.text()).to.not.include('述职评议').and.not.include('履职情况').and.not.include('不记名')
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('请先选择您居住的社区')
    await page.tap('.c-c010101')
    expect(page.textOf('.c-c010101'), 'her choice said in words, not by colour alone').to.equal('建设路社区✓ 已选')
    expect(page.textOf('.c-c010102')).to.equal('光明社区')
    await tapInside(page, '.q-overall', '.point', 4)
    await tapInside(page, '.q-verdict', '.option', 0)
    await page.tap('.submit')
    expect(page.text()).to.include('评议已送出，谢谢您的参与')
    const again = await openPage(`pages/records/appraise?surveyId=${opened.surveyId}`)
    expect(again.text()).to.include('您已经打过分了，每人只能打一次')

    // Closed with one rater he reads how many took part, and why no more (fewer than 5 would point at people);
    // the ratings themselves: a-resident-reads-the-report-she-rates, with five.
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    await phoneOfZhang(app)
    const results = await openPage('pages/records/appraisals')
    expect(results.text()).to.include('已结束 · 1 位群众参加评议').and.include('参加评议的人数少于 5 人，为保护评议人，不显示各项结果')
    expect((await (await asResident(app)).get('/api/mp/records/appraisals')).status, 'not for residents').to.equal(403)
  })

  it("takes a resident who scanned the 述职评议's poster to its own page before she answers", async () => {
    const opened = await zhangsAppraisal(app)
    holdPhone(app, 'o-poster-reader')
    await openPage(`pages/survey/answer?code=${opened.shortCode}`)
    const appraise = await follow()
    expect(appraise.path).to.equal('pages/records/appraise')
    await appraise.tap('.c-c010102')
    await tapInside(appraise, '.q-overall', '.point', 3)
    await tapInside(appraise, '.q-verdict', '.option', 1)
    await appraise.tap('.submit')
    expect(appraise.text()).to.include('评议已送出，谢谢您的参与')
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    // One rater: the office reads the count only (too few to show ratings); what she chose is kept as she chose it.
    const [result] = (await (await office(app)).get('/api/admin/records/dp0001/appraisals')).body.items
    expect(result).to.include({ responses: 1, sealed: true })
    const [kept] = await app.liaison.store.surveys.responses(opened.surveyId)
    expect(kept?.answers).to.include({ overall: 4, verdict: 'basically' })
  })
})
