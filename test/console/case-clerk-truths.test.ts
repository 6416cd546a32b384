import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

const IDLE_PAST_LIMIT_MS = 121 * 60_000 // the console ends a session unused for 120 minutes
const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }

/**
 * 张国华, the clerk of 建设路街道代表联络站, a week at her case page (review 31):
 * - her login ends while she writes a 改派 (lunch): after logging in again she is back on the message, the
 *   dialog open with her deputy and her words, told that it was not sent and to press 确认 once more;
 * - so too her 合并: the message she found by its number is still chosen;
 * - the deputy hands the message on while her 改派 dialog is open: she is told who moved it where, her choice
 *   and words stay, and nothing is taken from the new deputy behind her back;
 * - 催办 of a deputy who has neither the mini-program nor the WeChat helper says the reminder cannot arrive
 *   (请打电话告诉张伟代表（电话 his number）), before and after, and the page says so beside the deputy, his number under 办理代表;
 * - 不予受理 of a message with a duplicate merged into it says the duplicate goes back to 待分派;
 * - 统计分析's button is named for what it downloads: the messages.
 */
describe('console: what the case page tells the station clerk is true', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  async function write(text: string) {
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const { case: held } = await story.app.liaison.services.caseQueries.forStaff(STAFF, id)
    return { id, ticket, deputyId: held.deputyId!, stationId: held.stationId! }
  }
  /** Another deputy of the message's station, by id, name and code. */
  async function colleague(c: { deputyId: string; stationId: string }, not: string[] = []) {
    const all = await story.app.liaison.store.deputies.listByStation(c.stationId)
    const d = all.find((x) => x.active && x.id !== c.deputyId && !not.includes(x.id))!
    return { id: d.id, name: d.name, code: d.code }
  }
  async function open(page: Page, c: { id: string; ticket: string }) {
    await page.goto(`/console/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }
  async function pick(page: Page, name: string) {
    const option = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: name })
    await option.click()
    await page.getByRole('listbox', { name: '可分派的代表' }).locator('[aria-selected=true]', { hasText: name }).waitFor()
  }
  const NOTE = /请尽快联系留言群众/
  /** Her login ends over lunch while the dialog is open: she presses its button, logs in again, and is back on the message. */
  async function loginEndsOnConfirm(page: Page, c: { ticket: string }, confirm: string) {
    await page.waitForLoadState('networkidle')
    story.app.clock.advance(IDLE_PAST_LIMIT_MS) // lunch
    await page.getByRole('button', { name: confirm }).click()
    await page.waitForURL((url) => url.pathname === '/console/login')
    await page.getByText('登录已超时，请重新登录').waitFor()
    await page.getByPlaceholder('请输入账号').fill(clerk().username)
    await page.getByPlaceholder('请输入密码').fill(clerk().password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }

  it('keeps her 改派 through an ended login and opens it again, saying it was not sent', async () => {
    const c = await write('光明社区幸福路的下水道堵了，一下雨就漫到路上')
    const to = await colleague(c)
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await pick(page, to.name)
    // The demo's deputies have neither the mini-program nor the bot: the list says so beside each, before she
    // chooses, and once above it what to do.
    const chosen = page.getByRole('listbox', { name: '可分派的代表' }).locator('[aria-selected=true]')
    expect(await chosen.getByTestId('unreachable').innerText()).to.equal('没有用小程序，也没有绑定微信助手，提醒发不到')
    expect(await page.getByTestId('picker-reach').innerText()).to.equal('这些代表都收不到提醒：分派后请打电话告诉代表')
    const words = `${to.name}代表住在附近，请先去现场看一下，留言人是老人，请耐心解释。`
    await page.getByPlaceholder(NOTE).fill(words)
    await loginEndsOnConfirm(page, c, '确认改派')
    const said = page.getByRole('alert').filter({ hasText: '上次没有提交成功，您写的内容还在，请再点一次确认' })
    await said.waitFor()
    expect(await page.getByPlaceholder(NOTE).inputValue(), 'her words are back').to.equal(words)
    await page.getByRole('listbox', { name: '可分派的代表' }).locator('[aria-selected=true]', { hasText: to.name }).waitFor()
    await dialogShown(page)
    await screenshot(page, 'case-draft-after-login', { window: true })
    await page.getByRole('button', { name: '确认改派' }).click()
    await page.getByPlaceholder(NOTE).waitFor({ state: 'hidden' })
    // A 改派 is said as one, to whom; the demo's deputies have neither the mini-program nor the bot: no promise of a notice.
    await page.getByText(`已改派给${to.name}代表，代表收不到提醒`).waitFor()
    await page.getByTestId('deputy-notice').getByText(`${to.name}代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉${to.name}代表（电话 `).waitFor()
    await page.getByLabel('办理经过').getByText(words).waitFor()
    // Sent once: a later visit opens no dialog.
    await page.reload()
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByPlaceholder(NOTE).isVisible()).to.equal(false)
    expect(page.problems).to.deep.equal([])
  })

  it('keeps her 合并 choice through an ended login and opens it again, saying it was not sent', async () => {
    const kept = await write('光明社区幸福路菜市场门口早上乱停车，堵得走不动')
    const dup = await write('光明社区东门外的垃圾桶满了没人清')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${dup.id}`)
    await page.getByRole('heading', { name: `留言 ${dup.ticket}` }).waitFor()
    await page.getByRole('button', { name: '与相似留言合并' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '与相似留言合并办理' })
    // Not offered unasked (other words): she finds it by the number the resident read out on the phone.
    const search = dialog.getByPlaceholder('输入另一条留言的编号查找，例如 0001')
    await search.fill(kept.ticket.slice(-4))
    const found = dialog.locator('.merge-list .t-radio').filter({ hasText: kept.ticket })
    await found.click()
    await dialog.locator('.t-radio.t-is-checked', { hasText: kept.ticket }).waitFor()
    await loginEndsOnConfirm(page, dup, '确认合并')

    await dialog.getByRole('alert').filter({ hasText: '上次没有提交成功，您写的内容还在，请再点一次确认' }).waitFor()
    expect(await search.inputValue(), 'the number she looked it up by').to.equal(kept.ticket.slice(-4))
    await dialog.locator('.t-radio.t-is-checked', { hasText: kept.ticket }).waitFor()
    await dialogShown(page)
    await screenshot(page, 'case-merge-draft-after-login')
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.getByRole('link', { name: `已并入 ${kept.ticket}` }).waitFor()
    const { case: now } = await story.app.liaison.services.caseQueries.forStaff(STAFF, dup.id)
    expect(now.mergedInto).to.equal(kept.id)
    expect(page.problems).to.deep.equal([])
  })

  it('refuses a 改派 when the deputy handed the message on meanwhile, saying who moved it where, and keeps her choice', async () => {
    const c = await write('光明社区菜市场门口早上乱停车，堵得走不动')
    const picked = await colleague(c)
    const taker = await colleague(c, [picked.id])
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, c)
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await pick(page, picked.name)
    await page.getByPlaceholder(NOTE).fill('请熟悉交通的代表处理')

    const holder = await asDeputy(story.app, c.deputyId)
    const moved = await holder.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: taker.code, reason: '他关注这一片' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    const from = (await story.app.liaison.store.deputies.get(c.deputyId))!.name

    await page.getByRole('button', { name: '确认改派' }).click()
    const said = page.getByRole('alert').filter({ hasText: `这条留言刚刚已由${from}代表转交给${taker.name}代表，请看一下再决定` })
    await said.waitFor()
    expect(await page.getByPlaceholder(NOTE).inputValue(), 'her words stay').to.equal('请熟悉交通的代表处理')
    await page.getByRole('listbox', { name: '可分派的代表' }).locator('[aria-selected=true]', { hasText: picked.name }).waitFor()
    await dialogShown(page)
    await screenshot(page, 'case-holder-changed', { window: true })
    const { case: now } = await story.app.liaison.services.caseQueries.forStaff(STAFF, c.id)
    expect(now.deputyId, 'nothing taken from the deputy it was handed to').to.equal(taker.id)
    expect(page.problems).to.deep.equal([])
  })

  it('催办 of a deputy who cannot be reached says so before and after, and the page says to phone', async () => {
    const c = await write('光明社区3号楼的电梯坏了三天了，老人下不了楼')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    const office = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const notice = (await office.get(`/api/admin/cases/${c.id}`)).body.deputyNotice
    // The demo sends no mini-program reminders and its deputies have no bot: whoever holds it cannot be reached.
    expect(notice?.reachable, 'the deputy cannot be reached').to.equal(false)
    const name = (await story.app.liaison.store.deputies.get(c.deputyId))!.name
    const phone = notice.text as string
    expect(phone).to.match(
      new RegExp(
        `^(${name}代表没有用小程序，也没有绑定微信助手|系统的小程序提醒还没开通（请找系统管理员），${name}代表也没有绑定微信助手)，提醒发不到，请打电话告诉${name}代表（电话 \\d{3}\\*{4}\\d{4}）$`,
      ),
    )

    await open(page, c)
    expect(await page.getByTestId('deputy-notice').innerText()).to.include(phone)
    // His number under 办理代表, masked as the box says it; the call is the next step, so 改派 is not the filled button.
    const masked = /（电话 ([^）]+)）$/.exec(phone)![1]
    const deputyPhone = page.getByTestId('deputy-phone')
    expect(await deputyPhone.innerText()).to.include(`电话 ${masked}`)
    expect(await page.getByTestId('assign-move').getAttribute('class'), '改派 drawn outlined').to.include('t-button--variant-outline')
    await page.getByRole('button', { name: '催办', exact: true }).click()
    // Why is said once, in the box beside the deputy: the dialog says only what it means for 催办.
    await page.getByText(`${name}代表收不到提醒，催办只会记在办理经过里。同一位代表每天只能催办一次。`).waitFor()
    expect(await page.getByText(`${name}代表会收到催办提醒`).count(), 'no promise of a reminder').to.equal(0)
    expect(await page.getByText(phone).count(), 'the box alone says why, not the dialog again').to.equal(1)
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText('已催办，记在办理经过里；代表收不到提醒').waitFor()
    expect(await page.getByText(phone).count(), 'nor the notice after').to.equal(1)
    expect(await page.getByText('已催办，代表会收到提醒').count()).to.equal(0)
    // Pictured once the dialog has gone, not while it fades out over the page.
    await page.getByRole('button', { name: '确认催办' }).waitFor({ state: 'hidden' })
    await screenshot(page, 'case-urge-unreachable')
    // 查看电话 reads his whole number (recorded): the box names it then, to ring.
    await deputyPhone.getByRole('button', { name: '查看电话' }).click()
    await deputyPhone.getByText('已记入操作记录').waitFor()
    const whole = (await office.get(`/api/admin/deputies/${c.deputyId}/phone`)).body.phone as string
    await page.getByTestId('deputy-notice').getByText(`请打电话告诉${name}代表（电话 ${whole}）`).waitFor()
    expect(await deputyPhone.innerText()).to.include(`电话 ${whole}`)
    await screenshot(page, 'console-case-ring-the-deputy')
    expect(page.problems).to.deep.equal([])
  })

  it('不予受理 of a message with a duplicate merged into it says the duplicate goes back to 待分派', async () => {
    const kept = await write('光明社区广场舞音响太大声，晚上九点多还在放')
    const dup = await write('光明社区广场晚上跳舞声音太吵了，九点以后还很响')
    const office = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    expect((await office.post(`/api/admin/cases/${dup.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, kept)
    await page.getByRole('button', { name: '不予受理' }).click()
    await page.getByText('合并在这条下的 1 条留言会回到待分派，需要另行分派').waitFor()
    await dialogShown(page)
    await screenshot(page, 'case-reject-merged', { window: true })
    await page.getByPlaceholder(/该事项属于法院审理范围/).fill('属于城管执法事项，已转街道城管中队')
    await page.getByRole('button', { name: '确认不予受理' }).click()
    await page.getByText('已标为不予受理。合并在这条下的 1 条留言已回到待分派，请另行分派').waitFor()
    expect((await office.get(`/api/admin/cases/${dup.id}`)).body.status).to.equal('submitted')
    expect(page.problems).to.deep.equal([])
  })

  it('统计分析 names its download for what it gives: the messages', async () => {
    const page: ConsolePage = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/stats')
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    await page.getByRole('button', { name: '导出这些留言' }).waitFor()
    expect(await page.getByText('导出当前列表').count()).to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
