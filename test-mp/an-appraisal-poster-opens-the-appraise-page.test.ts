import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { tapInside, zhangsAppraisal } from './office.js'

/**
 * 王阿姨 scans the 述职评议 poster on her community's notice board (scene v=<code>, as an ordinary survey's poster).
 * The survey page sees it is 张伟's 述职评议 and sends her straight on to its own page: 先看看代表今年做了什么 and her community
 * are asked there, before she rates, not skipped on the ordinary questionnaire.
 */
describe('mini-program: the 述职评议 poster opens the appraisal page, not the ordinary survey page', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('goes from the scan to 先看看代表今年做了什么 and her community, and she rates there', async () => {
    const opened = await zhangsAppraisal(app)
    holdPhone(app, 'o-poster-scan')
    await openPage(`pages/index/index?scene=${encodeURIComponent(`v=${opened.shortCode}`)}`)
    const survey = await follow()
    expect(survey.path).to.equal('pages/survey/answer')
    expect(survey.has('.submit'), 'no ordinary questionnaire to answer').to.equal(false)
    expect(survey.text(), 'still opening, not a failure').to.include('正在加载').and.not.include('再试一次')
    const appraise = await follow()
    expect(appraise.path).to.equal('pages/records/appraise')
    expect(appraise.text()).to.include('给张伟代表今年的工作打分').and.include('先看看代表今年做了什么').and.include('建设路社区')
    await appraise.tap('.c-c010101')
    await tapInside(appraise, '.q-overall', '.point', 3)
    await tapInside(appraise, '.q-verdict', '.option', 0)
    await appraise.tap('.submit')
    expect(appraise.text()).to.include('评议已送出，谢谢您的参与')
  })
})
