import { expect } from 'chai'
import { asAdmin, asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { collectingCycle, created, pocketParkCandidate, yearBallotForAnHour } from './office.js'

const HOUR = 3_600_000
const RED = '#b71c1c'

/**
 * 王阿姨 opens 民生实事. While proposals are taken, until when is said as every other deadline she reads, with the
 * weekday and the part of the day: 「请在12月23日（星期三）上午10:00前提出建议」, not 「12月23日 10:00前」. After the
 * deputies' ballot, the year's heading is in the text's colour (red is for what went wrong) and says 正在实施, not
 * the office's stage name 项目实施; a project's 地点 and 承办 are two lines, not one run together.
 */
describe('mini-program: the 民生实事 page says its deadline and its year plainly', () => {
  let app: Backend
  beforeEach(async () => {
    // The city's office by the name its config gives it: a year says whose it is by that name.
    app = await startBackend({ business: { officeName: '青澜市人大常委会办公室' } })
    app.clock.set(new Date('2026-12-06T01:30:00Z')) // Sunday 6 December, 09:30 in Shanghai
  })
  afterEach(() => app.close())

  it('请在12月23日（星期三）上午10:00前提出建议', async () => {
    await created(
      (await asAdmin(app)).post('/api/admin/livelihood/cycles', {
        office: 'city',
        year: 2027,
        title: '2027年市民生实事项目',
        opensAt: '2026-11-30T00:00:00+08:00',
        closesAt: '2026-12-23T10:00:00+08:00',
        projectCount: 2,
      }),
    )
    holdPhone(app, 'o-wang-ayi-reads-until')
    const page = await openPage('pages/projects/index')
    expect(page.textOf('#collecting-until')).to.equal('请在12月23日（星期三）上午10:00前提出建议')
  })

  it('after the ballot: 正在实施 in the text’s colour, 地点 and 承办 on two lines', async () => {
    const cycle = await collectingCycle(app)
    const office = await asAdmin(app)
    const lifts = await created(
      office.post(`/api/admin/livelihood/cycles/${cycle.id}/candidates`, {
        title: '老旧小区加装电梯',
        description: '加装电梯',
        place: '湛河区',
        costWan: 300,
        unitId: 'u01',
        proposalIds: [],
      }),
    )
    await pocketParkCandidate(office, cycle.id)
    const year = await yearBallotForAnHour(app, office, cycle.id, ['dp0001'])
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${year.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } }))
    app.clock.advance(2 * HOUR)
    await created((await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`, {}))

    const page = await openPage('pages/projects/index')
    expect(page.textOf('.cycle-head')).to.equal('2027年市民生实事项目（青澜市人大常委会办公室，正在实施）')
    expect(declarations('pages/projects/index.wxss', '.cycle-head').get('color'), 'not the alarm colour').to.not.equal(RED)
    const project = `#project-${lifts.id}`
    expect(page.textOf(`${project} .place`)).to.equal('地点：湛河区')
    expect(page.textOf(`${project} .unit`)).to.equal('承办：市住房和城乡建设局')
  })
})
