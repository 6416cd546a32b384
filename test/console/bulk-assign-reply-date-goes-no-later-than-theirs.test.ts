import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident, Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { dialogShown, logInAs, newPage, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'
const DAY = 86_400_000

/**
 * 张国华 ticks two messages (one of today, one of last week) and opens 批量分派. The 要求答复日期 picker offers no day
 * after the latest of their own rule dates, as the case page's picker offers none after its message's (a later day would
 * hold neither: the case page refuses it for one), and says which day that is.
 */
describe('console: 批量分派 offers no 要求答复日期 after the ticked messages’ own', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')
  const sent: Record<'fresh' | 'older', { id: string; ticket: string }> = {} as never

  before(async function () {
    this.timeout(120_000)
    const { app } = story
    const now = app.clock.now()
    const write = async (text: string, daysAgo: number) => {
      app.clock.set(new Date(now.getTime() - daysAgo * DAY))
      const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      return answer.body as { id: string; ticket: string }
    }
    sent.older = await write('光明社区门口的井盖松了，踩上去会响', 7)
    sent.fresh = await write('光明社区5号楼电梯坏了两个星期，老人下不了楼', 0)
    app.clock.set(now)
  })

  const panel = (page: Page) => page.locator('.t-date-picker__panel').filter({ visible: true })
  /** The cell of a day of the month on show. */
  const dayCell = (page: Page, date: string) =>
    panel(page)
      .locator('td.t-date-picker__cell:not(.t-date-picker__cell--additional)')
      .filter({ hasText: new RegExp(`^${Number(date.slice(8))}$`) })
  /** The open picker moved on, month by month, from the one on show (`from`) to the month of `to`. */
  async function moveOn(page: Page, from: string, to: string) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
    for (let i = 0; i < months; i++) await panel(page).locator('.t-pagination-mini__next').click()
  }
  const disabled = async (page: Page, date: string) => /t-date-picker__cell--disabled/.test((await dayCell(page, date).getAttribute('class')) ?? '')

  it('offers their latest rule date, not the day after it, and names that day', async () => {
    const api = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const dates = await Promise.all([sent.fresh, sent.older].map(async (m) => (await api.get(`/api/admin/cases/${m.id}`)).body.replyByLatest.date as string))
    const latest = dates.reduce((a, b) => (b > a ? b : a))

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    const row = (ticket: string) => page.locator('tbody tr').filter({ hasText: ticket })
    await row(sent.fresh.ticket).locator('.t-checkbox').click()
    await row(sent.older.ticket).locator('.t-checkbox').click()
    await page.getByText('已选 2 条').waitFor()
    await page.getByRole('button', { name: '批量分派给代表' }).click()
    await dialogShown(page)
    expect((await page.getByTestId('bulk-reply-by-latest').innerText()).trim()).to.equal(
      `选中的留言里，规定的答复期限最晚是${monthDayText(latest)}，要求的日期不能晚于这一天。`,
    )

    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), latest)
    expect(await disabled(page, latest), 'their latest rule date itself').to.equal(false)
    // The day after, in the month on show, or on the next month's page when the latest is a month's last day.
    const after = addDays(latest, 1)
    await moveOn(page, latest, after)
    expect(await disabled(page, after), 'the day after it').to.equal(true)
    expect(page.problems).to.deep.equal([])
  })
})
