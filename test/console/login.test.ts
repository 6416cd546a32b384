import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

describe('console: logging in', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('a wrong password is told in Chinese; the right one opens the station inbox with the station menu', async () => {
    const page = await newPage(story.browser, story.app)
    await page.goto('/console/cases')
    await page.waitForURL(/\/console\/login\?next=/)
    await page.getByPlaceholder('请输入账号').fill(story.app.login((l) => l.role === 'station_staff').username)
    await page.getByPlaceholder('请输入密码').fill('wrong-password')
    // Room between the password box and the button, with no error between them as with one.
    const gapBelowPassword = async (below: string) => {
      const box = await page.locator('.t-input', { has: page.getByPlaceholder('请输入密码') }).boundingBox()
      return (await page.locator(below).first().boundingBox())!.y - (box!.y + box!.height)
    }
    expect(await gapBelowPassword('button[type=submit]')).to.be.at.least(16)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByText('账号或密码不对，请再输一次；忘了密码请找管理员重置。').waitFor()
    expect(await gapBelowPassword('.login-error')).to.be.at.least(16)
    const error = (await page.locator('.login-error').boundingBox())!
    expect((await page.locator('button[type=submit]').boundingBox())!.y - (error.y + error.height)).to.be.at.least(16)
    await screenshot(page, 'login')

    const staff = story.app.login((l) => l.role === 'station_staff')
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    expect(new URL(page.url()).pathname).to.equal('/console/cases')
    const menu = await page.locator('.t-menu').innerText()
    expect(menu).to.include('留言办理')
    expect(menu, 'the office’s weekly report is not in a station’s menu').not.to.include('分析周报')
    expect(page.problems).to.deep.equal([])
  })

  it('when the session has ended, the next page sends the person to log in and then back where they were going', async () => {
    const page = await newPage(story.browser, story.app)
    const staff = story.app.login((l) => l.role === 'station_staff')
    const lists = page.waitForResponse((r) => r.url().includes('/api/admin/deputies')) // the inbox's last list for its filters
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await lists
    await page.context().clearCookies() // as when the session times out
    await page.locator('.t-menu').getByText('代表与值班').click()
    await page.waitForURL(/\/console\/login\?next=(%2F|\/)deputies/)
    await page.getByPlaceholder('请输入账号').fill(staff.username)
    await page.getByPlaceholder('请输入密码').fill(staff.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/console\/deputies/)
    await page.getByRole('heading', { name: '代表与值班' }).waitFor()
  })

  it('a new colleague with an activation code from the office sets a password at first login and is let in', async () => {
    await story.app.liaison.services.importer.import(
      { staff: [{ id: 'sf-new', name: '王芳', role: 'organizer', stationIds: [], regionIds: [], username: 'wangfang', activationCode: 'K7P2-Q9XM-4TVA' }] },
      null,
    )
    const page = await newPage(story.browser, story.app)
    await page.goto('/console/login')
    await page.getByText('第一次登录？使用激活码').click()
    await page.getByPlaceholder('请输入账号').fill('wangfang')
    await page.getByPlaceholder('请输入激活码').fill('K7P2-Q9XM-4TVA')
    await page.getByPlaceholder('请设置新密码').fill('wangfang-2026')
    await page.getByPlaceholder('请再输一次').fill('wangfang-2025')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await page.getByText('两次输入的新密码不一样').waitFor()
    await page.getByPlaceholder('请再输一次').fill('wangfang-2026')
    await screenshot(page, 'login-activation')
    await page.getByRole('button', { name: '设置密码并登录' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/console/login'))
    await page.locator('.t-menu').waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
