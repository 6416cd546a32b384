import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { officeDayAfter } from './office-days.js'
import { dateTimeShown, dialogShown, logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

/**
 * 每月一次、上下同题 in the console: the city office sets up a monthly campaign for a
 * district and finds this month's issue under 每月各期; the district's organizer takes it
 * up with one button; the city then sees the district's part beside its own under 逐级汇总.
 */
describe('console: a monthly city campaign taken up by a district', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  async function organizers() {
    let city: { username: string; password: string } | undefined
    let district: { login: { username: string; password: string }; id: string } | undefined
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const staff = await story.app.liaison.store.staff.getByUsername(login.username)
      if (!staff?.regionIds.length) city ??= login
      else if ((await story.app.liaison.store.regions.get(staff.regionIds[0]))?.kind === 'district') district ??= { login, id: staff.regionIds[0] }
    }
    if (!city || !district) throw new Error('the demo city has no city or no district organizer')
    const name = (await story.app.liaison.store.regions.get(district.id))!.name
    return { city, district: { ...district, name } }
  }
  const tab = (page: ConsolePage, name: string) => page.locator('.t-tabs__nav-item', { hasText: name })

  it('sets up the monthly campaign, the district takes it up, and the city sees both levels', async () => {
    const { city, district } = await organizers()
    const office = await newPage(story.browser, story.app)
    // The office PC's clock runs ten minutes ahead: "start now" is left to the server's clock.
    await office.clock.install({ time: story.app.clock.now().getTime() + 10 * 60_000 })
    await logInAs(office, city)
    await office.goto('/console/campaigns')
    await office.getByRole('button', { name: '新建活动' }).click()
    await office.getByPlaceholder('如：学习宣传新修订的代表法').fill('学习贯彻代表法')
    expect(await office.getByLabel('开始时间').inputValue(), 'no start: it starts when made').to.equal('')
    await office.getByText('不填表示马上开始').waitFor()
    // The end offered is the close of an office day thirty days on (as a survey's; the Monday after, when that is a
    // Saturday or Sunday), not this minute thirty days on.
    const inThirtyDays = officeDayAfter(story.app.clock.now().getTime() + 10 * 60_000, 30, story.app.liaison.config.business.timeZone)
    expect(await office.getByLabel('结束时间').inputValue()).to.equal(dateTimeShown(`${inThirtyDays} 17:00`))
    // Pictured once the dialog stands whole, as she sees it in her window.
    await dialogShown(office)
    await screenshot(office, 'console-campaign-new', { window: true })
    // 还包括's two boxes stand as far apart as the levels' above them: not "工作人员☑关注活动的群众" run together.
    const room = (group: import('playwright-core').Locator) =>
      group.evaluate((g) => {
        const [first, second] = [...g.querySelectorAll('.t-checkbox')]
        return (
          second.querySelector('.t-checkbox__input')!.getBoundingClientRect().left - first.querySelector('.t-checkbox__label')!.getBoundingClientRect().right
        )
      })
    const item = (label: string) => office.locator('.t-form__item', { has: office.locator('.t-form__label', { hasText: label }) })
    const levelsRoom = await room(item('代表层级'))
    expect(levelsRoom).to.be.at.least(12)
    expect(await room(item('还包括')), 'room between 工作人员 and 关注活动的群众').to.equal(levelsRoom)
    await office.locator('[data-test=repeat-monthly]').click()
    await office.getByPlaceholder('不选则不限区县').click()
    await office.locator('.t-select-option', { hasText: district.name }).filter({ visible: true }).first().click()
    // Closing the picker by a click on the dialog's heading: Escape would close the dialog too.
    await office.getByText('新建学习宣传活动').click()
    const sent = office.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/campaigns')
    await office.getByRole('button', { name: '创建' }).click()
    expect((await sent).postDataJSON(), 'no browser time for "now"').to.not.have.property('startsAt')
    await office.waitForURL(/\/console\/campaigns\/cp-/)
    const seriesUrl = office.url()

    const periods = office.locator('[data-test=campaign-periods] tbody tr:not(.t-table__empty-row)')
    await periods.first().waitFor()
    expect(await periods.count(), "this month's issue, opened at once").to.equal(1)
    expect(await periods.first().innerText()).to.match(/学习贯彻代表法（\d{4}年\d{1,2}月）/)
    expect(await office.getByRole('button', { name: '添加学习材料' }).count(), 'reading goes into an issue').to.equal(0)

    const local = await newPage(story.browser, story.app)
    await logInAs(local, district.login)
    await local.goto(seriesUrl)
    await local.getByRole('button', { name: '本地区采用（上下同题）' }).click()
    await local.waitForURL((url) => url.href !== seriesUrl && /\/console\/campaigns\/cp-/.test(url.href))
    await local.getByText('采用自市级活动').waitFor()
    expect(local.problems).to.deep.equal([])

    await periods.first().locator('.t-link').click()
    await office.getByRole('button', { name: '添加学习材料' }).waitFor()
    await tab(office, '逐级汇总').click()
    const parts = office.locator('[data-test=roll-up-parts] tbody tr:not(.t-table__empty-row)')
    await parts.nth(1).waitFor()
    const rows = await parts.allInnerTexts()
    expect(rows[0]).to.include('市级 · 全市').and.include('市人大常委会')
    expect(rows[1]).to.include(`区县 · ${district.name}`).and.include(`${district.name}人大常委会`)
    // 面向 says, as 学习进度 does, whether anything reached them yet (this month's issue has no reading yet).
    expect(rows[0]).to.match(/\b\d+ 人（材料还没有发到）/)
    expect(await office.locator('[data-test=roll-up-total]').innerText()).to.include('同一人只算一次')
    // Nobody has checked in anywhere yet: said in words, not bars all at 0% (review 44).
    await office.locator('[data-test=roll-up-nobody]').getByText('还没有人打卡。', { exact: true }).waitFor()
    expect(await office.locator('.bar-chart').count(), 'no chart of nothing').to.equal(0)
    await screenshot(office, 'console-campaign-roll-up')
    expect(office.problems).to.deep.equal([])
  })

  it('a district organizer ticks 只看我创建的 and the city’s campaigns leave her list', async () => {
    const { city, district } = await organizers()
    const make = async (login: { username: string; password: string }, title: string) => {
      const made = await (
        await new Client(story.app.baseUrl).login(login.username, login.password)
      ).post('/api/admin/campaigns', { title, endsAt: '2099-01-01T00:00:00+08:00', audience: { districtIds: [district.id] } })
      expect(made.status, JSON.stringify(made.body)).to.equal(201)
    }
    await make(city, '市里布置的学习')
    await make(district.login, '区里自己的学习')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, district.login, '/campaigns')
    const rows = page.locator('.t-table tbody tr')
    await rows.filter({ hasText: '市里布置的学习' }).waitFor()
    await rows.filter({ hasText: '区里自己的学习' }).waitFor()
    const listed = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/admin/campaigns' && new URL(r.url()).searchParams.get('createdBy') === 'me')
    await page.locator('[data-test=mine-only]').getByText('只看我创建的').click()
    await listed
    await rows.filter({ hasText: '市里布置的学习' }).waitFor({ state: 'detached' })
    await rows.filter({ hasText: '区里自己的学习' }).waitFor()
    await screenshot(page, 'console-campaigns-mine')

    // Untick and tick again at once while the whole list is slow: its late answer does not replace hers.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const whole = (url: URL) => url.pathname === '/api/admin/campaigns' && !url.searchParams.has('createdBy')
    await page.route(whole, async (route) => {
      await held
      await route.continue()
    })
    const mineAgain = page.waitForResponse((r) => new URL(r.url()).searchParams.get('createdBy') === 'me')
    await page.locator('[data-test=mine-only]').getByText('只看我创建的').click()
    await page.locator('[data-test=mine-only]').getByText('只看我创建的').click()
    await mineAgain
    const late = page.waitForResponse((r) => whole(new URL(r.url())))
    release()
    await late
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect(await rows.filter({ hasText: '市里布置的学习' }).count(), 'the late whole list not shown').to.equal(0)
    await page.unroute(whole)
    expect(page.problems).to.deep.equal([])
  })
})
