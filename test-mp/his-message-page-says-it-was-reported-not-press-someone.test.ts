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
 * deadline went by and whom it was reported to. The console keeps the report's words.
 */
describe('mini-program: his message page says a late message was reported, not "请督促办理"', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()

  it('reads 已过受理期限，已报告轻工街道代表联络站督办, then the office, with no staff instruction', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    app.clock.advance(25 * HOUR)
    await sla()
    app.clock.advance(72 * HOUR)
    await sla()
    await phoneOfZhang(app)

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    const steps: string[] = page.component.querySelectorAll('.event').map((e: any) => e.dom.textContent.replace(/\s+/g, ' ').trim())
    const reports = steps.filter((s) => s.includes('督办'))
    expect(reports, JSON.stringify(steps)).to.have.length(2)
    expect(reports[0]).to.match(/已过受理期限，已报告轻工街道代表联络站督办$/)
    expect(reports[1]).to.match(/受理逾期较久，已报告湛河区人大常委会办公室督办$/)
    expect(page.text()).not.to.include('督促').and.not.include('督办：留言')
  })
})
