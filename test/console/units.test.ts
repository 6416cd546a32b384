import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * The admins keep the handling units (承办单位) and give each unit's staff a login that
 * belongs to their unit: both from the console, as an admin would.
 */
describe('console: handling units and their staff accounts', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('an admin adds a unit, renames it, and gives a new staff member a login for it', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
    )
    await page.locator('.t-menu').getByText('承办单位', { exact: true }).click()
    await page.getByRole('heading', { name: '承办单位' }).waitFor()
    await page.locator('[data-test=units] tbody tr', { hasText: '青澜市住房和城乡建设局' }).waitFor()

    await page.getByRole('button', { name: '新增承办单位' }).click()
    const form = page.locator('[data-test=unit-form]')
    await form.getByPlaceholder('例如：青澜市水务局').fill('青澜市水务局')
    await form.getByPlaceholder('字母或数字，如 ZJJ').fill('swj')
    await form.getByPlaceholder('电话或联系人（可不填）').fill('0371-6000 1010')
    await page.getByRole('button', { name: '保存' }).click()
    const row = page.locator('[data-test=units] tbody tr', { hasText: '青澜市水务局' })
    expect(await row.innerText())
      .to.include('SWJ')
      .and.include('政府职能部门')
      .and.include('启用')
    await screenshot(page, 'console-units')

    await row.getByRole('button', { name: '修改' }).click()
    await form.getByPlaceholder('例如：青澜市水务局').fill('青澜市水利局')
    await page.getByRole('button', { name: '保存' }).click()
    await page.locator('[data-test=units] tbody tr', { hasText: '青澜市水利局' }).waitFor()

    await page.goto('/console/staff')
    await page.getByRole('button', { name: '新建账号' }).click()
    await page.locator('.t-dialog .t-radio__label', { hasText: '承办单位工作人员' }).click()
    const dialog = page.locator('.t-dialog')
    await dialog.locator('input').first().fill('钱水')
    await dialog.getByPlaceholder('小写字母开头，如 lina').fill('qianshui')
    await page.locator('.t-select__wrap[aria-label="所在承办单位"], [aria-label="所在承办单位"]').first().click()
    await page.locator('.t-select-option', { hasText: '青澜市水利局' }).click()
    await dialog.locator('.t-dialog__header').click() // closes the choices, not the dialog
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.locator('[data-test=new-password]').waitFor()
    const account = await page.locator('[data-test=staff] tbody tr', { hasText: 'qianshui' }).innerText()
    expect(account).to.include('承办单位工作人员').and.include('青澜市水利局')
    expect(page.problems).to.deep.equal([])
  })
})
