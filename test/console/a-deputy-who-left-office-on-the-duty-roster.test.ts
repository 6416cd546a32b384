import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The office sets one of 张国华's deputies 已离任. The 设为离任 dialog promised the days ahead would be marked
 * 已离任: on 代表与值班 the heading counts her apart, her 近期值班 is none, the calendar marks her on her day ahead
 * and keeps the day she sat as it was; 工作概览's 近期接待值班 marks her too, so nobody promises her to residents.
 */
describe('console: a deputy set as left office, on her station’s duty roster', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('is counted apart, has no next duty day, and is marked 已离任 on her days ahead only', async () => {
    const { app } = story
    const { store } = app.liaison
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    const [, leaving] = (await store.directory.snapshot()).deputies.filter((d) => d.active && d.stationIds.length === 1 && d.stationIds[0] === 'st001')
    // She sat two days ago and is on the roster tomorrow.
    const sat = addDays(today, -2)
    const ahead = addDays(today, 1)
    await store.deputies.update(leaving.id, { dutyAt: { stationId: 'st001', dates: [sat, ahead] } })
    const adminLogin = app.login((l) => l.role === 'admin')
    const office = await new Client(app.baseUrl).login(adminLogin.username, adminLogin.password)
    const left = await office.patch(`/api/admin/deputies/${leaving.id}`, { active: false })
    expect(left.status, JSON.stringify(left.body)).to.equal(200)

    const page = await newPage(story.browser, app)
    await logInAs(
      page,
      app.login((l) => l.username === 'zhangguohua'),
    )
    await page.goto('/console/deputies?station=st001')
    const card = page.locator('[data-test=station-deputies-card]')
    const heading = card.getByText(/^本站代表（\d+ 位，其中 1 位已离任）$/)
    await heading.waitFor()
    const rows = page.locator('[data-test=station-deputies] tbody tr')
    const row = rows.filter({ hasText: leaving.name })
    await row.getByText('已离任', { exact: true }).waitFor()
    expect(await heading.innerText(), 'the count is the list’s').to.equal(`本站代表（${await rows.count()} 位，其中 1 位已离任）`)
    expect((await row.locator('td').last().innerText()).trim(), 'no next duty day for her').to.equal('—')

    await showMonth(page, ahead)
    await dayCell(page, ahead).locator('.duty-name').getByText(`${leaving.name}（已离任）`, { exact: true }).waitFor()
    await screenshot(page, 'roster-left-office')
    await showMonth(page, sat)
    // The day she sat stays as recorded: her name, no mark.
    await dayCell(page, sat).locator('.duty-name').getByText(leaving.name, { exact: true }).waitFor()
    expect(await dayCell(page, sat).innerText()).to.not.include('已离任')

    await page.locator('.t-menu').getByText('工作概览').click()
    const duty = page.locator('[data-figure=duty]')
    await duty.locator('li', { hasText: '明天' }).getByText(`${leaving.name}代表（已离任）`).waitFor()
    await screenshot(page, 'dashboard-duty-left-office')
    expect(page.problems).to.deep.equal([])
  })
})

/** The roster's month of `date` (YYYY-MM-DD), moving at most a month either way. */
async function showMonth(page: Page, date: string) {
  const want = `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`
  const head = page.locator('[data-roster] .roster-head strong')
  const shown = await head.innerText()
  if (shown === want) return
  const [y, m] = shown.match(/\d+/g)!.map(Number)
  const later = date.slice(0, 7) > `${y}-${String(m).padStart(2, '0')}`
  await page
    .locator('[data-roster]')
    .getByRole('button', { name: later ? '下个月 ›' : '‹ 上个月' })
    .click()
  await head.getByText(want, { exact: true }).waitFor()
}

/** The calendar's cell of `date`, in the month shown. */
function dayCell(page: Page, date: string) {
  return page.locator('[data-roster] [role=gridcell]').filter({ has: page.locator('.day').getByText(String(Number(date.slice(8))), { exact: true }) })
}
