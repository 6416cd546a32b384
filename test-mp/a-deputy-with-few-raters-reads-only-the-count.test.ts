import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, zhangsAppraisal } from './office.js'

/**
 * 张伟's 述职评议 has closed with three raters (review 35, L4): he visited them, so per-question results would tell him
 * who said what. His page says how many took part and why nothing more is shown; nothing per question.
 */
describe('mini-program: a closed 述职评议 with fewer than 5 raters shows the deputy only the count', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('reads 3 位群众参加评议 and the reason, with no 满意 or 平均', async () => {
    const opened = await zhangsAppraisal(app)
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    for (const verdict of ['satisfied', 'satisfied', 'unsatisfied'])
      await created((await asResident(app)).post(`/api/mp/appraisals/${opened.surveyId}/responses`, { regionId: 'c010101', answers: { overall: 3, verdict } }))
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    await phoneOfZhang(app)
    const page = await openPage('pages/records/appraisals')
    expect(page.textOf('.state')).to.equal('已结束 · 3 位群众参加评议')
    expect(page.textOf('.sealed')).to.equal('参加评议的人数少于 5 人，为保护评议人，不显示各项结果')
    expect(page.text()).not.to.include('不满意').and.not.to.include('平均')
  })
})
