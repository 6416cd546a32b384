import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { bulkAssignOpened, clerkZhang, writtenDaysAgo, type Sent } from './clerk-inbox.js'
import { dayDisabled, moveOn, pickDay, shownPanel } from './date-picker.js'
import { newPage, logInAs, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'

/**
 * Where a box is cut off from sight, by the window or by a scrolling box it sits in (the dialog's body), in numbers;
 * '' when all of it is in sight.
 */
const cutOff = (box: Locator) =>
  box.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const at = `${Math.round(r.top)}..${Math.round(r.bottom)}`
    if (r.top < 0 || r.bottom > window.innerHeight) return `${at} outside the window's 0..${window.innerHeight}`
    for (let p = el.parentElement; p && !p.classList.contains('t-dialog__ctx'); p = p.parentElement) {
      if (getComputedStyle(p).overflowY === 'visible') continue
      const c = p.getBoundingClientRect()
      if (r.top < c.top || r.bottom > c.bottom) return `${at} outside ${p.className}'s ${Math.round(c.top)}..${Math.round(c.bottom)}`
    }
    return ''
  })

/**
 * 张国华 ticks two messages (one of ten days ago, one of today) and opens 批量分派: the 要求答复日期 picker offers days
 * up to today's message's rule date, and she picks one after the older one's. Meanwhile a colleague gives today's
 * message to the very deputy she chose, so the date would hold neither of those she is giving: she is told, in red
 * under the date, that today's message is that deputy's already and the latest day she may ask of the other, and only
 * there (the note under the date, which would say the day again, waits); the deputies' list is read again and counts
 * the message he was given meanwhile; the picker stops at that day, the dialog stays open with what she chose, and
 * nothing is given. When she picks that day, the red words go and the note, saying that day, comes back.
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

  it('tells her under the date why and the latest day she may ask, keeps the dialog open, and gives nothing', async () => {
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
    const theirs = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: colleague.name })
    await theirs.click()
    const openBefore = Number(/在办 (\d+) 条/.exec(await theirs.getByTestId('load').innerText())![1])
    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), day)
    await pickDay(page, day)

    // Meanwhile another clerk gives today's message to the same deputy: only the older one is left to give.
    const meanwhile = await api.post(`/api/admin/cases/${sent.fresh.id}/assign`, { deputyId: colleague.id })
    expect(meanwhile.status, JSON.stringify(meanwhile.body)).to.equal(200)

    await page.getByRole('button', { name: '分派', exact: true }).click()
    const said =
      `${sent.fresh.ticket} 已经由${colleague.name}代表办理，不再分派；` +
      `其余留言里，规定的答复期限最晚是${monthDayText(olderLatest)}，要求答复的日期最晚可以选这一天。`
    const dialog = page.locator('.t-dialog').filter({ hasText: '把选中的 2 条留言分派给' })
    const underTheDate = dialog.getByTestId('bulk-reply-by').getByRole('alert')
    await underTheDate.filter({ hasText: said }).waitFor()
    // The deputies' list is read again: the message her colleague gave that deputy meanwhile is counted.
    await theirs
      .getByTestId('load')
      .filter({ hasText: `在办 ${openBefore + 1} 条` })
      .waitFor()
    await screenshot(page, 'bulk-assign-date-later-than-all-refused', { window: true })
    // All this fits a 1366×860 office window: the dialog's title, the refusal and 分派 are in sight together.
    expect(await cutOff(dialog.locator('.t-dialog__header').getByText('把选中的 2 条留言分派给')), 'the title in sight').to.equal('')
    expect(await cutOff(underTheDate), 'the refusal in sight').to.equal('')
    expect(await cutOff(dialog.getByRole('button', { name: '分派', exact: true })), '分派 in sight').to.equal('')
    // The red words name the latest day: the dialog's note does not say it again beneath them.
    expect(await dialog.getByTestId('bulk-reply-by-latest').count(), 'the note not beside the refusal').to.equal(0)
    expect(await underTheDate.textContent(), 'said whole, in the dialog').to.equal(said)
    expect(await page.locator('.t-message').filter({ hasText: '答复' }).count(), 'not a toast behind the dialog').to.equal(0)
    expect((await dialog.getByTestId('bulk-reply-by').locator('.t-input__prefix').innerText()).trim(), 'her date kept').to.include(monthDayText(day))
    expect(await dialog.getByRole('option', { selected: true }).filter({ hasText: colleague.name }).count(), 'her deputy kept').to.equal(1)

    // The picker stops at that day too.
    await dialog.getByLabel('要求答复日期').click()
    await shownPanel(page).waitFor()
    expect(await dayDisabled(page, day), 'her day no longer offered').to.equal(true)
    // She picks that day instead (the panel shows her day's month): the red words go, and the note, now agreeing with
    // the refusal, comes back.
    if (olderLatest.slice(0, 7) < day.slice(0, 7)) await shownPanel(page).locator('.t-pagination-mini__prev').click()
    await pickDay(page, olderLatest)
    await dialog
      .getByTestId('bulk-reply-by-latest')
      .filter({ hasText: `${monthDayText(olderLatest)}，要求的日期不能晚于这一天。` })
      .waitFor()
    expect(await underTheDate.count(), 'the refusal gone once she picked another day').to.equal(0)

    const still = (await api.get(`/api/admin/cases/${sent.older.id}`)).body
    expect([still.deputyId, still.deadlines.includes(monthDayText(day))], 'the older one not given').to.deep.equal([older.deputyId, false])
    expect(page.problems).to.deep.equal([])
  })
})
