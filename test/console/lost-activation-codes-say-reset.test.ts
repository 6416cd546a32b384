import { staffSheet } from '../helpers/sheets.js'
import { logInAs, newPage, useConsole } from './harness.js'

/**
 * The admin imports two new clerks with the 激活码 cells blank. Right under the report the page offers the codes
 * once, and says what to do if they are not saved: 账号与角色 → 重置密码, which is there on the waiting account's row
 * (review 35, L6).
 */
describe('console: codes the system made say what replaces one not saved', function () {
  this.timeout(120_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('says 重置密码 under 账号与角色 beside 下载激活码, and the waiting account has that button', async () => {
    const { stations } = await story.app.liaison.store.directory.snapshot()
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory/import')

    const sheet = staffSheet(`sunli,孙丽,联络站工作人员,${stations[0].name},,,`)
    await page.getByLabel('名册文件').setInputFiles({ name: sheet.name, mimeType: 'text/csv', buffer: Buffer.from(sheet.csv) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-report]').getByText('导入完成', { exact: false }).waitFor()

    const codes = page.locator('[data-test=generated-codes]')
    await codes.getByText('没有保存好的，请到“账号与角色”为这些账号点“重置密码”，把新密码交给本人。', { exact: false }).waitFor()
    await page.locator('[data-test=import-warnings]').getByText('请到“账号与角色”找到这些账号，点“重置密码”，把新密码交给本人', { exact: false }).waitFor()

    await page.goto('/console/staff')
    const row = page.locator('[data-test=staff] tr', { hasText: '孙丽' })
    await row.getByText('待激活', { exact: false }).waitFor()
    await row.getByRole('button', { name: '重置密码' }).waitFor()
  })
})
