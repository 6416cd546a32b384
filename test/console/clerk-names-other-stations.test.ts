import { expect } from 'chai'
import { asAdmin, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * A deputy of 张国华's station also serves at a station of another district. Her station list holds only her own
 * station now, yet the inbox's 代表 choice names both of his stations; and the district organizer's 名册 says both
 * in 所属联络站. Names, never a station's internal id.
 */
describe('console: another station a deputy serves at is named, not shown by its id', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('names both of his stations in the clerk’s 代表 choice and in the district organizer’s 名册', async () => {
    const { store } = story.app.liaison
    const clerkLogin = story.app.login((l) => l.username === 'zhangguohua')
    const hers = (await store.staff.getByUsername('zhangguohua'))!.stationIds[0]!
    const herStation = (await store.stations.get(hers))!
    // The district organizer whose district holds her station, and a station of another district.
    const regions = await store.regions.list()
    const districtOf = (id: string): string | null => {
      const r = regions.find((x) => x.id === id)
      return !r ? null : r.parentId === null ? r.id : districtOf(r.parentId)
    }
    const herDistrict = districtOf(herStation.regionIds[0]!)
    const organizers = await Promise.all(
      story.app.logins.filter((l) => l.role === 'organizer').map(async (login) => ({ login, staff: await store.staff.getByUsername(login.username) })),
    )
    const districtOrganizer = organizers.find(({ staff }) => herDistrict !== null && staff?.regionIds.includes(herDistrict))?.login
    expect(districtOrganizer, 'the demo has an organizer of her district').to.not.equal(undefined)
    const other = (await store.stations.list()).find((s) => s.regionIds.some((r) => districtOf(r) !== herDistrict))!
    const deputy = (await store.deputies.listByStation(hers)).find((d) => d.active && d.stationIds.length === 1)!

    const admin = await asAdmin(story.app)
    const moved = await admin.patch(`/api/admin/deputies/${deputy.id}`, { stationIds: [hers, other.id] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    // What she can list: her own station only (the scoping this story guards the console against).
    const clerk = await new Client(story.app.baseUrl).login(clerkLogin.username, clerkLogin.password)
    expect(((await clerk.get('/api/admin/stations')).body.items as Array<{ name: string }>).map((s) => s.name)).to.deep.equal([herStation.name])

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerkLogin, '/cases')
    const choice = page.getByLabel('代表', { exact: true })
    await choice.click()
    await choice.locator('input').fill(deputy.name)
    const option = page.locator('.t-select-option', { hasText: `${deputy.name}（` }).first()
    await option.waitFor()
    expect(await option.innerText()).to.include(`${deputy.name}（${herStation.name}、${other.name}）`)
    expect(await page.locator('body').innerText()).not.to.include(other.id)
    await screenshot(page, 'clerk-deputy-choice-names-his-other-station')
    await page.keyboard.press('Escape')
    expect(page.problems).to.deep.equal([])

    // The 名册 of the district organizer, whose station list holds her district's stations only.
    const office = await newPage(story.browser, story.app)
    await logInAs(office, districtOrganizer!, '/directory')
    await office.locator('.t-tabs__nav-item', { hasText: '代表' }).first().click()
    await office.getByPlaceholder('按姓名或代码查找').fill(deputy.code)
    await office.getByPlaceholder('按姓名或代码查找').press('Enter')
    const row = office.locator('[data-test=deputies] tbody tr').filter({ hasText: deputy.code })
    await row.waitFor()
    await row.locator('[data-test=deputy-stations]').filter({ hasText: other.name }).waitFor()
    expect(await row.locator('[data-test=deputy-stations]').innerText()).to.equal(`${herStation.name}、${other.name}`)
    await screenshot(office, 'directory-deputy-names-his-other-station')
    expect(office.problems).to.deep.equal([])
  })
})
