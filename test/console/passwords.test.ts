import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/** What the console says wherever a session that was open has ended (SESSION_ENDED in admin/src/api.ts). */
const SESSION_ENDED = '登录已超时，请重新登录'

describe('console: passwords and locked accounts', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('a staff member changes their own password from the header, and logs in with it next time', async () => {
    const staff = story.app.login((l) => l.role === 'station_staff')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff)
    await page.locator('.shell-header').getByRole('button', { name: '修改密码' }).click()
    await page.getByRole('heading', { name: '修改密码' }).waitFor()

    await page.getByPlaceholder('请输入现在用的密码').fill('not-my-password')
    await page.getByPlaceholder('请设置新密码').fill('my-own-pass-2026')
    await page.getByPlaceholder('请再输一次').fill('my-own-pass-2025')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByText('两次输入的新密码不一样').waitFor()
    await page.getByPlaceholder('请再输一次').fill('my-own-pass-2026')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByText('当前密码不正确').waitFor()
    expect(await page.locator('.t-alert--error').innerText(), 'said once').to.equal('当前密码不正确')

    await page.getByPlaceholder('请输入现在用的密码').fill(staff.password)
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByText('密码已修改。下次登录请用新密码。').waitFor()
    await screenshot(page, 'change-password')

    await page.locator('.shell-header').getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(/\/console\/login/)
    await logInAs(page, { username: staff.username, password: 'my-own-pass-2026' })
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('an admin lifts the lock of a colleague who mistyped too often, and signs another out everywhere', async () => {
    const colleague = story.app.login((l) => l.role === 'organizer')
    const visitor = await newPage(story.browser, story.app)
    await visitor.goto('/console/login')
    await visitor.getByPlaceholder('请输入账号').fill(colleague.username)
    for (let i = 0; i < 6; i++) {
      await visitor.getByPlaceholder('请输入密码').fill(`wrong-${i}`)
      await visitor.getByRole('button', { name: '登录' }).click()
      await visitor.locator('.t-alert--error').waitFor()
    }
    await visitor.getByText(/登录失败次数过多/).waitFor()

    const signedIn = await newPage(story.browser, story.app)
    // Not the first station's staff member: the story above changed that password.
    const other = story.app.logins.filter((l) => l.role === 'station_staff')[1]
    await logInAs(signedIn, other)

    const admin = await newPage(story.browser, story.app)
    await logInAs(
      admin,
      story.app.login((l) => l.role === 'admin'),
    )
    await admin.goto('/console/staff')
    // The list says who is locked out, and offers 解除锁定 there only.
    const rowOf = (username: string) => admin.locator('[data-test=staff] tbody tr', { hasText: username })
    await rowOf(colleague.username).locator('[data-test=locked]').getByText('已锁定').waitFor()
    expect(await admin.locator('[data-test=locked]').count(), 'nobody else').to.equal(1)
    expect(await admin.getByRole('button', { name: '解除锁定' }).count()).to.equal(1)
    expect(await rowOf(other.username).getByRole('button', { name: '解除锁定' }).count()).to.equal(0)
    // Every action of the locked row inside its column (解除锁定 once pushed 强制下线 out of it), and
    // the three every row has where they are on the other rows.
    const actionsOf = async (username: string, names: string[]) => {
      const row = rowOf(username)
      const cell = (await row.locator('td').last().boundingBox())!
      const boxes = []
      for (const name of names) {
        const box = (await row.getByRole('button', { name }).boundingBox())!
        expect(box.x + box.width, `${name} inside its column`).to.be.at.most(cell.x + cell.width)
        boxes.push(box.x)
      }
      return boxes
    }
    const common = ['修改', '重置密码', '强制下线']
    expect(await actionsOf(colleague.username, [...common, '解除锁定'])).to.have.length(4)
    expect((await actionsOf(colleague.username, common)).map(Math.round)).to.deep.equal((await actionsOf(other.username, common)).map(Math.round))
    // The search row with room under the 新建账号 button, not pressed against it.
    const button = (await admin.getByRole('button', { name: '新建账号' }).boundingBox())!
    const search = (await admin.getByPlaceholder('按姓名或账号查找').boundingBox())!
    expect(search.y - (button.y + button.height), 'the room between 新建账号 and the search row').to.be.at.least(12)
    await screenshot(admin, 'staff-locked')
    await rowOf(colleague.username).getByRole('button', { name: '解除锁定' }).click()
    await admin.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    await admin.getByText(`已解除 ${colleague.name} 的登录锁定，现在可以用密码登录。`).waitFor()
    expect(await rowOf(colleague.username).getByText('已锁定').count(), 'the tag goes with the lock').to.equal(0)
    expect(await admin.getByRole('button', { name: '解除锁定' }).count()).to.equal(0)

    await admin.locator('[data-test=staff] tbody tr', { hasText: other.username }).getByRole('button', { name: '强制下线' }).click()
    await admin.locator('.t-popconfirm').last().getByRole('button', { name: '确定' }).click()
    await admin.getByText(`${other.name} 已在 1 处退出登录。`).waitFor()
    await screenshot(admin, 'staff-unlock')

    await visitor.getByPlaceholder('请输入密码').fill(colleague.password)
    await visitor.getByRole('button', { name: '登录' }).click()
    await visitor.waitForURL((url) => !url.pathname.endsWith('/login'))

    await signedIn.locator('.t-menu').getByText('代表与值班').click()
    await signedIn.waitForURL(/\/console\/login\?next=/)
    await signedIn.locator('.session-ended').getByText(SESSION_ENDED).waitFor()
    // Told on the login page, nothing uncaught inside the page signed out elsewhere (its reads meet the 401 too).
    for (const page of [visitor, admin, signedIn]) expect(page.problems).to.deep.equal([])
  })
})
