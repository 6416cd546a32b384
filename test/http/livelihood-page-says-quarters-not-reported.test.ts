import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, reportProgress, runningYear } from '../helpers/livelihood.js'

/**
 * 周主任 opens 民生实事 before the 主任会议 (12月7日). Of 湛河区's three projects of 2026, 社区老年助餐点建设 was never reported:
 * the page drew "0%" like a real report, while the weekly report said its first three quarters were missing (review
 * 38 § 5). The year's page must say which quarters are late, in the weekly report's words, and which project never reported.
 */
describe('民生实事 page: the quarters a unit has not reported, as the weekly report says them', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-03-02T01:00:00Z')
    await runningYear(app, { id: 'lc-zhanhe-2026', office: 'd01', year: 2026, title: '2026年湛河区民生实事项目' }, [
      { id: 'lpj-lift', title: '老旧小区加装电梯', unitId: 'u01' },
      { id: 'lpj-meals', title: '社区老年助餐点建设', unitId: 'u02' },
    ])
    for (const [q, pct, day] of [
      [1, 20, '2026-04-03'],
      [2, 45, '2026-07-03'],
      [3, 70, '2026-10-09'],
    ] as const) {
      at(app, `${day}T02:00:00Z`)
      await reportProgress(await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD), 'lpj-lift', q, pct)
    }
    at(app, '2026-12-07T01:00:00Z')
  })
  after(() => app.close())

  it('says 第1、2、3季度的进展还没有填报 of the project never reported, and nothing late of the one reported', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const year = (await sunli.get('/api/admin/livelihood/cycles/lc-zhanhe-2026')).body
    const line = (id: string) => year.projects.find((p: { id: string }) => p.id === id)
    expect(line('lpj-meals')).to.deep.include({ lateQuarters: [1, 2, 3], lateText: '第1、2、3季度的进展还没有填报', progress: [] })
    expect(line('lpj-lift')).to.deep.include({ lateQuarters: [], lateText: null, percent: 70 })
    // The weekly report names the same quarters in the same words.
    const report = (await sunli.get('/api/admin/analysis/weekly-report?week=2026-11-30')).body
    expect(report.livelihood.offices[0].years[0].attention).to.include(
      '「社区老年助餐点建设」（湛河区人民政府）第1、2、3季度的进展还没有填报，请督促承办单位尽快填报。',
    )
  })

  it('keeps what is late to the office: the public page says nothing of it', async () => {
    const open = (await new Client(app.baseUrl).get('/api/public/livelihood-projects')).body
    const all = JSON.stringify(open)
    expect(all).not.to.include('lateQuarters')
    expect(all).not.to.include('lateText')
  })
})
