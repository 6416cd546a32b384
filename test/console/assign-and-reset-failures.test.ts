import { expect } from 'chai'
import { asAdmin, Client } from '../helpers/app.js'
import { suggestionAwaitingAssignment } from './suggestion-awaiting.js'
import { dropdownSays, logInAs, newPage, screenshot, useConsole } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}
const UNITS = /\/api\/admin\/units(\?|$)/
const NO_UNITS_YET = '还没有承办单位。请先在“承办单位”里添加。'
const UNIT = '青澜市住房和城乡建设局' // the demo city's u01
const IDLE_PAST_LIMIT_MS = 121 * 60_000 // the console ends a session unused for 120 minutes
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/**
 * What the office meets when the server fails it halfway through a task, or has nothing to offer:
 * - 交办 while the units cannot be read says so with 重试 and assigns nothing until they are read
 *   (before, the dialog looked as if there were no units at all);
 * - a unit picker with no unit yet (代表建议's filter, 交办, 民生实事) says where to add one, not
 *   没有找到，换个字试试, and a filter whose units could not be read says that;
 * - a 重置密码 that fails says why in the question, which stays open with 重试;
 * - an upload in the meeting form after the session ended leads to the login page, as every other
 *   click of the console does.
 */
describe('console: 交办, 重置密码 and 上传附件 when the server fails them', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const organizer = () => story.app.login((l) => l.role === 'organizer')
  const admin = () => story.app.login((l) => l.role === 'admin')

  it('交办 while the units cannot be read says so with 重试, waits, and assigns once 重试 has read them', async () => {
    const id = await suggestionAwaitingAssignment(story.app, '关于老旧小区加装电梯的建议')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer(), `/suggestions/${id}`)
    await page.locator('[data-test=status]', { hasText: '已立案待交办' }).waitFor()
    await page.route(UNITS, (r) => (r.request().method() === 'GET' ? r.fulfill(DOWN) : r.fallback()))
    await page.getByRole('button', { name: '交办', exact: true }).click()

    const dialog = page.locator('.t-dialog', { hasText: '交办承办单位' })
    const failed = dialog.getByTestId('load-failed')
    await failed.waitFor()
    expect(await failed.innerText()).to.include('没有读到承办单位：系统出了点问题，请稍后再试')
    const confirm = dialog.getByRole('button', { name: '确认交办' })
    expect(await confirm.isDisabled(), 'nothing is assigned before the units are read').to.equal(true)
    await screenshot(page, 'assign-units-failed')

    await page.unroute(UNITS)
    await failed.getByRole('button', { name: '重试' }).click()
    await failed.waitFor({ state: 'detached' })
    expect(await confirm.isEnabled(), 'once read, 确认交办 can be clicked').to.equal(true)
    await page.getByPlaceholder('选择主办单位').click()
    await page.locator('.t-select-option', { hasText: UNIT }).click()
    await confirm.click()
    await page.locator('[data-test=status]', { hasText: '办理中' }).waitFor()
    expect(await page.locator('[data-test=assignment]').innerText()).to.include(UNIT)
    expect(page.problems).to.deep.equal([])
  })

  it('with no unit yet, 代表建议’s filter, 交办 and 民生实事 say where to add one; a filter whose units failed says so', async () => {
    const id = await suggestionAwaitingAssignment(story.app, '关于增设社区养老食堂的建议')
    const office = await asAdmin(story.app)
    const now = story.app.clock.now().getTime()
    const cycle = await office.post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      projectCount: 1,
    })
    expect(cycle.status, JSON.stringify(cycle.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    // No handling unit has been added yet.
    await page.route(UNITS, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [] }) }))

    await page.goto('/console/suggestions')
    await page.getByRole('heading', { name: '代表建议' }).waitFor()
    await page.getByPlaceholder('全部承办单位').click()
    const filter = await dropdownSays(page, NO_UNITS_YET)
    await screenshot(page, 'no-units-yet-suggestion-filter')
    expect(filter).to.equal(NO_UNITS_YET)
    await page.keyboard.press('Escape')

    await page.goto(`/console/suggestions/${id}`)
    await page.locator('[data-test=status]', { hasText: '已立案待交办' }).waitFor()
    await page.getByRole('button', { name: '交办', exact: true }).click()
    await page.getByPlaceholder('选择主办单位').click()
    expect(await dropdownSays(page, NO_UNITS_YET)).to.equal(NO_UNITS_YET)
    await page.keyboard.press('Escape')

    await page.goto('/console/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()
    const form = page.locator('[data-test=merge]')
    await form.getByLabel('承办单位').click()
    const projects = await dropdownSays(page, NO_UNITS_YET)
    await screenshot(page, 'no-units-yet-projects')
    expect(projects).to.equal(NO_UNITS_YET)
    await page.keyboard.press('Escape')

    // Units that could not be read are not "no units".
    await page.unroute(UNITS)
    await page.route(UNITS, (r) => r.fulfill(DOWN))
    await page.goto('/console/suggestions')
    await page.getByRole('heading', { name: '代表建议' }).waitFor()
    await page.getByPlaceholder('全部承办单位').click()
    expect(await dropdownSays(page, '没有读到承办单位，请稍后刷新页面再试。')).to.equal('没有读到承办单位，请稍后刷新页面再试。')
    expect(page.problems).to.deep.equal([])
  })

  it('a 重置密码 that fails says why and stays open; 重试 gives the new password', async () => {
    const staff = story.app.logins.filter((l) => l.role === 'station_staff')[2]
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin(), '/staff')
    const row = page.locator('[data-test=staff] tbody tr', { hasText: staff.username })
    const resetRoute = /\/api\/admin\/staff\/[^/]+\/password-reset$/
    await page.route(resetRoute, (r) => r.fulfill(DOWN))
    await row.getByRole('button', { name: '重置密码' }).click()
    const ask = page.locator('.t-popconfirm').filter({ visible: true })
    await ask.getByRole('button', { name: '确定' }).click()

    const why = ask.locator('[data-test=reset-error]')
    await why.waitFor()
    expect(await why.innerText()).to.equal('密码没有重置：系统出了点问题，请稍后再试')
    expect(await ask.innerText()).to.include(`为 ${staff.name} 生成新密码？`)
    expect(await page.locator('[data-test=new-password]').count(), 'no password is shown').to.equal(0)
    await screenshot(page, 'password-reset-failed')

    await page.unroute(resetRoute)
    await ask.getByRole('button', { name: '重试' }).click()
    const told = page.locator('[data-test=new-password]')
    await told.waitFor()
    expect(await told.innerText()).to.include(`${staff.name}的密码是`)
    await page.locator('.t-popconfirm').filter({ visible: true }).waitFor({ state: 'detached' })
    await row.getByText('待本人改密码').waitFor()
    // The password shown is the one the server now holds.
    await new Client(story.app.baseUrl).login(staff.username, await told.locator('.pw').innerText())

    // One question at a time: another row's 重置密码 opens its own in place of the one open.
    const [first, second] = story.app.logins.filter((l) => l.role === 'station_staff').slice(3, 5)
    const question = (name: string) => page.locator('.t-popconfirm', { hasText: `为 ${name} 生成新密码？` })
    await page.locator('[data-test=staff] tbody tr', { hasText: first.username }).getByRole('button', { name: '重置密码' }).click()
    await question(first.name).waitFor()
    await page.locator('[data-test=staff] tbody tr', { hasText: second.username }).getByRole('button', { name: '重置密码' }).click()
    await question(second.name).waitFor()
    await question(first.name).waitFor({ state: 'hidden' })
    await question(second.name).getByRole('button', { name: '取消' }).click()
    await question(second.name).waitFor({ state: 'hidden' })
    expect(page.problems).to.deep.equal([])
  })

  it('上传附件 after the session ended leads to the login page, which says so, and back to the form once logged in', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer(), '/meetings/new')
    await page.getByRole('heading', { name: '新建会议' }).waitFor()
    // The form's own reads first (the invitee count asks the server a moment after it opens): one of them
    // meeting the ended session would send her to the login page before she reaches 上传附件.
    await page.locator('[data-test=invitee-preview]', { hasText: '共' }).waitFor()
    await page.waitForLoadState('networkidle')

    story.app.clock.advance(IDLE_PAST_LIMIT_MS)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '上传附件' }).click()
    await (await chooser).setFiles({ name: '会议议程.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.waitForURL((url) => url.pathname === '/console/login' && url.searchParams.get('next') === '/meetings/new')
    await page.getByText('登录已超时，请重新登录').waitFor()
    await screenshot(page, 'meeting-upload-session-ended')

    await page.getByPlaceholder('请输入账号').fill(organizer().username)
    await page.getByPlaceholder('请输入密码').fill(organizer().password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '新建会议' }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
