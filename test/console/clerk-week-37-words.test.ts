import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asDeputy, asResident } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'

const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }
const DAY = 24 * 3_600_000
const PASSWORD_RULE = '至少 8 位，字母和数字混着用；不能全是数字，不要用自己的姓名、账号、电话、生日，也不要用 1234、abcd、aaaa、qwerty 这样连着或重复的字符。'

/**
 * 张国华, clerk of 建设路街道代表联络站, has the week review 37 played:
 * - a city road's overpass, routed to a deputy who cannot hand it back: 上报澜江区人大办 is on its page, and its
 *   dialog says the message leaves him and whether he hears of it (7);
 * - the deputy picker says who is late with his messages and who handed one back this week, with his reason (8);
 * - the inbox: a deputy's name in the search box points to the 代表 filter; 已合并办理 is a status to filter by; a typed
 *   address of another station's list says 不在您的范围, not its code (14);
 * - the elderly resident's number is masked, and the page says how she is reached (15);
 * - 代表与值班 fits a 1366-pixel window, and 修改密码 says the rule the server holds a new password to (16).
 */
describe('console: a clerk’s week, review 37 (上报, the deputy picker, the inbox’s words, her phone, layout)', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  async function write(text: string, extra: Record<string, unknown> = {}) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101', ...extra }) // 光明社区
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const { case: held, names } = await story.app.liaison.services.caseQueries.forStaff(STAFF, id)
    return { id, ticket, deputyId: held.deputyId!, stationId: held.stationId!, deputyName: names.deputy! }
  }
  async function open(page: Page, c: { id: string; ticket: string }) {
    await page.goto(`/console/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }

  it('hands up the overpass its deputy holds, saying it leaves him and that he is to be phoned (7)', async () => {
    const c = await write('城市快速路光明路口的人行天桥台阶塌了一块，老人晚上过天桥很危险，这是市里管的路')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    const actions = (await page.locator('.actions button').allInnerTexts()).map((t) => t.trim())
    expect(actions, 'a deputy holds it, and 上报 is there').to.include('上报澜江区人大办')
    await page.getByRole('button', { name: '上报澜江区人大办' }).click()
    await dialogShown(page)
    const dialog = page.locator('.t-dialog', { hasText: '上报澜江区人大常委会办公室' })
    // The demo's deputies have neither the mini-program nor the chat helper: he is to be phoned.
    expect(await dialog.innerText()).to.include(
      `上报后，这条留言由澜江区人大办分派，不再在本站的列表中。留言从${c.deputyName}代表手里收回，${c.deputyName}代表收不到提醒，请电话告诉代表不用再办。`,
    )
    await dialog.getByPlaceholder(/上报原因/).fill('城市快速路的天桥归市里管，需要区人大办协调')
    await screenshot(page, 'clerk-37-hand-up-held', { window: true })
    await page.getByRole('button', { name: '确认上报' }).click()
    await page.getByText('已上报澜江区人大常委会办公室').waitFor()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    const { case: after } = await story.app.liaison.services.caseQueries.forStaff(STAFF, c.id)
    expect([after.status, after.deputyId, after.stationId]).to.deep.equal(['submitted', null, null])
    expect(page.problems).to.deep.equal([])
  })

  it('says the resident’s number is hidden and how she is reached (15)', async () => {
    const c = await write('我今年78岁，住5号楼6楼，电梯坏了两个星期，下不了楼买菜。请打我电话13912345678', { phone: '13912345678' })
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    expect(await page.locator('.facts').first().innerText()).to.include('139****5678')
    const note = page.getByTestId('phone-note')
    expect(await note.innerText()).to.equal(
      '号码已隐去：工作台不显示群众留的完整电话，只有办理代表能在小程序或微信助手里看到并拨打（每次查看都有记录）。' +
        `${c.deputyName}代表还没有开通小程序或微信助手，看不到这个号码；需要回访的，请改派给能联系上的代表。` +
        '群众在留言里写的号码，点上面的“查看完整原文”就能看到，这次查看会记入操作记录。',
    )
    await page.getByRole('button', { name: '查看完整原文' }).click()
    await page.getByTestId('case-text').getByText('13912345678', { exact: false }).waitFor()
    await screenshot(page, 'clerk-37-phone-note')
    expect(page.problems).to.deep.equal([])
  })

  it('points a deputy’s name to the 代表 filter, offers 已合并办理, and names no station not hers (14)', async () => {
    const mine = await write('光明社区幸福路的路灯坏了一排')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/cases')
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(mine.deputyName)
    await box.press('Enter')
    const named = page.getByTestId('deputy-named')
    await named.waitFor()
    expect(await named.innerText()).to.include(`“${mine.deputyName}”是本站代表的名字。查找框只找留言里写的字；按代表查看，请用上面的“代表”筛选。`)
    expect(await page.getByTestId('deputy-named-empty').innerText()).to.include(
      `要看${mine.deputyName}代表办理的留言，请点上方的“只看${mine.deputyName}代表的留言”。`,
    )
    await screenshot(page, 'clerk-37-deputy-named')
    await named.getByRole('button', { name: `只看${mine.deputyName}代表的留言` }).click()
    await page.locator('.chips').getByText(`代表：${mine.deputyName}`).waitFor()
    await page.getByRole('link', { name: mine.ticket }).waitFor()
    expect(await page.locator('.chips').innerText()).not.to.include('查找')

    await page.getByLabel('状态').click()
    const options = await shownOptions(page, (texts) => texts.includes('已合并办理'))
    expect(options).to.include.members(['已办结', '已合并办理'])
    await page.keyboard.press('Escape')

    await page.goto('/console/cases?stationId=st002')
    await page.locator('.chips').getByText('联络站：不在您的范围').waitFor()
    expect(await page.locator('.chips').innerText()).not.to.include('st002')
    expect(await page.getByTestId('station-outside').innerText()).to.include('这个联络站不归本站负责，列表里不会有它的留言。')
    await screenshot(page, 'clerk-37-station-not-hers')
    expect(page.problems).to.deep.equal([])
  })

  it('fits 代表与值班 in the window, and says the password rule on 修改密码 (16)', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/deputies')
    await page.getByRole('heading', { name: '代表与值班' }).waitFor()
    const table = page.locator('[data-test=station-deputies]')
    await table.getByText('近期值班').waitFor()
    await table.locator('tbody tr').first().waitFor()
    // Nothing of the table past its card, and every next duty day whole in its cell.
    const fit = await table.evaluate((el) => {
      const scroller = el.querySelector<HTMLElement>('.t-table__content') ?? el
      const cells = [...el.querySelectorAll<HTMLElement>('td.duty-day, th.duty-day')]
      return { scrolls: scroller.scrollWidth - scroller.clientWidth, clipped: cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.innerText) }
    })
    expect(fit, 'no sideways scrolling, no day cut off').to.deep.equal({ scrolls: 0, clipped: [] })
    await screenshot(page, 'clerk-37-deputies')

    await page.locator('.shell-header').getByRole('button', { name: '修改密码' }).click()
    await page.getByRole('heading', { name: '修改密码' }).waitFor()
    expect(await page.locator('[data-test=new-password-field]').innerText()).to.include(PASSWORD_RULE)
    await page.getByPlaceholder('请输入现在用的密码').fill(clerk().password)
    for (const input of ['请设置新密码', '请再输一次']) await page.getByPlaceholder(input).fill('12345678901')
    await page.getByRole('button', { name: '保存新密码' }).click()
    // The server's refusal stands under the field it is about.
    await page.locator('[data-test=new-password-field]').getByText('这个密码太简单，容易被人猜到', { exact: false }).waitFor()
    await screenshot(page, 'clerk-37-change-password')
    expect(page.problems).to.deep.equal([])
  })

  // Last: it moves the clock on.
  it('says beside a deputy that he is late with one and handed one back this week, with his reason (8)', async () => {
    const late = await write('光明社区9号楼的楼道灯坏了，晚上上下楼看不见')
    story.app.clock.advance(30 * DAY) // its reply deadline long past: 已超期 (a late acknowledgement alone is not)
    const back = await write('光明社区的健身器材坏了', { deputyCode: (await story.app.liaison.store.deputies.get(late.deputyId))!.code })
    const reason = '这段时间在外地学习，请站里另派代表'
    expect((await (await asDeputy(story.app, late.deputyId)).post(`/api/mp/deputy/cases/${back.id}/transfer`, { reason })).status).to.equal(200)
    const urgent = await write('光明社区6号楼电梯坏了，楼上住着一位78岁的老人下不了楼')

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${urgent.id}`)
    await page.getByRole('heading', { name: `留言 ${urgent.ticket}` }).waitFor()
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    const option = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: late.deputyName })
    await option.getByTestId('load').waitFor()
    await dialogShown(page)
    expect(await option.getByTestId('load').innerText()).to.match(/^在办 \d+ 条，已超期 [1-9]\d* 条$/)
    expect(await option.getByTestId('recent-hand-back').innerText()).to.equal(`今天交回了留言 ${back.ticket}，说：${reason}`)
    await screenshot(page, 'clerk-37-deputy-picker', { window: true })
    expect(page.problems).to.deep.equal([])
  })
})
