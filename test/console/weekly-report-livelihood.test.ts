import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { reportProgress, runningYear } from '../helpers/livelihood.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 民生实事 in the console's weekly report. 澜江区 runs two projects this year: the housing bureau
 * has reported three quarters of 老旧小区加装电梯, the transport bureau only two of 公交站台改造,
 * whose third was due by 10月15日. 陈明亮, the district office's organizer, opens Monday's report
 * and reads, in words, where the year stands and what to chase this week.
 */
describe('console: 民生实事 in the weekly report', function () {
  this.timeout(180_000)
  const story = useConsole()
  // A Monday in October of next year: the third quarter is due, whatever day the test runs.
  let year: number

  before(async () => {
    const { app } = story
    year = app.clock.now().getUTCFullYear() + 1
    app.clock.set(new Date(`${year}-10-19T01:00:00Z`))
    await runningYear(app, { id: 'lc-lanjiang', office: 'd01', year, title: `${year}年澜江区民生实事项目` }, [
      { id: 'lpj-lift', title: '老旧小区加装电梯', unitId: 'u01' },
      { id: 'lpj-bus', title: '公交站台改造', unitId: 'u02' },
    ])
    const unitStaff = async (unitId: string) => {
      for (const login of app.logins.filter((l) => l.role === 'unit_staff')) {
        if ((await app.liaison.store.staff.getByUsername(login.username))?.unitIds?.includes(unitId))
          return new Client(app.baseUrl).login(login.username, login.password)
      }
      throw new Error(`no demo login for ${unitId}`)
    }
    const housing = await unitStaff('u01')
    for (const [q, pct] of [
      [1, 20],
      [2, 45],
      [3, 70],
    ])
      await reportProgress(housing, 'lpj-lift', q, pct)
    const transport = await unitStaff('u02')
    for (const [q, pct] of [
      [1, 15],
      [2, 40],
    ])
      await reportProgress(transport, 'lpj-bus', q, pct)
  })

  it('a district organizer opens the weekly report and reads the 民生实事 part: the project whose quarter is missing, in words', async () => {
    const { app, browser } = story
    const page = await newPage(browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      '/analysis/weekly-report',
    )
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const part = page.getByTestId('livelihood')
    await part.getByText(`${year}年澜江区民生实事项目`).waitFor()
    const text = await part.innerText()
    expect(text)
      .to.include('民生实事')
      .and.include('澜江区人大常委会')
      .and.include('现在是“项目实施”阶段')
      .and.include('项目正在实施：共 2 个年度项目，其中 1 个项目的进展没有按时填报。')
    expect(await part.getByTestId('livelihood-attention').innerText())
      .to.include('本周需要关注')
      .and.include('「公交站台改造」（青澜市交通运输局）第3季度的进展还没有填报，请督促承办单位尽快填报。')
    // Each project's row: its unit, its latest progress, and which due quarter is not reported.
    const row = async (title: string) => (await part.locator('tbody tr').filter({ hasText: title }).locator('td').allInnerTexts()).map((t) => t.trim())
    expect(await row('老旧小区加装电梯')).to.deep.equal(['老旧小区加装电梯', '青澜市住房和城乡建设局', '第3季度完成 70%', '没有'])
    expect(await row('公交站台改造')).to.deep.equal(['公交站台改造', '青澜市交通运输局', '第2季度完成 40%', '第3季度'])
    expect(await part.locator('thead th').allInnerTexts()).to.deep.equal(['年度项目', '承办单位', '最近填报的进展', '超期没有填报的季度'])
    // The city's own year has not begun: one line says so.
    expect(text).to.include('市人大常委会').and.include('今年的民生实事项目尚未开始征集')
    expect(text, 'no ids or stage codes').not.to.match(/lpj-|lc-|running|u0\d/)
    expect(await part.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), 'text big enough to read').to.be.at.least(16)
    await part.scrollIntoViewIfNeeded()
    await screenshot(page, 'console-weekly-report-livelihood')

    // Printed with the rest of the report.
    await page.emulateMedia({ media: 'print' })
    expect(await part.isVisible()).to.equal(true)
    await page.emulateMedia({ media: 'screen' })
    expect(page.problems).to.deep.equal([])
  })
})
