import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { localDate } from '../../src/domain/dates.js'
import { Client } from '../helpers/app.js'
import { buildDeputy, buildResident } from '../factories.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 陈明亮 directs 澜江区's office and reads the console over a month, as 周主任 did (review 38): 述职评议 that needs more
 * raters and 延长评议 on the record page; 民生实事 opening on the year under way, saying what was never reported; another
 * district's report typed by address; his own part of 操作记录; 趋势 on a Monday morning; and, a month on, 按代表 with
 * the slow deputies first.
 */
describe('console: the director’s month (review 38)', function () {
  this.timeout(240_000)
  const story = useConsole()
  const director = () => story.app.login((l) => l.username === 'chenmingliang')
  const zone = () => story.app.liaison.config.business.timeZone
  const thisYear = () => Number(localDate(story.app.clock.now(), zone()).slice(0, 4))
  const office = async () => new Client(story.app.baseUrl).login(director().username, director().password)

  it('says on 述职评议 how many more raters it needs, and extends it from the record page', async () => {
    const { app } = story
    const deputy = await buildDeputy(app, { stationIds: ['st001'], name: '朱丽华' })
    const now = app.clock.now()
    const opened = await (
      await office()
    ).post(`/api/admin/records/${deputy.id}/appraisals`, {
      year: thisYear(),
      opensAt: new Date(now.getTime() - HOUR).toISOString(),
      closesAt: new Date(now.getTime() + 14 * DAY).toISOString(),
    })
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    const page = await newPage(story.browser, app)
    await logInAs(page, director(), `/records/${deputy.id}`)
    const turnout = page.getByTestId('appraisal-turnout')
    await turnout.waitFor()
    expect(await turnout.innerText()).to.include('已有 0 人参加，至少 5 人参加才能显示评分，还差 5 人。')
    await turnout.getByRole('button', { name: '延长评议' }).click()
    await dialogShown(page)
    const dialog = page.locator('.t-dialog').filter({ hasText: '新的结束日期' })
    await dialog.getByRole('textbox', { name: '新的结束日期', exact: true }).click()
    const panel = page.locator('.t-date-picker__panel').filter({ visible: true })
    await panel.locator('.t-pagination-mini__next').click()
    await panel.locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)').filter({ hasText: /^20$/ }).click()
    await screenshot(page, 'director-appraisal-extend', { window: true })
    await dialog.getByRole('button', { name: '延长', exact: true }).click()
    await page.getByText('述职评议已延长').waitFor()
    const [appraisal] = await app.liaison.store.appraisals.ofDeputy(deputy.id)
    const survey = (await app.liaison.store.surveys.get(appraisal!.surveyId))!
    expect(localDate(survey.closesAt, zone()).slice(8), 'the day he picked').to.equal('20')
    expect(page.problems).to.deep.equal([])
  })

  it('opens 民生实事 on the year under way, says 还没有填报 and the late quarters, and holds 提交代表票决 with no candidate', async () => {
    const { app } = story
    const now = app.clock.now()
    const year = thisYear()
    const store = app.liaison.store.livelihood
    const cycle = (id: string, y: number, status: 'running' | 'collecting') =>
      store.createCycle({
        id,
        office: 'd01',
        year: y,
        title: `${y}年澜江区民生实事项目`,
        opensAt: now,
        closesAt: new Date(now.getTime() + 20 * DAY),
        status,
        projectCount: 3,
        ballotSurveyId: null,
        createdBy: 'admin',
        createdAt: now,
        updatedAt: now,
      })
    await cycle('lc-r38-run', year, 'running')
    await store.saveProject(
      {
        id: 'lpj-r38-meals',
        cycleId: 'lc-r38-run',
        title: '社区老年助餐点建设',
        description: '在社区建老年助餐点',
        place: '',
        costWan: 100,
        unitId: 'u05',
        proposalIds: [],
        status: 'chosen',
        votes: 3,
        createdAt: now,
        updatedAt: now,
      },
      [],
      [],
    )
    await cycle('lc-r38-next', year + 1, 'collecting')
    const page = await newPage(story.browser, app)
    await page.setViewportSize({ width: 1366, height: 768 })
    await logInAs(page, director(), '/projects')
    await page.locator('[data-test=cycle-status]').waitFor()
    await screenshot(page, 'director-projects-opened')
    await page.locator('[data-test=not-reported]').waitFor()
    expect(await page.locator('[data-test=cycle-status]').innerText()).to.equal('项目实施')
    expect(await page.locator('[data-test=late-quarters]').innerText()).to.match(/^第1(、\d)*季度的进展还没有填报$/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 1366 px').to.be.at.most(1366)
    await screenshot(page, 'director-projects-running-year')
    await page.getByLabel('年度').click()
    await page.locator('.t-select-option', { hasText: `${year + 1}年澜江区民生实事项目` }).click()
    await page.locator('[data-test=no-candidates-yet]').waitFor()
    expect(await page.locator('[data-test=start-ballot]').isDisabled()).to.equal(true)
    expect(page.problems).to.deep.equal([])
  })

  it('says another district’s report is not his, disables what could only fail, and leads back to his own', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), '/analysis/weekly-report?scope=d02')
    const outside = page.getByTestId('outside-scope')
    await outside.waitFor()
    expect(await outside.innerText()).to.include('这个范围不归您管，不能看它的周报。')
    expect(await page.getByRole('button', { name: '重试' }).count(), 'no 重试 that cannot help').to.equal(0)
    for (const name of ['重新生成', '下载表格', '打印']) expect(await page.getByRole('button', { name }).isDisabled(), name).to.equal(true)
    expect(await page.locator('.toolbar .t-select').innerText()).not.to.include('d02')
    await screenshot(page, 'director-weekly-outside-scope')
    await outside.getByRole('button', { name: '看本区的周报' }).click()
    await page.locator('.report').waitFor()
    expect(await page.getByRole('button', { name: '打印' }).isDisabled()).to.equal(false)
    expect(page.problems.filter((p) => !/403/.test(p))).to.deep.equal([])
  })

  it('opens his own part of 操作记录 from the menu, read-only, in words', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director())
    await page.locator('.t-menu').getByText('操作记录', { exact: true }).click()
    await page.locator('[data-test=audit-reach]').waitFor()
    await page.locator('[data-test=audit] tbody tr').first().waitFor()
    expect(await page.locator('[data-test=audit]').innerText()).to.include('登录')
    expect(page.problems).to.deep.equal([])
  })

  it('marks the week under way on 趋势 and says what it counts', async () => {
    const written = await (await buildResident(story.app)).post('/api/mp/cases', { text: '和平社区门口的下水道堵了', regionId: 'c010201' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    story.app.clock.advance(60_000)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), '/analysis/trends')
    const note = page.locator('[data-test=open-period]')
    await note.waitFor()
    await screenshot(page, 'director-trends-week-under-way')
    expect(await note.innerText()).to.match(/^本周还没过完，只算到.+，数字还会增加。$/)
    expect(await page.locator('[data-chart=trend] .line-chart').getAttribute('aria-label')).to.include('至本周（未完）')
    expect(await page.locator('[data-test=series-counts]').innerText()).to.include('并入其他留言、合并办理的也算')
    expect(page.problems).to.deep.equal([])
  })

  it('a month on, lists first in 按代表 the deputies sitting on overdue messages, in red', async () => {
    const { app } = story
    // A deputy of few messages who never answers them: the one the busiest-first table left out.
    const slow = await buildDeputy(app, { stationIds: ['st001'], name: '谭晓峰' })
    const resident = await buildResident(app)
    expect((await resident.post('/api/mp/cases', { text: '建设路社区路灯坏了，晚上看不清', regionId: 'c010101', deputyCode: slow.code })).status).to.equal(201)
    app.clock.set(new Date(startOfLocalDate(addDays(localDate(app.clock.now(), zone()), 35), zone()).getTime() + 9 * HOUR))
    // This morning, three busier deputies get two messages each, well within their deadlines.
    for (const name of ['王婧怡', '李丽萍', '黄文静']) {
      const busy = await buildDeputy(app, { stationIds: ['st001'], name })
      for (let i = 0; i < 2; i++) {
        const sent = await (await buildResident(app)).post('/api/mp/cases', { text: '建设路社区垃圾没人清运', regionId: 'c010101', deputyCode: busy.code })
        expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      }
    }
    app.clock.advance(HOUR)
    const page = await newPage(story.browser, app)
    await logInAs(page, director())
    const card = page.locator('[data-chart="responsiveness"]')
    await card.locator('tbody tr').first().waitFor()
    await card.locator('.t-tabs').getByText('按代表').click()
    await card.getByTestId('overdue-bars').waitFor()
    const rows = await card.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')
        return { name: cells[0]!, overdue: Number(cells[3]) }
      }),
    )
    const overdue = rows.map((r) => r.overdue).filter((n) => !Number.isNaN(n))
    expect(overdue, 'most overdue first').to.deep.equal([...overdue].sort((a, b) => b - a))
    // Earlier stories of this month may have left another deputy with an overdue message: he may share the top.
    const slowAt = rows.findIndex((r) => r.name === '谭晓峰')
    expect(rows[slowAt], 'the slow deputy is listed').to.deep.equal({ name: '谭晓峰', overdue: 1 })
    for (const name of ['王婧怡', '李丽萍', '黄文静']) {
      const at = rows.findIndex((r) => r.name === name)
      expect(at === -1 || at > slowAt, `${name}, busier but on time, below him`).to.equal(true)
    }
    expect(await card.locator('tbody tr').nth(slowAt).locator('.danger').count(), 'in red').to.equal(1)
    await screenshot(page, 'director-dashboard-slow-deputies-first')
    expect(page.problems).to.deep.equal([])
  })
})
