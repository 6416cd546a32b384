import { expect } from 'chai'
import { seedDemoCampaign } from '../../src/demo/demo-campaign.js'
import { seedDemoMeeting } from '../../src/demo/demo-meeting.js'
import { seedDemoQuiz } from '../../src/demo/demo-quiz.js'
import { seedDemoSurveys } from '../../src/demo/demo-surveys.js'
import { logInAs, newPage, screenshot, useConsole, type ConsoleApp, type ConsolePage } from './harness.js'

/**
 * Every organizer and admin screen of the demo city opens with its data in words, without a
 * script error; each is saved as a screenshot for people to look at.
 */
describe("console: the organizers' and admins' screens on the demo city", function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  let app: ConsoleApp
  let page: ConsolePage
  /** The admin's one tab for the whole tour, logged in. */
  const openTour = async () => {
    page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.role === 'admin'),
    )
  }
  before(async () => {
    app = story.app
    // As `npm start` does on a fresh store: a meeting, a campaign, a consultation and a ballot, a quiz.
    const { store, services, config } = app.liaison
    const now = app.clock.now()
    await seedDemoMeeting(store, services, config.business.timeZone, now)
    await seedDemoCampaign(store, services, now)
    await seedDemoSurveys(store, services, now)
    await seedDemoQuiz(store, services, now)
    await openTour()
  })
  // After Chromium was lost and started anew (see useConsole), the tour goes on in a new tab.
  beforeEach(async () => {
    if (page.isClosed()) await openTour()
  })
  afterEach(() => expect(page.problems).to.deep.equal([]))

  const tab = (name: string) => page.locator('.t-tabs__nav-item', { hasText: name })
  const openFirstRow = async (path: string, heading: string) => {
    await page.goto(`/console/${path}`)
    await page.getByRole('heading', { name: heading }).waitFor()
    await page.locator('tbody tr').first().locator('.t-link').first().click()
    await page.waitForURL(new RegExp(`/console/${path}/.+`))
  }

  it('a meeting: its details, answers and delivery per invitee', async () => {
    await openFirstRow('meetings', '会议活动')
    await page.locator('[data-test=rsvp-table] tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await page.locator('[data-test=rsvp-table]').innerText()).to.match(/未回复|参加|请假/)
    await screenshot(page, 'console-meeting-detail')
  })

  it('a campaign: its reading items and progress by district as a chart', async () => {
    await openFirstRow('campaigns', '学习宣传活动')
    await page.locator('[data-test=reading-items] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await tab('学习进度').click()
    await page.locator('[data-test=campaign-totals]').waitFor()
    await page.locator('.bar-chart canvas').first().waitFor()
    await screenshot(page, 'console-campaign-progress')
    await tab('学习材料').click()
    await page.getByRole('button', { name: '添加学习材料' }).click()
    await page.getByLabel('正文内容').fill('第一段\n\n第二段')
    await page.getByRole('button', { name: '把空行分成段落' }).click()
    expect(await page.frameLocator('iframe[title=正文预览]').locator('p').allInnerTexts()).to.deep.equal(['第一段', '第二段'])
    await screenshot(page, 'console-reading-editor')
  })

  it('a quiz: its question bank, and a CSV with mistakes listed by row', async () => {
    await openFirstRow('quizzes', '知识竞赛')
    await page.locator('[data-test=question-bank] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await page.getByRole('button', { name: '从表格导入' }).click()
    const csv = 'type,stem,options,answer,explanation,points,tags\n单选,代表法是哪一年通过的？,1992|2010,A,,1,\n填空,这一行题型不对,,A,,1,\n'
    await page.getByLabel('题目文件').setInputFiles({ name: 'bank.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.locator('[data-test=csv-problems]').getByText('第 3 行 · 题型').waitFor()
    await screenshot(page, 'console-quiz-import')
  })

  it('the consultation: opinions per article; the ballot: who has not voted yet', async () => {
    await page.goto('/console/surveys')
    await page.getByRole('heading', { name: '问卷、征求意见与票决' }).waitFor()
    await page.locator('tbody tr', { hasText: '立法征求意见' }).first().locator('.t-link').click()
    await tab('逐条意见').click()
    await page.locator('[data-test=opinions]').waitFor()
    await screenshot(page, 'console-consultation')
    await page.goto('/console/surveys')
    await page.locator('tbody tr', { hasText: '票决' }).first().locator('.t-link').click()
    await tab('投票情况').click()
    await page.locator('[data-test=turnout]').getByText('还没有参与的').waitFor()
    await screenshot(page, 'console-ballot-turnout')
  })

  it('the directory, the calendar, the audit log and the accounts', async () => {
    await page.goto('/console/directory')
    // The table shows an empty row while the list loads: wait for the stations themselves.
    await page.locator('[data-test=stations] tbody tr', { hasText: '代表联络站' }).first().waitFor()
    expect(await page.locator('[data-test=stations]').innerText()).to.include('代表联络站')
    await screenshot(page, 'console-directory')
    await page.goto('/console/calendar')
    await page.locator('[data-test=calendar-years] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await page.goto('/console/audit')
    await page.locator('[data-test=audit]').getByText('登录').first().waitFor()
    await page.goto('/console/staff')
    await page.locator('[data-test=staff] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await screenshot(page, 'console-staff')
  })
})
