import { expect } from 'chai'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const DAY = 86_400_000

/**
 * 民生实事 for those who may only read a year: the city's year is curated by the city office, a
 * district's by that district's office. 澜江区's organizer ticks her district's proposals and merges
 * them, as before; on the city's year, and for a station's staff on either, the page says they only
 * read it and offers no tick boxes and no merging, which the server would refuse.
 */
describe('console: 民生实事 read by those who may not act on it', function () {
  this.timeout(120_000)
  // The city's office by the name its config gives it: a year is said to be its office's, by that name.
  const story = useConsole({ overrides: { business: { officeName: '青澜市人大常委会办公室' } } })
  const CITY = '2027年市民生实事项目'
  const DISTRICT = '2027年澜江区民生实事项目'
  let districtOrganizer: { username: string; password: string }
  let stationStaff: { username: string; password: string }

  before(async () => {
    const { app } = story
    const admin = await asAdmin(app)
    const now = app.clock.now().getTime()
    for (const [office, title, proposal] of [
      ['city', CITY, '市区公交站加装遮雨棚'],
      ['d01', DISTRICT, '澜江区老街改造下水道'],
    ]) {
      const cycle = await admin.post('/api/admin/livelihood/cycles', {
        office,
        year: 2027,
        title,
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 30 * DAY).toISOString(),
        projectCount: 1,
      })
      expect(cycle.status, JSON.stringify(cycle.body)).to.equal(201)
      const sent = await (
        await asResident(app)
      ).post(`/api/mp/livelihood/cycles/${cycle.body.id}/proposals`, {
        title: proposal,
        place: '澜江区',
        description: '下雨天很不方便',
        consentVersion: 'lp-2026-1',
      })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    // The demo's district organizer (澜江区), and staff of a station in 澜江区 (they read its year and the city's).
    for (const login of app.logins.filter((l) => l.role === 'organizer')) {
      if ((await app.liaison.store.staff.getByUsername(login.username))?.regionIds.includes('d01')) districtOrganizer = login
    }
    for (const login of app.logins.filter((l) => l.role === 'station_staff')) {
      const years = (await (await new Client(app.baseUrl).login(login.username, login.password)).get('/api/admin/livelihood/cycles')).body.items
      if (years.length === 2) stationStaff = login
    }
    expect(districtOrganizer, '澜江区 organizer').not.to.equal(undefined)
    expect(stationStaff, 'staff of a station in 澜江区').not.to.equal(undefined)
  })

  /** Opens a year from the 年度 list and waits for its proposal to be listed. */
  async function openYear(page: ConsolePage, title: string, proposal: string) {
    await page.getByLabel('年度').click()
    await page.locator('.t-select-option').filter({ visible: true, hasText: title }).click()
    await page.locator('[data-test=proposals] tbody tr', { hasText: proposal }).waitFor()
  }
  const tickBoxes = (page: ConsolePage) => page.locator('[data-test=proposals] .t-checkbox').count()

  it("a district's organizer ticks and merges on her district's year, and only reads the city's", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, districtOrganizer, '/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()

    await openYear(page, DISTRICT, '澜江区老街改造下水道')
    expect(await tickBoxes(page), 'her own year: tick boxes as before').to.be.greaterThan(0)
    await page.locator('[data-test=merge]').getByText('已勾选 0 条建议').waitFor()
    expect(await page.getByText('您在这里只能查看').count()).to.equal(0)

    await openYear(page, CITY, '市区公交站加装遮雨棚')
    expect(await tickBoxes(page), 'no tick boxes that would do nothing').to.equal(0)
    expect(await page.locator('[data-test=merge]').count(), 'no merging').to.equal(0)
    await page.getByText('这个年度的民生实事由青澜市人大常委会办公室办理，您在这里只能查看。').waitFor()
    expect(await page.getByRole('button', { name: '提交代表票决' }).count(), 'no ballot to start').to.equal(0)
    await screenshot(page, 'projects-city-year-read-only')
    expect(page.problems).to.deep.equal([])
  })

  it("a station's staff read the city's year and their district's, with nothing to tick", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, stationStaff, '/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()
    for (const [title, proposal, office] of [
      [CITY, '市区公交站加装遮雨棚', '青澜市人大常委会办公室'],
      [DISTRICT, '澜江区老街改造下水道', '澜江区人大常委会办公室'],
    ]) {
      await openYear(page, title, proposal)
      expect(await tickBoxes(page), `no tick boxes on ${title}`).to.equal(0)
      expect(await page.locator('[data-test=merge]').count(), title).to.equal(0)
      await page.getByText(`这个年度的民生实事由${office}办理，您在这里只能查看。`).waitFor()
    }
    await screenshot(page, 'projects-station-read-only')
    expect(page.problems).to.deep.equal([])
  })
})
