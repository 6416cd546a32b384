import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { addDays } from '../../src/domain/local-days.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { cityOrganizer } from './organizer-story.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }
/** Two Chinese characters with spaces between them: Chinese reads without. */
const HAN_GAP = /\p{Script=Han} +\p{Script=Han}/gu

/**
 * 张国华, the clerk of 建设路街道代表联络站, and 陈明亮, the director of 澜江区, read their case pages (review 33):
 * - 分派's list says once above it that nobody hears of it (and to phone), beside each deputy only his own gap;
 *   a deputy marked away (暂停接收留言) is last, says until when, and choosing him says what that means;
 * - after 分派 and 改派 the notice says which it was, and to whom; why nobody hears is said once, beside the deputy;
 * - a message 不予受理 says nobody is needed, not （待分派）; once answered, no box about reminders stays up;
 * - a message handed up says 办理单位, and 为什么分到这里 and 办理经过 read without spaces between words;
 * - 趋势 offers 按区县 only to the city-wide.
 */
describe('console: the case page says each thing once, in plain words', function () {
  this.timeout(120_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')
  const office = async () => new Client(story.app.baseUrl).login(clerk().username, clerk().password)

  /** A resident's message in 光明社区, routed to a deputy of 建设路街道代表联络站; `back`: he hands it back to the station. */
  async function write(text: string, back = false) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    const { case: held } = await story.app.liaison.services.caseQueries.forStaff(STAFF, id)
    if (back) {
      const gave = await (await asDeputy(story.app, held.deputyId!)).post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '这几天在外地，请站里另派代表' })
      expect(gave.status, JSON.stringify(gave.body)).to.equal(200)
    }
    return { id, ticket, deputyId: held.deputyId!, stationId: held.stationId! }
  }
  async function open(page: Page, c: { id: string; ticket: string }) {
    await page.goto(`/console/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }
  const picker = (page: Page) => page.getByRole('listbox', { name: '可分派的代表' })

  it('分派 says once above the list to phone, beside each only his gap, marks the one away last, and says to whom it went', async () => {
    const c = await write('光明社区幸福路的井盖松了，车一过就哐哐响', true)
    const deputies = (await story.app.liaison.store.deputies.listByStation(c.stationId)).filter((d) => d.active && d.id !== c.deputyId)
    const [away, first] = deputies
    const today = localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone)
    const until = addDays(today, 3)
    const marked = await (await office()).put(`/api/admin/deputies/${away.id}/away`, { from: today, until, reason: 'leave', note: '住院' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
    await page.getByRole('button', { name: '分派给代表' }).click()
    const options = picker(page).getByRole('option')
    await options.first().waitFor()
    // The demo sends no mini-program reminders and its deputies have no WeChat helper: that is said once, above, with
    // what to do. Beside each deputy only his own gap: the one who handed it back uses the mini-program, the others not.
    expect(await page.getByTestId('picker-reach').innerText()).to.equal('系统的小程序提醒还没开通（请找系统管理员），分派后请打电话告诉代表')
    const gapOf = async (name: string) => options.filter({ hasText: name }).getByTestId('unreachable').innerText()
    const gaveBack = (await story.app.liaison.store.deputies.get(c.deputyId))!.name
    expect(await gapOf(gaveBack)).to.equal('没有绑定微信助手，提醒发不到')
    expect(await gapOf(first.name)).to.equal('没有用小程序，也没有绑定微信助手，提醒发不到')
    expect(await picker(page).getByTestId('unreachable').count(), 'each deputy his own gap').to.equal(await options.count())
    expect(await picker(page).innerText(), 'what to do, and why for everyone, not said again under each').not.to.match(/电话|小程序提醒还没开通/)

    // Away: last, until when beside his name, and what it means once she picks him.
    const names = await options.locator('strong').allInnerTexts()
    expect(names.at(-1), 'the deputy away is listed last').to.equal(away.name)
    const his = options.filter({ hasText: away.name })
    expect(await his.getByTestId('away').innerText()).to.equal(`暂停接收留言至${monthDayText(until)}`)
    expect(await options.getByTestId('away').count(), 'only he is marked').to.equal(1)
    await his.click()
    const warned = `${away.name}代表暂停接收留言至${monthDayText(until)}，这几天可能顾不上办理。仍可以分派给这位代表；着急的留言，请选其他代表。`
    expect(await page.getByTestId('picker-away-chosen').innerText()).to.equal(warned)
    await his.scrollIntoViewIfNeeded()
    await dialogShown(page)
    await screenshot(page, 'assign-dialog-away-and-reach', { window: true })

    // She picks another after all: the warning goes; 分派 says to whom, and that he will not hear of it.
    await options.filter({ hasText: first.name }).click()
    await page.getByTestId('picker-away-chosen').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '确认分派' }).click()
    await page.getByText(`已分派给${first.name}代表，代表收不到提醒`).waitFor()
    const why = `${first.name}代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉${first.name}代表（电话 `
    await page.getByTestId('deputy-notice').getByText(why).waitFor()
    expect(await page.getByText(`请打电话告诉${first.name}代表`).count(), 'said once on the page').to.equal(1)

    // 改派 to the one away (the station knows he can): said as a 改派, to whom, and beside him that he is away.
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    await picker(page).getByRole('option').filter({ hasText: away.name }).click()
    await page.getByTestId('picker-away-chosen').waitFor()
    await page.getByRole('button', { name: '确认改派' }).click()
    await page.getByText(`已改派给${away.name}代表，代表收不到提醒`).waitFor()
    await page
      .getByTestId('deputy-away')
      .getByText(`代表请假至${monthDayText(until)}，可改派`)
      .waitFor()
    await dialogsClosed(page)
    await screenshot(page, 'case-reassigned-to-away')
    expect(page.problems).to.deep.equal([])
  })

  it('不予受理 says nobody is needed, on the page and in the list; an answered message drops the box about reminders', async () => {
    const refused = await write('光明社区有人在小区里跳广场舞，我想让你们帮我找个舞伴', true)
    const answered = await write('光明社区5号楼楼道灯不亮，晚上很黑')
    const clerkApi = await office()
    expect((await clerkApi.post(`/api/admin/cases/${refused.id}/reject`, { reason: '不属于代表联络站办理的事项' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, refused)
    const facts = page.locator('.facts').first()
    await facts.getByText('不予受理，无需分派').waitFor()
    expect(await facts.innerText()).not.to.include('待分派')
    // 为什么分到这里 ends with what became of it, not where it was handed back to before (as if it still waited there).
    const why = page.locator('.t-card').filter({ hasText: '为什么分到这里' })
    await why.getByText('以上是收到留言时的分派依据；后来决定不予受理。').waitFor()
    expect(await why.innerText()).not.to.include('交回')
    await screenshot(page, 'case-rejected-no-deputy')

    await page.goto('/console/cases?status=rejected')
    const row = page.locator('tbody tr').filter({ hasText: refused.ticket })
    await row.waitFor()
    expect(await row.innerText())
      .to.include('不予受理')
      .and.not.include('（待分派）')
    // 期限 and 办理代表, the last two columns: — in both.
    const [deadline, handler] = (await row.locator('td').allInnerTexts()).slice(-2)
    expect(deadline.trim()).to.equal('—')
    expect(handler.split('\n')[0], '办理代表, as 期限').to.equal('—')

    // Held by its deputy, the box says he cannot be reached; answered, there is nothing left to remind him of.
    await open(page, answered)
    await page.getByTestId('deputy-notice').waitFor()
    const replied = await (await asDeputy(story.app, answered.deputyId)).post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已请物业今天换灯' })
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200)
    await page.reload()
    await page.getByText('已请物业今天换灯').first().waitFor()
    expect(await page.getByTestId('deputy-notice').count(), 'no box on an answered message').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })

  it('a message handed up reads 办理单位 for the office, and its reasons and steps read without spaces between words', async () => {
    const c = await write('光明社区涉及全区医保报销政策，想问问怎么办', true)
    expect((await (await office()).post(`/api/admin/cases/${c.id}/hand-up`, { reason: '涉及全区医保政策，本站无法答复' })).status).to.equal(200)
    const director = story.app.login((l) => l.username === 'chenmingliang')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director)
    await open(page, c)
    const facts = page.locator('.facts').first()
    const label = facts.locator('.t-descriptions__label', { hasText: '办理单位' })
    await label.waitFor()
    expect(await facts.locator('.t-descriptions__label').allInnerTexts()).not.to.include('联络站')
    expect(await facts.innerText()).to.include('澜江区人大常委会办公室')

    const why = page.locator('.t-card').filter({ hasText: '为什么分到这里' })
    expect(await why.innerText()).to.include('所在区域光明社区由建设路街道代表联络站联系')
    expect((await why.innerText()).match(HAN_GAP), '为什么分到这里: spaces between Chinese words').to.equal(null)
    // Where each step moved it (the line under a step's name and who took it).
    const moves = (await page.getByLabel('办理经过').locator('.event-move').allInnerTexts()).join('\n')
    expect(moves).to.include('代表交给建设路街道代表联络站').and.include('从建设路街道代表联络站交给澜江区人大常委会办公室')
    expect(moves.match(HAN_GAP), '办理经过: spaces between Chinese words').to.equal(null)
    await screenshot(page, 'case-handed-up-office')
    expect(page.problems).to.deep.equal([])
  })

  it('趋势 offers 按区县 to the city-wide only', async () => {
    const groups = async (login: { username: string; password: string }) => {
      const page = await newPage(story.browser, story.app)
      await logInAs(page, login, '/analysis/trends')
      await page.getByRole('heading', { name: '趋势' }).waitFor()
      const tabs = page.locator('[aria-label="分组"] .t-radio-button')
      await tabs.first().waitFor()
      return { page, names: await tabs.allInnerTexts() }
    }
    const director = story.app.login((l) => l.username === 'chenmingliang')
    const district = await groups(director)
    expect(district.names).to.deep.equal(['按社区', '按主题', '合计'])
    await screenshot(district.page, 'trends-district')
    expect((await groups(clerk())).names).to.deep.equal(['按社区', '按主题', '合计'])
    expect((await groups(await cityOrganizer(story.app))).names).to.deep.equal(['按社区', '按区县', '按主题', '合计'])
  })
})
