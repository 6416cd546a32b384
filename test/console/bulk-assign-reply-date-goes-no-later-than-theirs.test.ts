import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { addDays } from '../../src/domain/local-days.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { bulkAssignOpened, clerkZhang, writtenDaysAgo, type Sent } from './clerk-inbox.js'
import { dayDisabled, moveOn } from './date-picker.js'
import { logInAs, newPage, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'

/**
 * 张国华 ticks two messages (one of today, one of last week) and opens 批量分派. The 要求答复日期 picker offers no day
 * after the latest of their own rule dates, as the case page's picker offers none after its message's (a later day would
 * hold neither: the case page refuses it for one), and says which day that is.
 */
describe('console: 批量分派 offers no 要求答复日期 after the ticked messages’ own', function () {
  this.timeout(180_000)
  const story = useConsole()
  let sent: Record<'fresh' | 'older', Sent>

  before(async function () {
    this.timeout(120_000)
    sent = await writtenDaysAgo(story.app, {
      older: ['光明社区门口的井盖松了，踩上去会响', 7],
      fresh: ['光明社区5号楼电梯坏了两个星期，老人下不了楼', 0],
    })
  })

  it('offers their latest rule date, not the day after it, and names that day', async () => {
    const clerk = clerkZhang(story.app)
    const api = await new Client(story.app.baseUrl).login(clerk.username, clerk.password)
    const dates = await Promise.all([sent.fresh, sent.older].map(async (m) => (await api.get(`/api/admin/cases/${m.id}`)).body.replyByLatest.date as string))
    const latest = dates.reduce((a, b) => (b > a ? b : a))

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk, '/cases')
    await bulkAssignOpened(page, [sent.fresh.ticket, sent.older.ticket])
    expect((await page.getByTestId('bulk-reply-by-latest').innerText()).trim()).to.equal(
      `选中的留言里，规定的答复期限最晚是${monthDayText(latest)}，要求的日期不能晚于这一天。`,
    )

    await page.getByLabel('要求答复日期').click()
    await moveOn(page, localDate(story.app.clock.now(), ZONE), latest)
    expect(await dayDisabled(page, latest), 'their latest rule date itself').to.equal(false)
    // The day after, in the month on show, or on the next month's page when the latest is a month's last day.
    const after = addDays(latest, 1)
    await moveOn(page, latest, after)
    expect(await dayDisabled(page, after), 'the day after it').to.equal(true)
    expect(page.problems).to.deep.equal([])
  })
})
