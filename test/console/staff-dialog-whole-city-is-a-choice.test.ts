import { expect } from 'chai'
import { dialogShown, logInAs, newPage, screenshot, shownOptions, useConsole, type ConsolePage } from './harness.js'

/**
 * 新建账号 offered 负责范围 with the placeholder "不选表示全市": an admin who skipped it made an organizer of every
 * district. 全市 is now one of the choices, the first; a 负责范围 left empty is asked about in the dialog, and an
 * organizer stored with no regions opens with 全市 chosen.
 */
describe('console: an organizer’s 全市 is chosen in 账号与角色, never left blank', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  const dialogOf = (page: ConsolePage) => page.locator('.t-dialog').filter({ visible: true })
  /** The choices 负责范围 holds now, as its tags show them. */
  const chosen = (page: ConsolePage) => dialogOf(page).locator('.t-select .t-tag').allInnerTexts()
  const pick = async (page: ConsolePage, label: string) => {
    await dialogOf(page).locator('[aria-label="负责范围"]').first().click()
    await shownOptions(page, (texts) => texts.includes(label))
    await page
      .locator('.t-select-option')
      .filter({ visible: true })
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click()
    await dialogOf(page).locator('.t-dialog__header').click() // closes the choices, not the dialog
  }

  it('asks for 负责范围 left empty, takes 全市 or places but not both, and shows 全市 again on 修改', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
      '/staff',
    )
    const district = (await story.app.liaison.store.regions.get('d01'))!.name
    await page.getByRole('button', { name: '新建账号' }).click()
    const dialog = dialogOf(page)
    await dialogShown(page)
    await dialog.locator('input').first().fill('郑新')
    await dialog.getByPlaceholder('小写字母开头，如 lina').fill('zhengxin')
    await dialog.locator('.t-radio__label', { hasText: '人大办工作人员' }).click()
    expect(await dialog.locator('[aria-label="负责范围"] input').first().getAttribute('placeholder')).to.equal('请选择区县或街道；负责全市的选“全市”')

    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.locator('.t-alert').waitFor()
    expect(await dialog.locator('.t-alert').innerText(), 'asked, not made whole-city').to.include('请选择负责的地区，负责全市的请选“全市”')
    expect(await page.locator('[data-test=new-password]').count(), 'no account made').to.equal(0)

    await dialog.locator('[aria-label="负责范围"]').first().click()
    const offered = await shownOptions(page, (texts) => texts.includes(district))
    expect(offered[0], '全市 first among the choices').to.equal('全市')
    await page
      .locator('.t-select-option')
      .filter({ visible: true })
      .filter({ hasText: /^全市$/ })
      .click()
    await dialog.locator('.t-dialog__header').click()
    expect(await chosen(page)).to.deep.equal(['全市'])
    expect(await dialog.locator('.t-alert').count(), 'the question answered goes').to.equal(0)
    await pick(page, district)
    expect(await chosen(page), 'a place chosen after 全市 replaces it').to.deep.equal([district])
    await pick(page, '全市')
    expect(await chosen(page), '全市 chosen after a place replaces it').to.deep.equal(['全市'])
    await screenshot(page, 'console-staff-whole-city-chosen')

    await dialog.getByRole('button', { name: '保存' }).click()
    await page.locator('[data-test=new-password]').waitFor()
    const row = page.locator('[data-test=staff] tbody tr', { hasText: 'zhengxin' })
    expect(await row.innerText()).to.include('全市')
    const made = await story.app.liaison.store.staff.getByUsername('zhengxin')
    expect(made).to.deep.include({ role: 'organizer', regionIds: [] })

    // Stored with no regions, as the import stores 全市 too, she opens with 全市 chosen and is saved as she was.
    await row.getByRole('button', { name: '修改' }).click()
    await dialogShown(page)
    expect(await chosen(page)).to.deep.equal(['全市'])
    await dialogOf(page).getByRole('button', { name: '保存' }).click()
    await dialogOf(page).waitFor({ state: 'hidden' })
    expect((await story.app.liaison.store.staff.getByUsername('zhengxin'))?.regionIds).to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })
})
