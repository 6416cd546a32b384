import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, openCycle, reportProgress, runningYear } from '../helpers/livelihood.js'

interface Year {
  title: string
  stageLabel: string
  summary: string
  attention: string[]
  projects: Array<{ title: string; unitName: string; progress: string }>
}
interface Office {
  officeName: string
  none: string | null
  years: Year[]
}

/**
 * 民生实事 in the weekly report. 湛河区 runs two projects in 2026: the city's housing bureau has
 * reported the third quarter of 老旧小区加装电梯, the district government not yet that of
 * 社区老年食堂, due by 10月15日. 孙丽, the district office's organizer, reads it in Monday's report.
 */
describe('analysis: the weekly report says where 民生实事 stands and what needs doing', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = caseCity()
    city.staff.push({ id: 'sf09', name: '周敏', role: 'organizer', stationIds: [], regionIds: ['s0102'], username: 'zhoumin', password: STAFF_PASSWORD })
    // The city's office by the name its config gives it: the report names each office as every page does.
    app = await startApp({ directory: city, overrides: { business: { officeName: '平顶山市人大常委会办公室' } } })
    at(app, '2026-10-19T01:00:00Z') // Monday 09:00 in Asia/Shanghai
    await runningYear(app, { id: 'lc-zhanhe-2026', office: 'd01', year: 2026, title: '2026年湛河区民生实事项目' }, [
      { id: 'lpj-lift', title: '老旧小区加装电梯', unitId: 'u01' },
      { id: 'lpj-canteen', title: '社区老年食堂', unitId: 'u02' },
    ])
    const bureau = await staff('chengang') // 市住房和城乡建设局
    for (const [q, pct] of [
      [1, 20],
      [2, 45],
      [3, 70],
    ])
      await reportProgress(bureau, 'lpj-lift', q, pct)
    const district = await staff('wujing') // 湛河区人民政府
    for (const [q, pct] of [
      [1, 10],
      [2, 30],
    ])
      await reportProgress(district, 'lpj-canteen', q, pct)
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const section = (body: { livelihood: { offices: Office[] } }) => body.livelihood.offices

  it("a district organizer reads last week's report: the district's projects, the one whose quarter is missing, and the city's year not begun", async () => {
    const sunli = await staff('sunli')
    const answer = await sunli.get('/api/admin/analysis/weekly-report')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.include({ scope: 'd01', week: '2026-10-12' })
    const [zhanhe, city] = section(answer.body)
    expect(zhanhe.officeName).to.equal('湛河区人大常委会办公室')
    expect(zhanhe.years.map((y) => [y.title, y.stageLabel, y.summary])).to.deep.equal([
      ['2026年湛河区民生实事项目', '项目实施', '项目正在实施：共 2 个年度项目，其中 1 个项目的进展没有按时填报。'],
    ])
    expect(zhanhe.years[0].attention).to.deep.equal(['「社区老年食堂」（湛河区人民政府）第3季度的进展还没有填报，请督促承办单位尽快填报。'])
    expect(zhanhe.years[0].projects.map((p) => `${p.title} ${p.unitName} ${p.progress}`)).to.have.members([
      '老旧小区加装电梯 市住房和城乡建设局 第3季度完成 70%',
      '社区老年食堂 湛河区人民政府 第2季度完成 30%',
    ])
    expect(city).to.deep.equal({ officeName: '平顶山市人大常委会办公室', none: '今年的民生实事项目尚未开始征集', years: [] })
    expect(JSON.stringify(answer.body.livelihood), 'no ids on the page').not.to.match(/lpj-|lc-|"u0/)

    // The table download carries the same words.
    const csv = ((await sunli.get('/api/admin/analysis/weekly-report.csv')).body as Buffer).toString('utf8')
    expect(csv).to.include('「社区老年食堂」（湛河区人民政府）第3季度的进展还没有填报，请督促承办单位尽快填报。')
    // In the page's columns: 年度项目, 承办单位, 最近填报的进展, 超期没有填报的季度.
    expect(csv).to.include('\r\n社区老年食堂,湛河区人民政府,第2季度完成 30%,第3季度\r\n')
    expect(csv).to.include('\r\n民生实事：平顶山市人大常委会办公室\r\n今年的民生实事项目尚未开始征集\r\n')
  })

  it('a kept report says what it said when it was made; made again, it says what is true now', async () => {
    const sunli = await staff('sunli')
    expect((await sunli.post('/api/admin/analysis/weekly-report?scope=d01&week=2026-10-12')).status).to.equal(200)
    await reportProgress(await staff('wujing'), 'lpj-canteen', 3, 55)
    const kept = await sunli.get('/api/admin/analysis/weekly-report?scope=d01&week=2026-10-12')
    expect(section(kept.body)[0].years[0].attention).to.have.length(1)
    const made = await sunli.post('/api/admin/analysis/weekly-report?scope=d01&week=2026-10-12')
    expect(section(made.body)[0].years[0].summary).to.equal('项目正在实施：共 2 个年度项目，各项目的进展都已按时填报。')
    expect(section(made.body)[0].years[0].attention).to.deep.equal([])

    // A report kept before reports had this part says nothing of 民生实事 rather than today's state.
    const { livelihood: _left, ...older } = (await app.liaison.store.analysis.weeklyReport('d01', '2026-10-12'))!.body as Record<string, unknown>
    await app.liaison.store.analysis.saveWeeklyReport({ scope: 'd01', week: '2026-10-05', generatedAt: app.clock.now(), body: older })
    const old = await sunli.get('/api/admin/analysis/weekly-report?scope=d01&week=2026-10-05')
    expect(old.status, JSON.stringify(old.body)).to.equal(200)
    expect(old.body.livelihood).to.equal(null)
  })

  it("a street organizer's report follows the district's year and the city's, as 民生实事 does for them", async () => {
    // The city opens 2027's collection early; the street's report names it beside the district's running year.
    at(app, '2026-12-14T01:00:00Z')
    await openCycle(await asAdmin(app), { closesAt: '2026-12-20T00:00:00+08:00' })
    const zhoumin = await staff('zhoumin')
    const answer = await zhoumin.get('/api/admin/analysis/weekly-report?scope=s0102')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const offices = section(answer.body)
    expect(offices.map((o) => o.officeName)).to.deep.equal(['湛河区人大常委会办公室', '平顶山市人大常委会办公室'])
    expect(offices[1].years.map((y) => [y.title, y.summary])).to.deep.equal([
      ['2027年市民生实事项目', '正在征集项目：本周收到建议 0 条，累计收到 0 条；12月19日截止，还有 5 天。'],
    ])
    // By mid-December the district government's third quarter is still missing.
    expect(offices[0].years[0].attention).to.deep.equal(['「社区老年食堂」（湛河区人民政府）第3季度的进展还没有填报，请督促承办单位尽快填报。'])
  })
})
