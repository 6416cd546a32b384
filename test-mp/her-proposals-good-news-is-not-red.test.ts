import { expect } from 'chai'
import { asAdmin, asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { collectingCycle, created, pocketParkCandidate, yearBallotForAnHour } from './office.js'

const HOUR = 3_600_000
const RED = '#b71c1c'

/** The colour her state line is drawn in: its own class's, else the line's, else none (the text's colour). */
function colourOf(page: MpPage, text: string): string | null {
  const line = page.component.querySelectorAll('.lp-state').find((n: any) => String(n.dom.textContent).includes(text))
  expect(line, text).to.not.equal(undefined)
  // Rendered with the page's scope before each class ("main--lp-state"); the page's stylesheet names them bare.
  const classes = String(line.dom.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.replace(/^main--/, ''))
  const colour = (c: string) => {
    try {
      return declarations('pages/projects/index.wxss', `.${c}`).get('color')
    } catch {
      return undefined // no rule of the page's own for it
    }
  }
  const colours = classes.map(colour).filter((c): c is string => !!c)
  return colours.length ? colours[colours.length - 1]! : null
}

/**
 * 我的建议: her lift proposal became a year's project, her toilet one was not taken up. Good news reads in green,
 * not in the red an alarm is drawn in; and the other is not red either (nothing went wrong on her side).
 */
describe('mini-program: good news in 我的建议 is not red', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('colours 已列入…正在实施 green and 没有列入 in the text’s colour', async () => {
    const cycle = await collectingCycle(app)
    const she = await asResident(app, 'o-good-news')
    const proposal = (title: string) =>
      created(she.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, { title, description: title, place: '建设路社区', consentVersion: 'lp-2026-1' }))
    const lift = await proposal('老楼加装电梯')
    const toilet = await proposal('菜市场修公厕')
    const office = await asAdmin(app)
    await created(office.post(`/api/admin/livelihood/proposals/${toilet.id}/decline`, { note: '已列入市容部门今年计划' }))
    const lifts = await created(
      office.post(`/api/admin/livelihood/cycles/${cycle.id}/candidates`, {
        title: '老旧小区加装电梯',
        description: '加装电梯',
        place: '湛河区',
        costWan: 300,
        unitId: 'u01',
        proposalIds: [lift.id],
      }),
    )
    await pocketParkCandidate(office, cycle.id)
    const year = await yearBallotForAnHour(app, office, cycle.id, ['dp0001'])
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${year.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } }))
    app.clock.advance(2 * HOUR)
    await created((await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`, {}))

    holdPhone(app, 'o-good-news')
    const page = await openPage('pages/projects/index')
    expect(page.textOf('#mine'))
      .to.include('已列入年度民生实事项目「老旧小区加装电梯」，正在实施')
      .and.include('没有列入民生实事候选项目。说明：已列入市容部门今年计划')
    expect(colourOf(page, '正在实施'), 'good news').to.equal('#1b5e20')
    expect(colourOf(page, '没有列入民生实事候选项目'), 'not an alarm either').to.not.equal(RED)
  })
})
