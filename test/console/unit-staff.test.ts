import { expect } from 'chai'
import { logInAs, newPage, useConsole } from './harness.js'

/**
 * A handling unit's staff (承办单位工作人员) log in to the same console as the congress's
 * staff, but have one page: the suggestions assigned to their unit. They land there, the menu
 * offers nothing else, and an address of another page sends them back instead of showing 403s.
 */
describe("console: a handling unit's login", function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  // The chat account by the nickname the office gave it (config bot.nickname): the binding dialog says it.
  const story = useConsole({ overrides: { bot: { nickname: '澜江人大联络站' } } })

  it('lands on 交办建议, sees only its own pages in the menu (交办建议, 民生实事), and is sent back from any other page', async () => {
    const page = await newPage(story.browser, story.app)
    const refused: string[] = []
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(new URL(r.url()).pathname)
    })
    await logInAs(
      page,
      story.app.login((l) => l.role === 'unit_staff'),
    )
    await page.getByRole('heading', { name: '交办建议' }).waitFor()
    expect(new URL(page.url()).pathname).to.equal('/console/unit/suggestions')
    expect(await page.locator('.t-menu .t-menu__item').allInnerTexts()).to.deep.equal(['交办建议', '民生实事'])
    expect(await page.locator('.shell-header').innerText()).to.include('承办单位工作人员')

    for (const elsewhere of ['/console/dashboard', '/console/cases', '/console/suggestions', '/console/units', '/console/staff']) {
      await page.goto(elsewhere)
      await page.getByRole('heading', { name: '交办建议' }).waitFor()
      expect(new URL(page.url()).pathname, elsewhere).to.equal('/console/unit/suggestions')
    }
    expect(refused).to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })

  it('shows on its home what the unit still owes, and gives a code to bind WeChat for reminders', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'unit_staff'),
    )
    const pending = page.locator('[data-test=pending]')
    await pending.waitFor()
    expect(await pending.innerText()).to.match(/^本单位(待答复的建议共 \d+ 件|目前没有待答复的建议)/)
    await page.getByRole('button', { name: '绑定微信接收提醒' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '绑定微信接收提醒' })
    await dialog.getByLabel('绑定码').waitFor()
    const code = await dialog.getByLabel('绑定码').innerText()
    expect(code).to.match(/^\d{6}$/)
    expect(await dialog.innerText()).to.include(`绑定 ${code}`)
    expect(await dialog.getByTestId('find-bot').innerText()).to.equal('在微信里加微信助手（微信里的名字叫“澜江人大联络站”）为好友。')
    // Who will tell her, by its one name: the nickname is for finding it, above.
    expect(await dialog.innerText()).to.include('以及民生实事项目该报进度时，微信助手会在微信里单独告诉您。')
    expect(page.problems).to.deep.equal([])
  })

  it('an organizer does not see 交办建议, and an organizer (not an admin) is not offered the units list', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.locator('.t-menu').getByText('代表建议').waitFor()
    const menu = await page.locator('.t-menu').innerText()
    expect(menu).to.include('建议办理统计')
    expect(menu).not.to.include('交办建议')
    expect(menu).not.to.include('承办单位')
  })
})
