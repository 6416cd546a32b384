import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const RULE = '至少 8 位，字母和数字混着用；不能全是数字，不要用自己的姓名、账号、电话、生日，也不要用 1234、abcd、aaaa、qwerty 这样连着或重复的字符。'

/**
 * A district office taking Liaison live: its clerks choose their first passwords. The page says the rule the
 * server holds them to before they type (not only 至少 8 位), and when the server refuses one, its words stand
 * under the field they must change.
 */
describe('console: the password rule is said before typing, a refusal under the field', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  const field = (page: ConsolePage) => page.locator('[data-test=new-password-field]')

  it('first login with an activation code: the rule is shown, a guessable password is refused under the field', async () => {
    await story.app.liaison.services.importer.import(
      { staff: [{ id: 'sf-rule', name: '何平', role: 'organizer', stationIds: [], regionIds: [], username: 'heping', activationCode: 'WT-HP-7731-K9' }] },
      null,
    )
    const page = await newPage(story.browser, story.app)
    await page.goto('/console/login')
    await page.getByText('第一次登录？使用激活码').click()
    expect(await field(page).innerText()).to.include(RULE)
    expect(await field(page).innerText()).not.to.include('至少 8 位）')

    await page.getByPlaceholder('请输入账号').fill('heping')
    await page.getByPlaceholder('请输入激活码').fill('WT-HP-7731-K9')
    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('13905712233')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    const refusal = field(page).getByText('这个密码太简单，容易被人猜到：密码不能全是数字（手机号、生日、12345678 这类最容易被猜到）', { exact: false })
    await refusal.waitFor()
    expect(await page.locator('.login-error').count(), 'said once, under the field').to.equal(0)
    await screenshot(page, 'password-rule-activation')

    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('password1')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await field(page).getByText('这是很多人都在用的常见密码', { exact: false }).waitFor()

    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('tong-hua-lu-2026')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/console/login'))
    await page.locator('.t-menu').waitFor()
  })

  it('changing an initial password: the rule is shown, and the refusal stands under the new password', async () => {
    const station = (await story.app.liaison.store.stations.list())[0]
    const office = await asAdmin(story.app)
    const made = await office.post('/api/admin/staff', { name: '钱进', username: 'qianjin', role: 'station_staff', stationIds: [station.id] })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, { username: 'qianjin', password: made.body.initialPassword })
    await page.getByRole('heading', { name: '请先设置新密码' }).waitFor()
    expect(await field(page).innerText()).to.include(RULE)

    await page.getByPlaceholder('请输入管理员给您的密码').fill(made.body.initialPassword)
    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('asdfghjkl;')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await field(page).getByText('这个密码太简单，容易被人猜到：密码是键盘上挨着的几个键（如 qwerty、1qaz2wsx）', { exact: false }).waitFor()
    expect(await page.locator('.first-password-card .t-alert').count(), 'said once, under the field').to.equal(0)
    // The refusal names what the page calls it (账号), as the rule above does.
    expect(await field(page).innerText())
      .to.include('不要用姓名、账号、电话、生日')
      .and.not.include('用户名')
    await screenshot(page, 'password-rule-first-password')

    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('qian-jin-lu-2026')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
  })
})
