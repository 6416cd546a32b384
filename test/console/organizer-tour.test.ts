import { expect } from 'chai'
import type { Locator } from 'playwright-core'
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
  /** Two labels side by side with room between them: never "立法征求意见进行中". */
  const apart = async (left: Locator, right: Locator) => {
    const [a, b] = [await left.boundingBox(), await right.boundingBox()]
    expect(b!.x - (a!.x + a!.width), 'the gap between them').to.be.at.least(4)
  }
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
    // The demo meeting, 9:30 to 11:30 of one day, said as people say it; each date kept whole on its line.
    const time = page.locator('[data-test=meeting-time]')
    expect(await time.innerText()).to.match(/^(\d{4}年)?\d{1,2}月\d{1,2}日 9:30–11:30$/)
    const line = await time.evaluate((e) => e.getClientRects().length)
    expect(line, 'on one line').to.equal(1)
    await screenshot(page, 'console-meeting-detail')
  })

  it('a campaign: its reading items, and progress by district said in words while nobody has finished', async () => {
    await openFirstRow('campaigns', '学习宣传活动')
    await page.locator('[data-test=reading-items] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await tab('学习进度').click()
    await page.locator('[data-test=campaign-totals]').waitFor()
    // The demo's campaign has just begun: no chart of bars at 0%, the state in words instead.
    await page.locator('[data-test=nobody-read]').getByText('还没有人读完。', { exact: true }).waitFor()
    await screenshot(page, 'console-campaign-progress')
  })

  it('a campaign: reading written as in a word processor reaches readers as paragraphs and bold', async () => {
    await openFirstRow('campaigns', '学习宣传活动')
    const campaignId = new URL(page.url()).pathname.split('/').pop()
    await page.getByRole('button', { name: '添加学习材料' }).click()
    const title = '代表法学习笔记'
    await page
      .locator('.t-drawer .t-form__item', { has: page.locator('.t-form__label', { hasText: /^标题$/ }) })
      .locator('input')
      .fill(title)
    // She clicks into the frame and types, pressing Enter between paragraphs, as in Word.
    const text = page.getByLabel('正文内容')
    await text.click()
    await page.keyboard.type('第一段')
    await page.keyboard.press('Enter')
    await page.keyboard.type('第二段要点')
    // She selects the last two characters and presses 加粗, which then shows as pressed.
    await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press('Shift+ArrowLeft')
    await page.getByRole('button', { name: '加粗' }).click()
    await page.getByRole('button', { name: '加粗', pressed: true }).waitFor()
    await screenshot(page, 'console-reading-editor')
    // A line copied from Word in red 宋体 at 22 pt comes in as the frame's own text: only its bold is kept, as the server keeps it.
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await text.evaluate((el) => {
      const data = new DataTransfer()
      data.setData('text/html', '<p class=MsoNormal><span style="color:#C00000;font-family:宋体;font-size:22pt"><b>代表</b>要联系群众</span></p>')
      data.setData('text/plain', '代表要联系群众')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await text.getByText('要联系群众').waitFor()
    // What she sees is the text itself, never markup: three paragraphs, two bold words, one look.
    expect(await text.locator('p').allInnerTexts()).to.deep.equal(['第一段', '第二段要点', '代表要联系群众'])
    expect(await text.locator('strong').allInnerTexts()).to.deep.equal(['要点', '代表'])
    expect(await text.innerText()).not.to.include('<')
    const looks = await text.locator('p').evaluateAll((ps) => ps.map((p) => `${getComputedStyle(p).color} ${getComputedStyle(p).fontSize}`))
    expect(new Set(looks).size, `pasted text looks as typed text: ${looks.join(' | ')}`).to.equal(1)
    await screenshot(page, 'console-reading-editor-pasted')
    await page.locator('.t-drawer__footer').getByRole('button', { name: '发布' }).click()
    await page.locator('[data-test=reading-items] tbody tr', { hasText: title }).waitFor()
    // What readers get is what she saw.
    const saved = await page.request.get(`/api/admin/campaigns/${campaignId}`)
    const item = (await saved.json()).items.find((i: { title: string }) => i.title === title)
    expect(item.body).to.equal('<p>第一段</p><p>第二段<strong>要点</strong></p><p><strong>代表</strong>要联系群众</p>')
  })

  it('a campaign: a reading set to go out later is called off before anyone is told', async () => {
    await openFirstRow('campaigns', '学习宣传活动')
    const row = page.locator('[data-test=reading-items] tbody tr', { hasText: '第二期：怎样提出高质量的建议' })
    expect(await row.innerText()).to.include('定时发布')
    await row.getByRole('button', { name: '取消发布' }).click()
    await page.locator('.t-popconfirm').getByText('取消后这篇材料到时不会发布，也不会通知任何人。确定吗？').waitFor()
    await page.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    await row.getByText('已取消发布').waitFor()
    expect(await row.getByRole('button').count(), 'nothing left to do with it').to.equal(0)
    await screenshot(page, 'console-reading-called-off')
    expect(page.problems).to.deep.equal([])
  })

  it('a quiz: its question bank, and a sheet headed in Chinese with mistakes listed by row and her own column names', async () => {
    await openFirstRow('quizzes', '知识竞赛')
    await page.locator('[data-test=question-bank] tbody tr:not(.t-table__empty-row)').first().waitFor()
    await page.getByRole('button', { name: '从表格导入' }).click()
    // What to do and the header to copy, in words she reads: no English column names.
    const steps = page.locator('[data-test=csv-steps]')
    await steps.getByText('在 Excel 或 WPS 里按下面的列整理题目，另存为“CSV UTF-8（逗号分隔）”格式，再点“选择文件”。').waitFor()
    const sample = (await steps.locator('pre').innerText()).split('\n')
    expect(sample[0]).to.equal('题型,题干,选项,答案,解析,分值,标签')
    expect(sample.join('\n')).not.to.match(/[a-z]{3,}/)
    // Her office calls the stem 题目: a mistake there is named 题目, as her sheet heads it.
    const csv = '题型,题目,选项,答案,解析,分值,标签\n单选,代表法是哪一年通过的？,1992|2010,A,,1,\n填空,这一行题型不对,,A,,1,\n单选,,甲|乙,A,,1,\n'
    await page.getByLabel('题目文件').setInputFiles({ name: '题目.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const problems = page.locator('[data-test=csv-problems]')
    await problems.getByText('第 4 行 · 题目', { exact: true }).waitFor()
    expect(await problems.getByText('第 3 行 · 题型', { exact: true }).count()).to.equal(1)
    await screenshot(page, 'console-quiz-import')
  })

  it('the consultation: opinions per article; the ballot: who has not voted yet', async () => {
    await page.goto('/console/surveys')
    await page.getByRole('heading', { name: '问卷、征求意见与票决' }).waitFor()
    await page.locator('tbody tr', { hasText: '立法征求意见' }).first().locator('.t-link').click()
    await tab('逐条意见').click()
    // Nobody has commented yet: said once, in the page's words, without TDesign's 暂无数据 above them.
    const opinions = page.locator('[data-test=opinions]')
    await opinions.getByText('还没有人对条文提意见').waitFor()
    expect(await opinions.innerText()).not.to.include('暂无数据')
    await apart(page.locator('[data-test=kind]'), page.locator('[data-test=phase]'))
    await screenshot(page, 'console-consultation')
    await page.goto('/console/surveys')
    await page.locator('tbody tr', { hasText: '票决' }).first().locator('.t-link').click()
    await tab('投票情况').click()
    await page.locator('[data-test=turnout]').getByText('还没有参与的').waitFor()
    // What passes a project, not how many have voted.
    await page.getByText('通过条件：赞成票超过应投票代表半数').waitFor()
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
    // Nobody is locked out: nothing says so, and 解除锁定 is offered nowhere.
    expect(await page.locator('[data-test=staff]').getByText('已锁定').count()).to.equal(0)
    expect(await page.getByRole('button', { name: '解除锁定' }).count()).to.equal(0)
    expect(await page.locator('[data-test=staff] button.t-size-s').count(), 'the row actions at their normal size').to.equal(0)
    // A station's long name in 负责范围 on one or two lines, not squeezed into three beside an empty 状态.
    const width = async (title: string) => (await page.locator('[data-test=staff] thead th', { hasText: title }).boundingBox())!.width
    expect(await width('负责范围'), '负责范围').to.be.at.least(200)
    expect(await width('状态'), '状态').to.be.at.most(160)
    await screenshot(page, 'console-staff')
  })
})
