import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

describe('console: a password an admin gave must be changed at first login', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  const firstScreen = async (page: ConsolePage) => {
    await page.waitForURL(/\/console\/first-password$/)
    await page.getByRole('heading', { name: '请先设置新密码' }).waitFor()
  }

  it('a new colleague sees only the screen that changes it, cannot go elsewhere, and after the change lands on their home page', async () => {
    const station = (await story.app.liaison.store.stations.list())[0]
    const office = await asAdmin(story.app)
    const made = await office.post('/api/admin/staff', { name: '钱进', username: 'qianjin', role: 'station_staff', stationIds: [station.id] })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, { username: 'qianjin', password: made.body.initialPassword })
    await firstScreen(page)
    expect(await page.locator('.first-password-card').innerText()).to.include('管理员为您设置的初始密码，他人可能知道，请改成只有您知道的密码')
    expect(await page.locator('.t-menu').count(), 'no menu to wander off by').to.equal(0)
    await screenshot(page, 'first-password')

    await page.goto('/console/cases')
    await firstScreen(page)
    await page.goto('/console/password')
    await firstScreen(page)

    await page.getByPlaceholder('请输入管理员给您的密码').fill('not-the-given-one')
    await page.getByPlaceholder('请设置新密码').fill('qianjin-own-2026')
    await page.getByPlaceholder('请再输一次').fill('qianjin-own-2025')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByText('两次输入的新密码不一样').waitFor()
    await page.getByPlaceholder('请再输一次').fill('qianjin-own-2026')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByText('当前密码不正确').waitFor()

    await page.getByPlaceholder('请输入管理员给您的密码').fill(made.body.initialPassword)
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.waitForURL(/\/console\/cases$/)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.goto('/console/first-password')
    await page.waitForURL(/\/console\/cases$/)

    await page.locator('.shell-header').getByRole('button', { name: '退出登录' }).click()
    await logInAs(page, { username: 'qianjin', password: 'qianjin-own-2026' })
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('after an admin resets a password in the console, its owner must change it at the next login', async () => {
    const staff = story.app.logins.filter((l) => l.role === 'station_staff')[1]
    const admin = await newPage(story.browser, story.app)
    await logInAs(
      admin,
      story.app.login((l) => l.role === 'admin'),
    )
    await admin.goto('/console/staff')
    const row = admin.locator('[data-test=staff] tbody tr', { hasText: staff.username })
    await row.getByRole('button', { name: '重置密码' }).click()
    await admin.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    const told = admin.locator('[data-test=new-password]')
    await told.waitFor()
    expect(await told.innerText()).to.include('要先换成只有自己知道的密码')
    const password = await told.locator('.pw').innerText()
    await row.getByText('待本人改密码').waitFor()

    const page = await newPage(story.browser, story.app)
    await logInAs(page, { username: staff.username, password })
    await firstScreen(page)
    await page.getByPlaceholder('请输入管理员给您的密码').fill(password)
    await page.getByPlaceholder('请设置新密码').fill('my-own-pass-2026')
    await page.getByPlaceholder('请再输一次').fill('my-own-pass-2026')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    for (const p of [admin, page]) expect(p.problems).to.deep.equal([])
  })
})
