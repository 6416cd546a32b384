import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { localDate } from '../../src/domain/dates.js'
import { startOfLocalDay } from '../../src/domain/local-days.js'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const ZONE = 'Asia/Urumqi'
const HOUR = 3_600_000

/**
 * A congress in Xinjiang runs Liaison on Urumqi time (LIAISON_TZ=Asia/Urumqi, two hours behind
 * Beijing). A resident writes at 23:30 Urumqi time, already 01:30 the next day in Beijing. The office
 * clerk, on a PC set to yet another zone, lists that day's messages and finds it under that day,
 * written at 23:30, as the server and the resident count days and hours.
 */
describe('console: dates and times in the business time zone the server is configured with', function () {
  this.timeout(120_000)
  const story = useConsole({ overrides: { business: { timeZone: ZONE } } })

  it('lists a message under its Urumqi day and shows it written at 23:30 Urumqi time', async () => {
    const { app, browser } = story
    const dayStart = startOfLocalDay(new Date(app.clock.now().getTime() + 2 * 24 * HOUR), ZONE)
    const day = localDate(dayStart, ZONE)
    const written = `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 23:30`
    app.clock.set(new Date(dayStart.getTime() + 23.5 * HOUR))
    const deputy = demoDirectory().deputies![0]
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '村口的桥栏杆松了，孩子上学路过很危险', deputyCode: deputy.code })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)

    const city = app.logins.find((l) => l.role === 'organizer')!
    const page = await newPage(browser, app, { timezoneId: 'Europe/London' })
    await logInAs(page, city)
    // That day's messages, as a link (the dashboard's, a colleague's) gives them: from its start to the next day's.
    const from = dayStart.toISOString()
    const to = new Date(dayStart.getTime() + 24 * HOUR).toISOString()
    await page.goto(`/console/cases?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
    await page.getByText(`提交日期：${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`, { exact: true }).waitFor()
    const row = page.locator('tbody tr', { hasText: sent.body.ticket })
    await row.waitFor()
    expect(await row.innerText()).to.include(written)
    await screenshot(page, 'business-zone-inbox')
    // Sorted otherwise, the list is asked for again with the days she sees, from the start of that Urumqi day.
    await page.getByText('最先到期在前').click()
    await page.waitForURL((url) => url.searchParams.get('from') === `${day}T00:00:00+06:00`)
    await row.waitFor()
    await page.getByText(`提交日期：${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`, { exact: true }).waitFor()

    await page.goto(`/console/cases/${sent.body.id}`)
    await page.getByRole('heading', { name: `留言 ${sent.body.ticket}` }).waitFor()
    expect(await page.locator('.t-descriptions').innerText(), '提交时间').to.include(written)
    expect(page.problems).to.deep.equal([])
  })
  it('opens the record pages on the new year once it has begun in Urumqi, on a PC where it is still New Year’s Eve', async () => {
    const { app, browser } = story
    // 00:30 on 1 January in Urumqi is 18:30 on 31 December in London, where the office PC is set.
    const newYear = new Date('2026-12-31T18:30:00Z')
    app.clock.set(newYear)
    const page = await newPage(browser, app, { timezoneId: 'Europe/London' })
    await page.clock.install({ time: newYear.getTime() })
    await logInAs(
      page,
      app.logins.find((l) => l.role === 'organizer')!,
      '/records',
    )
    await page.getByRole('heading', { name: '履职档案' }).waitFor()
    expect(await page.getByLabel('年度').locator('input').inputValue()).to.equal('2027 年度')
    expect(page.problems).to.deep.equal([])
  })
  it('says when the inbox was read as every console time is written: 9:05 in Urumqi, not 09:05', async () => {
    const { app, browser } = story
    // 9:05 in Urumqi (11:05 in Beijing, 03:05 in London, where the PC is set).
    const morning = new Date('2027-01-04T03:05:00Z')
    app.clock.set(morning)
    const page = await newPage(browser, app, { timezoneId: 'Europe/London' })
    await page.clock.setFixedTime(morning)
    await logInAs(
      page,
      app.logins.find((l) => l.role === 'organizer')!,
      '/cases',
    )
    await page.getByText('9:05 更新', { exact: true }).waitFor()
    expect(await page.getByText('09:05 更新').count()).to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
