import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A campaign's page says under its title whom it is for, in words: the deputies' levels and
 * places chosen at 新建 (the creator's own district when none was chosen), the station staff,
 * and the residents who follow it.
 */
describe('console: a campaign says whom it is for', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()

  async function districtOrganizer() {
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const staff = await story.app.liaison.store.staff.getByUsername(login.username)
      const region = staff?.regionIds.length ? await story.app.liaison.store.regions.get(staff.regionIds[0]) : null
      if (region?.kind === 'district') return { login, district: region }
    }
    throw new Error('the demo city has no district organizer')
  }

  it('a district organizer’s campaign for two levels of deputies and followers names her district and the levels', async () => {
    const { login, district } = await districtOrganizer()
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, '/campaigns')
    await page.getByRole('button', { name: '新建活动' }).click()
    await page.getByPlaceholder('如：学习宣传新修订的代表法').fill('学习宣传新修订的代表法')
    const levels = page.locator('[data-test=audience-field]')
    await levels.getByText('区（县）人大代表', { exact: true }).click()
    await levels.getByText('乡镇人大代表', { exact: true }).click()
    await page.locator('.t-dialog').getByText('关注活动的群众', { exact: true }).click()
    await page
      .locator('[data-test=audience-count]')
      .getByText(/^共 \d+ 人/)
      .waitFor()
    await page.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/\/console\/campaigns\/cp-/)

    const line = page.locator('[data-test=campaign-audience]')
    await line.getByText(`面向：${district.name}的区（县）人大代表、乡镇人大代表；关注活动的群众`, { exact: true }).waitFor()
    await screenshot(page, 'console-campaign-audience')
    expect(page.problems).to.deep.equal([])
  })

  it('the city’s campaigns name the districts or stations chosen, its staff, or the whole city', async () => {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const { regions, stations } = await story.app.liaison.store.directory.snapshot()
    const district = regions.find((r) => r.kind === 'district')!
    const station = stations[0]!
    const create = async (title: string, audience: Record<string, unknown>) => {
      const made = await office.post('/api/admin/campaigns', {
        title,
        description: '',
        endsAt: new Date(story.app.clock.now().getTime() + 30 * DAY).toISOString(),
        audience,
      })
      expect(made.status, JSON.stringify(made.body)).to.equal(201)
      return made.body.id as string
    }
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['全市代表学习', { levels: ['national', 'provincial'] }, '面向：全市的全国人大代表、省人大代表'],
      ['一个区的代表和工作人员', { districtIds: [district.id], staff: true }, `面向：${district.name}的人大代表；${district.name}联络站的工作人员`],
      ['一个站的代表和工作人员', { stationIds: [station.id], staff: true }, `面向：${station.name}的人大代表；${station.name}的工作人员`],
    ]
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    for (const [title, audience, words] of cases) {
      const id = await create(title, audience)
      await page.goto(`/console/campaigns/${id}`)
      await page.locator('[data-test=campaign-audience]').getByText(words, { exact: true }).waitFor()
    }
    expect(page.problems).to.deep.equal([])
  })
})
