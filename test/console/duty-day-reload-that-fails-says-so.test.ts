import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { asAdmin } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, useConsole } from './harness.js'

const DOWN = {
  status: 503,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'store_unavailable', message: '系统正在维护，请稍后再试', details: [] } }),
}
/** The station's list of deputies, which 重新载入 reads again (not the 值班 save, not the past duty). */
const DEPUTIES = /\/api\/admin\/deputies(\?|$)/

/**
 * Review 38, finding 14. 张国华's 保存 of a duty day was refused because the office saved the day meanwhile; she presses
 * 重新载入 while the server cannot answer. The button used to turn for good, still telling her to reload. Now it stops,
 * says that the list could not be read and why, and a second 重新载入 once the server answers shows the day as it is.
 */
describe('console: 重新载入 of a duty day that fails says so and can be pressed again', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('stops turning, says 没能重新载入, and reloads on the next press', async () => {
    const { store, config } = story.app.liaison
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const day = addDays(today, 4)
    const [, month, date] = day.split('-').map(Number)
    const deputies = (await store.deputies.listByStation('st001')).filter((d) => d.active && !d.away)
    const free = deputies.filter((d) => !(d.dutyByStation.st001 ?? []).includes(day))
    const [hers, office] = free
    const wasOnDuty = deputies.filter((d) => (d.dutyByStation.st001 ?? []).includes(day)).map((d) => d.id)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.locator('.t-menu').getByText('代表与值班').click()
    const roster = page.locator('[data-roster]')
    if (month !== Number(today.slice(5, 7))) await roster.getByRole('button', { name: '下个月 ›' }).click()
    await roster.getByRole('button', { name: `安排${month}月${date}日的接待值班` }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '接待值班' })
    await dialogShown(page)
    await dialog.locator(`[data-deputy="${hers.name}"]`).getByText(`${hers.name}代表`).click()
    const saved = await (
      await asAdmin(story.app)
    ).request('PUT', `/api/admin/stations/st001/duty-days/${day}`, { deputyIds: [...wasOnDuty, office.id], seen: wasOnDuty })
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)
    await dialog.getByRole('button', { name: '保存' }).click()
    const stale = dialog.locator('[data-test=duty-day-stale]')
    await stale.getByText('的值班刚刚被别人改过').waitFor()

    // 重新载入 while the server cannot answer.
    await page.route(DEPUTIES, (r) => (r.request().method() === 'GET' ? r.fulfill(DOWN) : r.fallback()))
    await stale.getByRole('button', { name: '重新载入' }).click()
    const problem = dialog.locator('[data-test=duty-day-problem]')
    await problem.waitFor()
    expect(await problem.innerText()).to.include('没能重新载入：系统正在维护，请稍后再试')
    const button = stale.getByRole('button', { name: '重新载入' })
    expect(await button.getAttribute('aria-disabled'), '重新载入 no longer turning: it can be pressed again').to.equal(null)

    // The server answers again: the next press shows the day as the office left it.
    await page.unroute(DEPUTIES)
    await button.click()
    await stale.waitFor({ state: 'detached' })
    await problem.waitFor({ state: 'detached' })
    await dialog
      .getByText('这一天值班：')
      .filter({ hasText: `${office.name}代表` })
      .waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
