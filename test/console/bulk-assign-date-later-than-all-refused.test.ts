import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { bulkAssignOpened, clerkZhang, writtenDaysAgo, type Sent } from './clerk-inbox.js'
import { moveOn, pickDay } from './date-picker.js'
import { newPage, logInAs, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'

/**
 * 张国华 ticks two messages (one of ten days ago, one of today) and opens 批量分派: the 要求答复日期 picker offers days
 * up to today's message's rule date, and she picks one after the older one's. Meanwhile a colleague gives today's
 * message to the very deputy she chose, so the date would hold neither of those she is giving: she is told, in the
 * dialog, the latest day she may ask; the dialog stays open with what she chose, and nothing is given.
 */
describe('console: 批量分派 says so when the 要求答复日期 is later than all of those it gives', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => clerkZhang(story.app)
  let sent: Record<'older' | 'fresh', Sent>

  before(async function () {
    this.timeout(120_000)
    sent = await writtenDaysAgo(story.app, {
      older: ['光明社区门口的井盖松了，踩上去会响', 10],
      fresh: ['光明社区5号楼电梯坏了两个星期，老人下不了楼', 0],
    })
  })

  /** A working day after `after` and no later than `latest`. */
  async function workingDayBetween(after: string, latest: string): Promise<string> {
    const calendar = await story.app.liaison.services.calendar.current()
    for (let d = addDays(after, 1); d <= latest; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) return d
    throw new Error(`no working day after ${after} up to ${latest}`)
  }

  it('tells her the latest day she may ask, keeps the dialog open, and gives nothing', async () => {
    const api = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const [older, fresh] = await Promise.all([sent.older, sent.fresh].map(async (m) => (await api.get(`/api/admin/cases/${m.id}`)).body))
    const colleague = (await story.app.liaison.store.deputies.listByStation(fresh.stationId)).find(
      (d) => d.active && d.id !== fresh.deputyId && d.id !== older.deputyId,
    )!
    const olderLatest = older.replyByLatest.date as string
    const day = await workingDayBetween(olderLatest, fresh.replyByLatest.date as string)

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    await bulkAssignOpened(page, [sent.older.ticket, sent.fresh.ticket])
    await page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: colleague.name }).click()
    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), day)
    await pickDay(page, day)

    // Meanwhile another clerk gives today's message to the same deputy: only the older one is left to give.
    const meanwhile = await api.post(`/api/admin/cases/${sent.fresh.id}/assign`, { deputyId: colleague.id })
    expect(meanwhile.status, JSON.stringify(meanwhile.body)).to.equal(200)

    await page.getByRole('button', { name: '分派', exact: true }).click()
    const said = `要求答复的日期最晚可以选${monthDayText(olderLatest)}：选中的留言里，规定的答复期限最晚是这一天，只能要求代表提前答复`
    await page.locator('.t-message').filter({ hasText: said }).waitFor()
    await screenshot(page, 'bulk-assign-date-later-than-all-refused', { window: true })
    expect(await page.getByText('把选中的 2 条留言分派给').isVisible(), 'the dialog stays open').to.equal(true)

    const still = (await api.get(`/api/admin/cases/${sent.older.id}`)).body
    expect([still.deputyId, still.deadlines.includes(monthDayText(day))], 'the older one not given').to.deep.equal([older.deputyId, false])
    expect(page.problems).to.deep.equal([])
  })
})
