import { expect } from 'chai'
import { SLA_JOB } from '../src/jobs/sla-job.js'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

const HOUR = 3_600_000

/**
 * Review 37, finding 8. 张伟 leaves a new message unacknowledged. The SLA job reports it to his station, and three days
 * later to the district office. Under 办理经过 his page showed the reports' own words to staff, "逾期督办 — 督办：留言 …
 * 已过受理期限，请督促办理": on his page they read as if he were to press someone. He now reads what concerns him: the
 * deadline went by and whom it was reported to, when the report could reach them (their WeChat group); when it could
 * not, only that the deadline went by, as his notice said. The console keeps the report's words.
 */
describe('mini-program: his message page says a late message was reported, not "请督促办理"', () => {
  let app: Backend
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  /** His message left unacknowledged, reported to the station and then the office; the steps of his page. */
  async function stepsOfALateMessage(robots: Record<string, string>) {
    app = await startBackend({ wecom: { robots } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    app.clock.advance(25 * HOUR)
    await sla()
    app.clock.advance(72 * HOUR)
    await sla()
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    const steps: string[] = page.component.querySelectorAll('.event').map((e: any) => e.dom.textContent.replace(/\s+/g, ' ').trim())
    return { steps, text: page.text() }
  }

  it('reads 已过受理期限，已通知轻工街道代表联络站督办, then the office, with no staff instruction', async () => {
    const { steps, text } = await stepsOfALateMessage({ 'station:st001': 'key-st001', 'office:d01': 'key-d01' })
    const reports = steps.filter((s) => s.includes('督办'))
    expect(reports, JSON.stringify(steps)).to.have.length(2)
    expect(reports[0]).to.match(/已过受理期限，已通知轻工街道代表联络站督办$/)
    expect(reports[1]).to.match(/过受理期限较久，已通知湛河区人大常委会办公室督办$/)
    expect(text).not.to.include('督促').and.not.include('督办：留言')
  })

  it('reads only that the deadline went by when neither the station nor the office has a group to report to', async () => {
    const { steps, text } = await stepsOfALateMessage({})
    expect(
      steps.filter((s) => /已过受理期限$/.test(s)),
      JSON.stringify(steps),
    ).to.have.length(1)
    expect(
      steps.filter((s) => /过受理期限较久$/.test(s)),
      JSON.stringify(steps),
    ).to.have.length(1)
    expect(text).not.to.include('已报告').and.not.include('已通知').and.not.include('督促')
  })
})
