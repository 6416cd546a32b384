import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { asAdmin } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 keeps 建设路街道代表联络站's roster (st001). She opens a day four days ahead to put a deputy on duty; meanwhile
 * the office puts two others on that day. Her 保存 used to write deputy by deputy, the last silently winning over the
 * office's. Now nothing of hers is saved: the dialog says who sits that day now and that she should reload; 重新载入
 * shows the day as the office left it, and her next 保存 stands.
 */
describe('console: two people save the same duty day, and the second is told to reload', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('says who sits the day now, saves nothing of hers, and saves once she has reloaded', async () => {
    const { store, config } = story.app.liaison
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const day = addDays(today, 4)
    const [, month, date] = day.split('-').map(Number)
    const deputies = (await store.deputies.listByStation('st001')).filter((d) => d.active && !d.away)
    const free = deputies.filter((d) => !(d.dutyByStation.st001 ?? []).includes(day))
    expect(free.length, 'three of her deputies free that day').to.be.at.least(3)
    const [hers, ...office] = free
    const wasOnDuty = deputies.filter((d) => (d.dutyByStation.st001 ?? []).includes(day)).map((d) => d.id)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.locator('.t-menu').getByText('代表与值班').click()
    const roster = page.locator('[data-roster]')
    if (month !== Number(today.slice(5, 7))) await roster.getByRole('button', { name: '下个月 ›' }).click()
    const cell = roster.getByRole('button', { name: `安排${month}月${date}日的接待值班` })
    await cell.click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '接待值班' })
    await dialogShown(page)
    await dialog.locator(`[data-deputy="${hers.name}"]`).getByText(`${hers.name}代表`).click()

    // Meanwhile the office puts two others on that day.
    const saved = await (
      await asAdmin(story.app)
    ).request('PUT', `/api/admin/stations/st001/duty-days/${day}`, {
      deputyIds: [...wasOnDuty, office[0].id, office[1].id],
      seen: wasOnDuty,
    })
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)

    await dialog.getByRole('button', { name: '保存' }).click()
    const stale = dialog.locator('[data-test=duty-day-stale]')
    await stale.getByText('的值班刚刚被别人改过').waitFor()
    const words = await stale.innerText()
    expect(words).to.include(`${month}月${date}日的值班刚刚被别人改过，现在值班的是`)
    expect(words).to.include(`${office[0].name}代表`).and.include(`${office[1].name}代表`)
    expect(words).to.include('您这次的安排没有保存，请重新载入后再安排')
    await screenshot(page, 'station-duty-day-changed-meanwhile', { window: true })
    expect((await store.deputies.get(hers.id))!.dutyByStation.st001 ?? [], 'nothing of hers saved').not.to.include(day)

    // 重新载入: the day as the office left it, then her choice added to it, saved.
    await stale.getByRole('button', { name: '重新载入' }).click()
    await stale.waitFor({ state: 'detached' })
    await dialog
      .getByText(`这一天值班：`)
      .filter({ hasText: `${office[0].name}代表` })
      .waitFor()
    await dialog.locator(`[data-deputy="${hers.name}"]`).getByText(`${hers.name}代表`).click()
    await dialog
      .getByText(`这一天值班：`)
      .filter({ hasText: `${hers.name}代表` })
      .waitFor()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await cell.getByText(hers.name).waitFor()
    for (const d of [hers, office[0], office[1]]) expect((await store.deputies.get(d.id))!.dutyByStation.st001, d.name).to.include(day)
    expect(page.problems).to.deep.equal([])
  })
})
