import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asAdmin } from '../helpers/app.js'
import { suggestionAwaitingAssignment } from './suggestion-awaiting.js'
import { dropdownSays, logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'

const UNITS = /\/api\/admin\/units(\?|$)/
const UNIT = '青澜市住房和城乡建设局' // the demo city's u01
const ASK_ADMIN = '还没有承办单位。请联系系统管理员添加。'
const ASK_ADMIN_STOPPED = '承办单位都已停用。请联系系统管理员启用。'
const NO_OTHER_UNIT = '除主办单位外，没有其他承办单位可选。'

type Unit = { id: string; name: string; active: boolean }

/**
 * Only the system administrator adds handling units or turns them back on: 承办单位 is in no one
 * else's menu, and the server takes those changes from the admin alone. So a unit picker with
 * nothing to offer tells an organizer (人大办工作人员) to ask the system administrator, never to
 * go to a page she cannot find; the administrator is still sent to 承办单位.
 * And 交办's 协办单位 picker, when the only unit there is has been chosen as 主办, says there is no
 * other unit, not 没有找到，换个字试试 as if what she typed had found nothing.
 */
describe('console: unit pickers say what is true for the person reading them', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const organizer = () => story.app.login((l) => l.role === 'organizer')
  const admin = () => story.app.login((l) => l.role === 'admin')

  /** From now on the tab reads the units the server has, passed through `pick` (none, all stopped, only one). */
  async function unitsAre(page: Page, pick: (units: Unit[]) => Unit[]) {
    await page.unroute(UNITS)
    await page.route(UNITS, async (r) => {
      if (r.request().method() !== 'GET') return r.fallback()
      const real = await r.fetch()
      await r.fulfill({ response: real, json: { items: pick(((await real.json()) as { items: Unit[] }).items) } })
    })
  }

  /** Opens 交办 on the suggestion's page, its units read. */
  async function openAssign(page: Page, id: string) {
    await page.goto(`/console/suggestions/${id}`)
    await page.locator('[data-test=status]', { hasText: '已立案待交办' }).waitFor()
    await page.getByRole('button', { name: '交办', exact: true }).click()
    const dialog = page.locator('.t-dialog', { hasText: '交办承办单位' })
    // 确认交办 opens once the units are read.
    await dialog.locator('button:enabled', { hasText: '确认交办' }).waitFor()
    return dialog
  }

  it('an organizer with no unit, or only stopped ones, is told to ask the system administrator in 代表建议, 交办 and 民生实事', async () => {
    const id = await suggestionAwaitingAssignment(story.app, '关于增设社区养老食堂的建议')
    const now = story.app.clock.now().getTime()
    const cycle = await (
      await asAdmin(story.app)
    ).post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      projectCount: 1,
    })
    expect(cycle.status, JSON.stringify(cycle.body)).to.equal(201)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer())
    // What the words rest on: she has no 承办单位 in her menu.
    await page.locator('.t-menu').getByText('代表建议', { exact: true }).waitFor()
    expect(await page.locator('.t-menu').getByText('承办单位', { exact: true }).count(), 'an organizer has no 承办单位 page').to.equal(0)
    await unitsAre(page, () => [])

    await page.goto('/console/suggestions')
    await page.getByRole('heading', { name: '代表建议' }).waitFor()
    await page.getByPlaceholder('全部承办单位').click()
    const filter = await dropdownSays(page, ASK_ADMIN)
    await screenshot(page, 'unit-pickers-organizer-no-units-filter')
    expect(filter).to.equal(ASK_ADMIN)
    await page.keyboard.press('Escape')

    const dialog = await openAssign(page, id)
    await dialog.getByPlaceholder('选择主办单位').click()
    expect(await dropdownSays(page, ASK_ADMIN)).to.equal(ASK_ADMIN)
    await page.keyboard.press('Escape')
    await dialog.getByLabel('协办单位').click()
    const co = await dropdownSays(page, ASK_ADMIN)
    await screenshot(page, 'unit-pickers-organizer-no-units-assign')
    expect(co).to.equal(ASK_ADMIN)
    await page.keyboard.press('Escape')

    await page.goto('/console/projects')
    await page.getByRole('heading', { name: '民生实事' }).waitFor()
    await page.locator('[data-test=merge]').getByLabel('承办单位').click()
    const projects = await dropdownSays(page, ASK_ADMIN)
    await screenshot(page, 'unit-pickers-organizer-no-units-projects')
    expect(projects).to.equal(ASK_ADMIN)
    await page.keyboard.press('Escape')

    // Every unit stopped (停用): turning one back on is the administrator's too.
    await unitsAre(page, (units) => units.map((u) => ({ ...u, active: false })))
    await openAssign(page, id)
    await page.getByPlaceholder('选择主办单位').click()
    const stopped = await dropdownSays(page, ASK_ADMIN_STOPPED)
    await screenshot(page, 'unit-pickers-organizer-units-stopped')
    expect(stopped).to.equal(ASK_ADMIN_STOPPED)
    expect(page.problems).to.deep.equal([])
  })

  it('交办 with one unit: 协办单位 offers it until it is 主办, then drops it and says there is no other unit; a search with no match still says 换个字试试', async () => {
    const id = await suggestionAwaitingAssignment(story.app, '关于老旧小区加装电梯的建议')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer())
    await unitsAre(page, (units) => units.filter((u) => u.name === UNIT))

    const dialog = await openAssign(page, id)
    await dialog.getByLabel('协办单位').click()
    expect(await shownOptions(page, (texts) => texts.length > 0), 'before a lead is chosen, the one unit can be a co-unit').to.deep.equal([UNIT])
    await page.locator('.t-select-option').filter({ visible: true, hasText: UNIT }).click()
    const coChosen = dialog.locator('.t-tag', { hasText: UNIT })
    await coChosen.waitFor()
    // Closes the dropdown (Escape would close the dialog too).
    await dialog.getByText('交办承办单位').click()
    await page.locator('.t-select-option.t-is-selected', { hasText: UNIT }).waitFor({ state: 'hidden' })
    await dialog.getByPlaceholder('选择主办单位').click()
    await page.locator('.t-select-option').filter({ visible: true, hasText: UNIT }).click()
    // Chosen as 主办 it leaves 协办: the form never shows one unit as both.
    await coChosen.waitFor({ state: 'detached' })
    await dialog.getByLabel('协办单位').click()
    const co = await dropdownSays(page, NO_OTHER_UNIT)
    await screenshot(page, 'unit-pickers-one-unit-co')
    expect(co).to.equal(NO_OTHER_UNIT)
    await page.keyboard.press('Escape')

    // With every unit there, a co-unit search that finds nothing keeps the console's words.
    await page.unroute(UNITS)
    await openAssign(page, id)
    await page.getByPlaceholder('选择主办单位').click()
    await page.locator('.t-select-option').filter({ visible: true, hasText: UNIT }).click()
    await dialog.getByLabel('协办单位').click()
    await page.keyboard.type('查无此单位')
    expect(await dropdownSays(page, '没有找到，换个字试试')).to.equal('没有找到，换个字试试')
    expect(page.problems).to.deep.equal([])
  })

  it('the system administrator, who has 承办单位 in the menu, is still sent there to turn a stopped unit on', async () => {
    const id = await suggestionAwaitingAssignment(story.app, '关于规范共享单车停放的建议')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.locator('.t-menu').getByText('承办单位', { exact: true }).waitFor()
    await unitsAre(page, (units) => units.map((u) => ({ ...u, active: false })))
    await openAssign(page, id)
    await page.getByPlaceholder('选择主办单位').click()
    const stopped = await dropdownSays(page, '承办单位都已停用。请先在“承办单位”里启用。')
    await screenshot(page, 'unit-pickers-admin-units-stopped')
    expect(stopped).to.equal('承办单位都已停用。请先在“承办单位”里启用。')
    expect(page.problems).to.deep.equal([])
  })
})
