import { expect } from 'chai'
import { holdPhone, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { asResident } from '../test/helpers/app.js'
import { backendWithZhangsAppraisal, created, phoneOfZhang, rateZhangsReport } from './office.js'

/**
 * 述职评议 of 张伟 (review 35, findings 1, 7, 8), open from 11月23日 9:00 to 12月15日 18:00. 王阿姨 who opens it before
 * or after reads which it is, with its day, and no invitation to rate; while it is open 先看看代表今年做了什么 is a button that
 * leads to the report, whose end leads back with 去评议, and once she has rated it reads 再看看代表今年做了什么.
 */
describe('mini-program: 述职评议 says when it is, and the report leads back to rating', () => {
  let app: Backend
  let surveyId: string
  beforeEach(async () => {
    ;({ app, surveyId } = await backendWithZhangsAppraisal('2026-11-20T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('before it opens: says the day it begins, with no invitation and no form', async () => {
    holdPhone(app, 'o-wang-early')
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    expect(page.textOf('.state')).to.equal('这次评议11月23日（星期一）上午9:00开始，到时请再来评议')
    expect(page.text()).to.not.include('每人只能打一次').and.not.include('评议不在进行中')
    expect(page.has('.submit')).to.equal(false)
    expect(page.has('.read-report')).to.equal(false)
  })

  it('after it closed: says it is over, with the day it ended, and no invitation', async () => {
    app.clock.set(new Date('2026-12-20T02:00:00Z'))
    holdPhone(app, 'o-wang-late')
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    expect(page.textOf('.state')).to.equal('这次评议已于12月15日（星期二）晚上6:00结束，谢谢关注')
    expect(page.text()).to.not.include('每人只能打一次').and.not.include('评议不在进行中')
    expect(page.has('.submit')).to.equal(false)
  })

  it('while open: 先看看代表今年做了什么 is a framed button, the report ends with 去评议, and after rating it reads 再看看…', async () => {
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/records/appraise?surveyId=${surveyId}`)
    const button = page.component.querySelector('.read-report')
    expect(button.instance.data.theme, 'coloured as a button, not black text').to.equal('primary')
    expect(page.text()).to.include('先看看代表今年做了什么')
    await page.tap('.read-report')
    const report = await follow()
    expect(report.path).to.equal('pages/records/annual')
    expect(report.text()).to.include('去评议').and.not.include('返回上一页')
    expect(report.text(), 'the day on duty still ahead is arranged, not missed').to.include('到联络站接待群众：已安排 1 天')
    for (const office of ['审核通过', '学习打卡', '应投', '应参加', '已值班 0 天', '共 0 件', '经审核'])
      expect(report.text(), `no office words nor noughts: ${office}`).to.not.include(office)
    await report.tap('.to-appraise')
    expect(phone.navigations.at(-1)!.how, 'back to the rating she came from').to.equal('navigateBack')

    await rateZhangsReport(page)
    await page.tap('.submit')
    expect(page.text()).to.include('评议已送出，谢谢您的参与').and.include('再看看代表今年做了什么').and.not.include('先看看代表今年做了什么')
  })
})

describe('mini-program: 张伟 reads his 述职评议 results in short lines, and when it ends', () => {
  let app: Backend
  let surveyId: string
  beforeEach(async () => {
    ;({ app, surveyId } = await backendWithZhangsAppraisal())
  })
  afterEach(() => app.close())

  it('open: says when it ends; closed: 平均 to one place out of 5, short labels, and why the written advice is not there', async () => {
    const rate = (overall: number, verdict: string, advice?: string) =>
      created(
        asResident(app).then((r) =>
          r.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: { overall, verdict, ...(advice ? { advice } : {}) } }),
        ),
      )
    await rate(5, 'satisfied', '多来社区走走')
    await phoneOfZhang(app)
    const open = await openPage('pages/records/appraisals')
    expect(open.textOf('.state')).to.equal('进行中 · 1 位群众参加评议 · 12月15日（星期二）晚上6:00结束')
    open.close()

    for (const [overall, verdict] of [
      [5, 'satisfied'],
      [4, 'satisfied'],
      [4, 'basically'],
      [4, 'satisfied'],
      [4, 'unsatisfied'],
    ] as const)
      await rate(overall, verdict)
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    await phoneOfZhang(app)
    const closed = await openPage('pages/records/appraisals')
    const lines = closed.component.querySelectorAll('.line').map((l: { dom: HTMLElement }) => l.dom.textContent!.trim())
    expect(lines).to.deep.equal([
      '总体评价：平均 4.3 分（满分 5 分）',
      '对述职报告：满意 4 人，基本满意 1 人，不满意 1 人',
      '群众写的意见和建议这里不显示，由联络站工作人员查看',
    ])
    expect(closed.text()).to.not.include('您对')
  })
})
