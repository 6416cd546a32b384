import { expect } from 'chai'
import { logInAs, newPage, screenshot, shownOptions, useConsole, type ConsolePage } from './harness.js'

/**
 * A 街道人大工委 works in the console as a district's office does, on their street: the city
 * office gives 周敏 人民路街道 (its stations 和平社区代表联络站 and 鼓楼社区代表联络站), and
 * she finds her street's name, stations and report wherever she is asked where.
 */
describe('console: a street organizer works on their street', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const STREET = { id: 's0102', name: '人民路街道', stations: ['和平社区代表联络站', '鼓楼社区代表联络站'] }
  let zhoumin: { username: string; password: string } | null = null

  const visible = (page: ConsolePage) => page.locator('.t-select-option').filter({ visible: true })
  /** The options of the open select once every one in `wanted` is drawn. */
  const optionsShown = (page: ConsolePage, wanted: string[]) => shownOptions(page, (texts) => wanted.every((w) => texts.includes(w)))

  /** The admin gives her the street in 账号与角色, as the office would; she then sets her own password. */
  async function streetOrganizer(): Promise<{ username: string; password: string }> {
    if (zhoumin) return zhoumin
    const district = (await story.app.liaison.store.regions.get('d01'))!.name
    const admin = await newPage(story.browser, story.app)
    await logInAs(
      admin,
      story.app.login((l) => l.role === 'admin'),
      '/staff',
    )
    await admin.getByRole('button', { name: '新建账号' }).click()
    const dialog = admin.locator('.t-dialog')
    await dialog.locator('input').first().fill('周敏')
    await dialog.getByPlaceholder('小写字母开头，如 lina').fill('zhoumin')
    await dialog.locator('.t-radio__label', { hasText: '人大办工作人员' }).click()
    await dialog.locator('[aria-label="负责范围"]').first().click()
    const offered = await optionsShown(admin, [district, `${district} ${STREET.name}`])
    expect(offered, 'districts and, after each, its streets').to.include.members([district, `${district} ${STREET.name}`])
    await visible(admin)
      .filter({ hasText: `${district} ${STREET.name}` })
      .click()
    await dialog.locator('.t-dialog__header').click() // closes the choices, not the dialog
    await screenshot(admin, 'console-staff-street-organizer')
    await dialog.getByRole('button', { name: '保存' }).click()
    const given = await admin.locator('[data-test=new-password] .pw').innerText()
    const row = admin.locator('[data-test=staff] tbody tr', { hasText: 'zhoumin' })
    expect(await row.innerText(), 'her scope said by name').to.include(`${district} ${STREET.name}`)
    expect(admin.problems).to.deep.equal([])

    const own = 'zhoumin-own-2026'
    const page = await newPage(story.browser, story.app)
    await logInAs(page, { username: 'zhoumin', password: given })
    await page.getByPlaceholder('请输入管理员给您的密码').fill(given)
    await page.getByPlaceholder('请设置新密码').fill(own)
    await page.getByPlaceholder('请再输一次').fill(own)
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/first-password'))
    zhoumin = { username: 'zhoumin', password: own }
    return zhoumin
  }

  it("opens the weekly report of her street, named in the picker and the title, with no district's topic training", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await streetOrganizer(), '/analysis/weekly-report')
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    await page.locator('.report .title').waitFor()
    expect(await page.locator('.report .title').innerText()).to.equal(`${STREET.name}人大代表联络站留言分析周报`)
    expect(await page.getByLabel('范围').locator('input').inputValue(), 'the picker names what is shown').to.equal(STREET.name)
    await page.getByLabel('范围').click()
    expect(await optionsShown(page, [STREET.name])).to.deep.equal([STREET.name])
    await page.keyboard.press('Escape')
    expect(await page.getByText('主题分类').count(), 'topics are trained per district, not per street').to.equal(0)
    await screenshot(page, 'console-street-weekly-report')
    expect(page.problems).to.deep.equal([])
  })

  it('invites from her stations without a district to choose, and sees her street in the directory', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await streetOrganizer(), '/meetings/new')
    await page.getByPlaceholder('不选则不限联络站').click()
    expect((await optionsShown(page, STREET.stations)).sort()).to.deep.equal([...STREET.stations].sort())
    await page.keyboard.press('Escape')
    expect(await page.getByPlaceholder('不选则不限区县').count(), 'no district is hers to pick').to.equal(0)

    await page.goto('/console/directory')
    await page.locator('[data-test=stations] tbody tr:not(.t-table__empty-row)').first().waitFor()
    const listed = await page.locator('[data-test=stations] tbody tr:not(.t-table__empty-row) td:nth-child(2)').allInnerTexts()
    expect(listed.sort()).to.deep.equal([...STREET.stations].sort())
    await page.locator('.t-tabs__nav-item', { hasText: '地区' }).click()
    const tree = page.locator('[data-test=region-tree]')
    await tree.locator('.t-tree__item').first().waitFor()
    expect(await tree.locator('.t-tree__item').first().innerText(), 'her street at the root of the tree').to.include(STREET.name)
    await screenshot(page, 'console-street-directory')
    expect(page.problems).to.deep.equal([])
  })

  it('reads the working calendar in plain words, with no file or command to import that only the admin may use', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, await streetOrganizer(), '/calendar')
    await page.locator('[data-test=calendar-years] tbody tr:not(.t-table__empty-row)').first().waitFor()
    const card = await page.locator('.t-card').first().innerText()
    expect(card).to.include('办理期限按工作日计算')
    expect(card, 'no file format nor server command for her').not.to.match(/holiday-cn|npm|import/)
    expect(await page.getByRole('button', { name: '导入' }).count()).to.equal(0)
    await screenshot(page, 'console-street-calendar')
    expect(page.problems).to.deep.equal([])
  })

  it("her district's office picks her street in the weekly report and reads the street's own", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenmingliang'), // the organizer of the street's district
      '/analysis/weekly-report',
    )
    await page.locator('.report .title').waitFor()
    const district = (await story.app.liaison.store.regions.get('d01'))!.name
    expect(await page.locator('.report .title').innerText()).to.equal(`${district}人大代表联络站留言分析周报`)
    await page.getByLabel('范围').click()
    const offered = await optionsShown(page, [district, '建设路街道', STREET.name])
    expect(offered.slice(0, 2), 'the district, then its streets').to.deep.equal([district, '建设路街道'])
    expect(offered).to.include(STREET.name)
    await visible(page).filter({ hasText: STREET.name }).click()
    await page.locator('.report .title', { hasText: STREET.name }).waitFor()
    expect(await page.locator('.report .title').innerText()).to.equal(`${STREET.name}人大代表联络站留言分析周报`)
    expect(page.problems).to.deep.equal([])
  })
})
