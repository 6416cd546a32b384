import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'

/** A district organizer works in their district only: the pickers and lists never offer another district. */
describe('console: a district organizer stays in their district', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  // The city's office by the name its config gives it: a page not found names whom to ask by it.
  const story = useConsole({ overrides: { business: { officeName: '青澜市人大常委会办公室' } } })

  async function districtOrganizer() {
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const staff = await story.app.liaison.store.staff.getByUsername(login.username)
      if (staff?.regionIds.length) return { login, districts: staff.regionIds }
    }
    throw new Error('the demo city has no district organizer')
  }
  const regions = async () => story.app.liaison.store.regions.list()
  const stationsIn = async (district: string) => {
    const all = await regions()
    const districtOf = (id: string): string | null => {
      const r = all.find((x) => x.id === id)
      return !r ? null : r.parentId === null ? r.id : districtOf(r.parentId)
    }
    return (await story.app.liaison.store.stations.list()).filter((s) => s.regionIds.some((r) => districtOf(r) === district)).map((s) => s.name)
  }

  it('offers only their district and its stations when inviting, and lists only their stations', async () => {
    const { login, districts } = await districtOrganizer()
    const [own] = districts
    const ownName = (await regions()).find((r) => r.id === own)!.name
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    await page.goto('/console/meetings/new')

    await page.getByPlaceholder('不选则不限区县').click()
    const districtChoices = await shownOptions(page, (texts) => texts.includes(ownName))
    expect(districtChoices).to.deep.equal([ownName])
    await page.keyboard.press('Escape')
    // A click while the district list still fades out can land on it and leave the station list shut (seen in CI).
    await page.locator('.t-popup').filter({ visible: true }).first().waitFor({ state: 'hidden' })
    await page.getByPlaceholder('不选则不限联络站').click()
    // The stations load after the page opens, and the district choices fade out after Escape: wait until
    // the open list is the district's stations, no more, no fewer (after a while, what is drawn is compared).
    const ownStations = (await stationsIn(own)).sort()
    const stationChoices = await shownOptions(page, (texts) => texts.length === ownStations.length && ownStations.every((s) => texts.includes(s)))
    expect(stationChoices.sort()).to.deep.equal(ownStations)
    await page.keyboard.press('Escape')

    await page.goto('/console/directory')
    await page.locator('[data-test=stations] tbody tr:not(.t-table__empty-row)').first().waitFor()
    const listed = await page.locator('[data-test=stations] tbody tr:not(.t-table__empty-row) td:nth-child(2)').allInnerTexts()
    expect(listed.sort()).to.deep.equal((await stationsIn(own)).sort())
    expect(page.problems).to.deep.equal([])
  })

  it("opening another district's meeting by its address says it is not found, and shows nothing of it", async () => {
    const { login, districts } = await districtOrganizer()
    const other = (await regions()).find((r) => r.parentId === null && !districts.includes(r.id))!
    const created = await (
      await asAdmin(story.app)
    ).post('/api/admin/meetings', {
      title: '外区座谈会',
      kind: 'deputy_activity',
      startAt: new Date(story.app.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      endAt: new Date(story.app.clock.now().getTime() + 3 * 86_400_000 + 7_200_000).toISOString(),
      place: '外区会议室',
      selector: { districtIds: [other.id] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    await page.goto(`/console/meetings/${created.body.id}`)
    const notFound = page.locator('[data-test=not-found]')
    await notFound.getByRole('heading', { name: '找不到这次会议' }).waitFor()
    expect(await notFound.innerText()).to.include('会议不存在：可能已被删除，或不在您负责的范围内')
    // Whom to ask, by name: a district's organizer asks the city's office.
    expect(await notFound.getByTestId('ask-office').innerText()).to.equal('如果您认为应该能看到，请联系青澜市人大常委会办公室。')
    expect(await page.locator('main').innerText(), "TDesign's empty picture says nothing to a clerk").not.to.include('暂无数据')
    expect(await page.locator('body').innerText()).not.to.include('外区座谈会')
    await screenshot(page, 'console-meeting-not-found')
    // The way back is on the page itself.
    await page.getByRole('button', { name: '← 返回会议列表' }).click()
    await page.getByRole('heading', { name: '会议活动' }).waitFor()
    expect(new URL(page.url()).pathname).to.equal('/console/meetings')
  })
})
