import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 刘代表, 58, opens 我的履职档案 to report a visit. 看上一年 was the first big button, and 报告履职活动, what he came
 * for, was below the fold. Now 报告履职活动 is the first button under his points, and the other years wait at the
 * foot beside 述职报告 and 述职评议结果.
 */
describe('mini-program: his record leads with 报告履职活动, the other years at the foot', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** The words of the page's buttons, top to bottom. */
  const buttons = (page: MpPage): string[] => Array.from(page.root.querySelectorAll('wx-button')).map((b) => String(b.textContent).trim())

  it('报告履职活动 first under the points; 看上一年 and 回到今年 beside 述职报告 and 述职评议结果 at the foot', async () => {
    await phoneOfZhang(app)
    const record = await openPage('pages/records/index')
    expect(buttons(record)).to.deep.equal(['报告履职活动', '看上一年（2025 年）', '查看2026年度述职报告', '述职评议结果'])
    const text = record.text()
    expect(text.indexOf('2026 年履职积分')).to.be.below(text.indexOf('报告履职活动'))
    expect(text.indexOf('报告履职活动'), 'above what he did').to.be.below(text.indexOf('履职情况'))
    expect(text.indexOf('我报告的活动'), 'the years at the foot').to.be.below(text.indexOf('看上一年'))

    await record.tap('.year-prev')
    expect(record.text()).to.include('2025 年履职积分')
    expect(buttons(record)).to.deep.equal(['报告履职活动', '看上一年（2024 年）', '回到今年', '查看2025年度述职报告', '述职评议结果'])
  })
})
