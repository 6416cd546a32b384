import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const OPEN = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }

/**
 * 述职评议 of 张伟 (dp0001) after its close (review 35, L4): with only three raters he knows whom he visited, so the
 * ratings would point at people; he reads how many took part, nothing per question. From five raters on he reads
 * them. So does the office (record-appraisal-office-sealed).
 */
describe('述职评议: a closed appraisal with fewer than 5 raters shows the deputy only the count', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function closedWith(raters: number) {
    const opened = await (await asStaff(app, 'sunli')).post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    for (let i = 0; i < raters; i++) {
      const answers = { overall: i === 0 ? 1 : 5, verdict: i === 0 ? 'unsatisfied' : 'satisfied' }
      const sent = await (await asResident(app)).post(`/api/mp/appraisals/${opened.body.surveyId}/responses`, { regionId: 'c010101', answers })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
  }
  const his = async () => (await (await asDeputy(app, 'dp0001')).get('/api/mp/records/appraisals')).body.items[0]
  const office = async () => (await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001/appraisals')).body.items[0]

  it('with 3 raters: the deputy reads the count and no result, and so does the office', async () => {
    await closedWith(3)
    const mine = await his()
    expect(mine).to.include({ phase: 'closed', responses: 3, sealed: true })
    expect(mine.questions, 'no 不满意 to trace back to a neighbour').to.deep.equal([])
    const theirs = await office()
    expect(theirs).to.include({ responses: 3, sealed: true })
    expect(theirs.questions).to.deep.equal([])
  })

  it('with 5 raters: the deputy reads the results', async () => {
    await closedWith(5)
    const mine = await his()
    expect(mine).to.include({ phase: 'closed', responses: 5, sealed: false })
    expect(mine.questions[0]).to.include({ id: 'overall', average: 4.2 })
    expect(mine.questions[1].options.map((o: { label: string; count: number }) => `${o.label} ${o.count}`)).to.deep.equal(['满意 4', '基本满意 0', '不满意 1'])
  })
})
