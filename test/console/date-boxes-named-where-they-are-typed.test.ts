import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { addDays } from '../../src/domain/local-days.js'
import { dayTextFrom, localDate, monthDayText } from '../../src/domain/dates.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { asDeputy, Client } from '../helpers/app.js'
import { bulkAssignOpened, clerkZhang, writtenDaysAgo, type Sent } from './clerk-inbox.js'
import { moveOn, pickDay } from './date-picker.js'
import { dialogShown, dialogsClosed, logInAs, newPage, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'

/** The box a screen reader lands on is the one that takes the focus when clicked: the named <input> itself. */
async function focusedOnClick(box: Locator) {
  await box.click()
  expect(await box.evaluate((el) => el === document.activeElement), 'the named box holds the focus').to.equal(true)
}

/**
 * The boxes a story types into, found by where they sit on the page (not by their name), each checked for its name on
 * the <input> itself: one without it is noted as `where` and the story goes on to the next, so that one run names
 * every unnamed box at once (`unnamed`, expected empty at the end).
 */
function dateBoxes() {
  const unnamed: string[] = []
  async function box(input: Locator, name: string, where = name) {
    await input.waitFor()
    const heard = input.page().getByRole('textbox', { name, exact: true })
    if ((await input.and(heard).count()) !== 1) unnamed.push(where)
    return input
  }
  return { unnamed, box }
}

/**
 * Review 45: the date boxes that show their date in words (要求答复日期 at 改派 and 批量分派, 办理期限 at 交办, the 分析周报's
 * 周) and the range pickers (提交日期) had their name only on TDesign's wrapper: a screen reader on the box itself heard
 * an unnamed text box. Each is found here where it sits, checked for its name as a text box, and used; the boxes found
 * without their name are said together at the end of each story, so that one run names every one of them.
 */
describe('console: every date box is named where it is typed', function () {
  this.timeout(180_000)
  const story = useConsole()
  const today = () => localDate(story.app.clock.now(), ZONE)
  let sent: Record<'fresh' | 'older', Sent>

  before(async function () {
    this.timeout(120_000)
    sent = await writtenDaysAgo(story.app, {
      older: ['光明社区门口的井盖松了，踩上去会响', 7],
      fresh: ['光明社区5号楼电梯坏了两个星期，老人下不了楼', 0],
    })
  })

  it('要求答复日期 at 改派 and at 批量分派, and 提交日期 on the inbox', async () => {
    const clerk = clerkZhang(story.app)
    const api = await new Client(story.app.baseUrl).login(clerk.username, clerk.password)
    const held = (await api.get(`/api/admin/cases/${sent.fresh.id}`)).body
    const latest = held.replyByLatest.date as string
    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await page.clock.install({ time: story.app.clock.now().getTime() })
    const { unnamed, box } = dateBoxes()

    // 改派 on the message's page.
    await logInAs(page, clerk, `/cases/${sent.fresh.id}`)
    await page.getByRole('heading', { name: `留言 ${sent.fresh.ticket}` }).waitFor()
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await dialogShown(page)
    const replyBy = await box(page.getByTestId('reply-by').locator('.t-date-picker input').first(), '要求答复日期', '改派的要求答复日期')
    await focusedOnClick(replyBy)
    await moveOn(page, today(), latest)
    await pickDay(page, latest)
    await page.getByTestId('reply-by').getByText(monthDayText(latest), { exact: true }).waitFor()
    await page.keyboard.press('Escape')

    // 批量分派 of both, from her inbox.
    await page.goto('/console/cases')
    await page.locator('tbody tr').filter({ hasText: sent.older.ticket }).waitFor()
    await bulkAssignOpened(page, [sent.fresh.ticket, sent.older.ticket])
    const bulkReplyBy = await box(page.getByTestId('bulk-reply-by').locator('.t-date-picker input').first(), '要求答复日期', '批量分派的要求答复日期')
    await focusedOnClick(bulkReplyBy)
    await moveOn(page, today(), latest)
    await pickDay(page, latest)
    await page.getByTestId('bulk-reply-by').getByText(monthDayText(latest), { exact: true }).waitFor()
    await page.locator('.bulk-assign-dialog').getByRole('button', { name: '取消' }).click()
    await dialogsClosed(page)

    // 提交日期 on her inbox: two boxes, each named, the first opening the quick choices.
    const range = page.locator('.toolbar .t-date-range-picker input')
    await focusedOnClick(await box(range.nth(0), '提交日期（开始）'))
    await page.getByText('最近7天', { exact: true }).click()
    const weekAgo = addDays(today(), -6)
    await page.getByText(`提交日期：${dayTextFrom(weekAgo, today())}至${dayTextFrom(today(), today())}`, { exact: true }).waitFor()
    expect(await (await box(range.nth(1), '提交日期（结束）')).inputValue()).to.equal(dayTextFrom(today(), today()))

    expect(unnamed, 'date boxes a screen reader hears as an unnamed text box').to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })

  it('办理期限 at 交办 of a suggestion', async () => {
    const { app } = story
    const deputy = await asDeputy(app, 'dp0001')
    const draft = await deputy.post('/api/mp/deputy/suggestions', { title: '关于增设社区养老食堂的建议', body: '老人吃饭难，建议每个社区设一处养老食堂。' })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect((await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)).status).to.equal(200)
    const login = app.login((l) => l.role === 'organizer')
    const office = await new Client(app.baseUrl).login(login.username, login.password)
    expect((await office.post(`/api/admin/suggestions/${draft.body.id}/review`, { decision: 'accept' })).status).to.equal(200)

    const page = await newPage(story.browser, app)
    await logInAs(page, login, `/suggestions/${draft.body.id}`)
    await page.getByRole('button', { name: '交办', exact: true }).click()
    await dialogShown(page)
    const { unnamed, box } = dateBoxes()
    // The calendar opens on the month of the default (three months on): its 1st, said with its year.
    const shown = page.locator('.t-form__item', { hasText: '办理期限' }).locator('.t-date-picker')
    const deadline = await box(shown.locator('input').first(), '办理期限')
    const [y, m] = ((await shown.innerText()).match(/^(\d{4})年(\d{1,2})月/) ?? []).slice(1).map(Number)
    await focusedOnClick(deadline)
    await pickDay(page, `${y}-${String(m).padStart(2, '0')}-01`)
    await shown.getByText(`${y}年${m}月1日`, { exact: true }).waitFor()
    expect(unnamed, 'date boxes a screen reader hears as an unnamed text box').to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })

  it('the 分析周报’s 周', async () => {
    const { app } = story
    const week = addDays(mondayOf(today()), -21)
    const next = addDays(week, 7)
    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'chenmingliang'),
      `/analysis/weekly-report?week=${week}`,
    )
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    const picker = page.locator('.toolbar .t-date-picker')
    const inWords = (monday: string) => `${dayTextFrom(monday, today())}至${dayTextFrom(addDays(monday, 6), today())}`
    await picker.getByText(inWords(week), { exact: true }).waitFor()
    const { unnamed, box } = dateBoxes()
    await focusedOnClick(await box(picker.locator('input').first(), '周'))
    await moveOn(page, week, next)
    await pickDay(page, next)
    await picker.getByText(inWords(next), { exact: true }).waitFor()
    expect(unnamed, 'date boxes a screen reader hears as an unnamed text box').to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })
})
