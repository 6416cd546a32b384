import { expect } from 'chai'
import { addDays, startOfLocalDate } from '../../src/domain/local-days.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, asResident } from '../helpers/app.js'
import type { Page } from 'playwright-core'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Shanghai'
const HOUR = 3_600_000

/**
 * 张国华, clerk of 建设路街道代表联络站, reads her list. The most urgent lines had an empty 期限 column: where the deadline
 * words said （明天） the 明天到期 tag was dropped and "受理期限 12月7日（明天） · 答复期限 12月25日" sat in small blue text
 * in the 留言内容 cell, broken over four lines. Now the 期限 column shows the tag on every open message and, under it,
 * which deadlines and when ("受理 12月7日 10:00", "答复 12月25日"), its nearness not said again; the message's words
 * say nothing of deadlines.
 */
describe('console: the 期限 column of the inbox shows how near and when, for the most urgent too', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  /** 10:00 on a working day followed by another, ahead of the clock: a message written then is to be acknowledged 明天. */
  async function workingDayBeforeAnother() {
    const calendar = await story.app.liaison.services.calendar.current()
    let day = addDays(localDate(story.app.clock.now(), ZONE), 1)
    while (!calendar.isWorkingDay(day) || !calendar.isWorkingDay(addDays(day, 1))) day = addDays(day, 1)
    story.app.clock.set(new Date(startOfLocalDate(day, ZONE).getTime() + 10 * HOUR))
  }
  async function write(text: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' }) // 光明社区
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  /** A line's cells by their column's title (期限, 留言内容), as she reads them. */
  async function cells(page: Page, ticket: string) {
    const titles = (await page.locator('thead th').allInnerTexts()).map((t) => t.trim())
    const texts = await page.locator('tbody tr').filter({ hasText: ticket }).locator('td').allInnerTexts()
    return (title: string) => texts[titles.indexOf(title)].trim()
  }
  const DATE = String.raw`\d{1,2}月\d{1,2}日`

  it('says 明天到期 in the 期限 column with the dates under it, once, and nothing of deadlines beside the words', async () => {
    await workingDayBeforeAnother()
    const waiting = await write('光明社区7号楼的楼道灯坏了，晚上上楼看不见')
    const taken = await write('光明社区门口的井盖松了，车一过就响')
    const held = await story.app.liaison.store.cases.get(taken.id)
    expect((await (await asDeputy(story.app, held!.deputyId!)).post(`/api/mp/deputy/cases/${taken.id}/acknowledge`, {})).status).to.equal(200)

    const page = await newPage(story.browser, story.app, { timezoneId: ZONE })
    await logInAs(page, clerk(), '/cases')
    await page.locator('tbody tr').filter({ hasText: waiting.ticket }).waitFor()
    const urgent = await cells(page, waiting.ticket)
    expect(urgent('期限')).to.match(new RegExp(`^明天到期\\n受理 ${DATE} \\d{2}:\\d{2}\\n答复 ${DATE}$`))
    expect(urgent('留言内容'), 'the words, not the deadlines').to.not.match(/期限|受理|答复|明天/)
    await screenshot(page, 'inbox-deadline-said-once', { window: true })

    // Acknowledged: the answer is due in weeks; the tag says how many days, the line under it when.
    const other = await cells(page, taken.ticket)
    expect(other('期限')).to.match(new RegExp(`^还有 \\d+ 天\\n答复 ${DATE}$`))
    expect(other('留言内容')).to.not.match(/期限|答复/)
    expect(page.problems).to.deep.equal([])
  })
})
