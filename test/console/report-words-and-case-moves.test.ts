import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { addDays, startOfLocalDate } from '../../src/domain/business-calendar.js'
import { mondayOf } from '../../src/domain/case-series.js'
import { localDate, monthDayText } from '../../src/domain/dates.js'
import { seedDemoSurveys } from '../../src/demo/demo-surveys.js'
import { asDeputy, Client } from '../helpers/app.js'
import { buildResident } from '../factories.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'
import { ANSWER_IN_THREE_DAYS } from '../helpers/weekly-report-week.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const REPLIED_IN_TIME =
  '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。'

/**
 * A week of 光明社区's messages at 建设路街道代表联络站, read on the Friday after (review 33), in an office whose rules
 * give three working days to answer (ANSWER_IN_THREE_DAYS), so that the week's waiting messages are 超期 by its end:
 * - 陈明亮, director of 澜江区, reads the 周报: its sentences (截至…, 共 N 条…, 另有 N 条…, what 按时答复 counts) as the
 *   server makes them; the column of who holds a listed message says 办理单位, true of a station and of his office;
 * - a 周报 kept from before the count changed says so above its figures in one sentence, which figures differ behind
 *   看哪些不同, and its 重新生成 counts it again; 答复最慢的留言 says its days in words (当天, 3 天);
 * - a deputy's 履职档案 says 按时答复 as 统计分析 does for him, in its words;
 * - 张国华, the clerk, reads 改派 for her own move and 转交 for the deputy's; an away tag never breaks inside its date;
 * - the new-campaign dialog stands clear of the window's bottom; a consultation's page speaks as one.
 */
describe('console: the weekly report’s words, a deputy’s 按时答复, and who moved a message', function () {
  this.timeout(120_000)
  const story = useConsole({ overrides: ANSWER_IN_THREE_DAYS })
  const director = () => story.app.login((l) => l.username === 'chenmingliang')
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')
  const admin = () => story.app.login((l) => l.role === 'admin')
  const ids: Record<string, string> = {}
  const names: Record<string, string> = {}
  let weekMonday = ''
  let asOf = ''
  let year = 0
  let awayUntil = ''

  before(async function () {
    this.timeout(120_000)
    const { app } = story
    const zone = app.liaison.config.business.timeZone
    // Next Monday, 10:00: a week of its own, whatever day the test runs on.
    weekMonday = addDays(mondayOf(localDate(app.clock.now(), zone)), 7)
    asOf = monthDayText(addDays(weekMonday, 6))
    year = Number(weekMonday.slice(0, 4))
    app.clock.set(new Date(startOfLocalDate(weekMonday, zone).getTime() + 10 * HOUR))
    const staff = await new Client(app.baseUrl).login(clerk().username, clerk().password)
    const write = async (text: string) => {
      app.clock.advance(MINUTE)
      const sent = await (await buildResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      const stored = (await app.liaison.store.cases.get(sent.body.id))!
      return { id: stored.id, ticket: stored.ticket, deputyId: stored.deputyId! }
    }
    const handBack = async (c: { id: string; deputyId: string }) =>
      expect((await (await asDeputy(app, c.deputyId)).post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '请站里另找代表' })).status).to.equal(200)

    // One answered in time; 张国华 then gives two waiting messages to the same deputy, which he does not answer in time.
    const answered = await write('光明社区门口的路灯坏了，晚上很黑')
    expect((await (await asDeputy(app, answered.deputyId)).post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已请街道修好了。' })).status).to.equal(
      200,
    )
    for (let i = 1; i <= 2; i++) {
      const late = await write(`光明社区${i}号楼门口的下水道堵了，污水漫到路上`)
      if (late.deputyId !== answered.deputyId)
        expect((await staff.post(`/api/admin/cases/${late.id}/assign`, { deputyId: answered.deputyId })).status).to.equal(200)
    }
    ids.recordDeputy = answered.deputyId
    const queued = await write('光明社区垃圾桶满了好几天没人清运，味道很大')
    await handBack(queued)
    const handedUp = await write('光明社区的医保报销政策看不懂，想请人解释一下')
    await handBack(handedUp)
    expect((await staff.post(`/api/admin/cases/${handedUp.id}/hand-up`, { reason: '涉及全区医保政策，本站无法答复' })).status).to.equal(200)
    ids.handedUpTicket = handedUp.ticket

    // 改派 by the clerk, then 转交 by the deputy she chose to a colleague, who is then away.
    const moved = await write('光明社区幸福路的井盖松了，车一过就哐哐响')
    const colleagues = (await app.liaison.store.deputies.listByStation('st001')).filter((d) => d.active && d.id !== moved.deputyId)
    const [chosen, colleague] = colleagues
    expect((await staff.post(`/api/admin/cases/${moved.id}/assign`, { deputyId: chosen.id })).status).to.equal(200)
    const handed = await (await asDeputy(app, chosen.id)).post(`/api/mp/deputy/cases/${moved.id}/transfer`, { deputyCode: colleague.code, reason: '他住得近' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    Object.assign(ids, { moved: moved.id, movedTicket: moved.ticket })
    Object.assign(names, { clerk: '张国华', chosen: chosen.name, colleague: colleague.name })

    // Friday of the next week, 10:00: the waiting messages are past their reply deadline; the colleague is away from today.
    app.clock.set(new Date(startOfLocalDate(addDays(weekMonday, 11), zone).getTime() + 10 * HOUR))
    const today = localDate(app.clock.now(), zone)
    awayUntil = addDays(today, 9)
    const office = await new Client(app.baseUrl).login(admin().username, admin().password)
    const away = await office.put(`/api/admin/deputies/${colleague.id}/away`, { from: today, until: awayUntil, reason: 'leave', note: '住院' })
    expect(away.status, JSON.stringify(away.body)).to.equal(200)
  })

  /** The cells of each row of a table, as the page shows them. */
  const cells = (page: ConsolePage, table: string) =>
    page
      .locator(`${table} tbody tr:not(.t-table__empty-row)`)
      .evaluateAll((rows) => rows.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())))

  it('the weekly report says its sentences as the server makes them, and 办理单位 over a station or the office', async () => {
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, director(), `/analysis/weekly-report?week=${weekMonday}`)
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    await page.getByTestId('overdue-count').waitFor()
    expect(await page.getByTestId('overdue-count').innerText()).to.equal(`截至${asOf}，共 5 条`)
    const figures = (await page.locator('.report .figure').allInnerTexts()).map((t) => t.replace(/\s/g, ''))
    expect(figures).to.include(`已超期5条过了答复期限还没答复，截至${asOf}`)
    await page.getByTestId('deputy-rest').getByText('另有 2 条没有分派给代表（未分派），不在上面的代表名下。').waitFor()
    expect(await page.locator('.report .note').filter({ hasText: REPLIED_IN_TIME }).count(), 'under the stations and the deputies').to.equal(2)
    expect(await page.getByTestId('days-note').allInnerTexts(), '一般几天答复 said under both tables').to.deep.equal(
      Array(2).fill('一般几天答复：一半的留言在这个天数内答复。'),
    )
    expect(await page.getByTestId('counted-earlier').count(), 'made now: nothing to say of an earlier count').to.equal(0)

    const overdueCard = '.t-card:has-text("已超期、还没答复的留言")'
    expect((await page.locator(overdueCard).locator('thead').innerText()).split(/\s+/))
      .to.include('办理单位')
      .and.not.include('联络站')
    const rows = await cells(page, overdueCard)
    expect(rows.find((r) => r[0] === ids.handedUpTicket)!.slice(2, 4)).to.deep.equal(['澜江区人大常委会办公室', '未分派'])
    const slowCard = '.t-card:has-text("答复最慢的留言")'
    expect((await page.locator(slowCard).locator('thead').innerText()).split(/\s+/))
      .to.include('办理单位')
      .and.include('答复用了几天')
    // The one answer came the day its message did: 当天, as 一般几天答复 says it, never a bare 0 beside it.
    expect((await cells(page, slowCard)).map((r) => r[4])).to.deep.equal(['当天'])
    await screenshot(page, 'weekly-report-said-by-server')

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '下载表格' }).click()
    const csv = readFileSync((await (await downloading).path())!, 'utf8')
    expect(csv).to.include(`编号,主题,办理单位,代表,超期天数（截至${asOf}）`).and.include('编号,主题,办理单位,代表,答复用了几天,是否按时')
    expect(page.problems).to.deep.equal([])
  })

  it('a weekly report kept before the count changed says so above its figures, and 重新生成 counts it again', async () => {
    const { store } = story.app.liaison
    const page = await newPage(story.browser, story.app)
    await logInAs(page, director(), `/analysis/weekly-report?week=${weekMonday}`)
    await page.getByTestId('overdue-count').waitFor()
    await page.getByRole('button', { name: '重新生成' }).click()
    await page.getByText('周报已按最新数据重新生成').waitFor()
    // As the Monday job kept it before reports said how they count.
    const kept = (await store.analysis.weeklyReport('d01', weekMonday))!
    const { counting: _, ...before } = kept.body as Record<string, unknown>
    await store.analysis.saveWeeklyReport({ ...kept, body: JSON.parse(JSON.stringify(before)) })

    await page.reload()
    const notice = page.getByTestId('counted-earlier')
    await notice.waitFor()
    const sentence = notice.locator('.earlier-words')
    const day = monthDayText(addDays(weekMonday, 11)) // made again on the Friday after, when the story reads it
    // One sentence a director acts on; the list of what differs only behind 看哪些不同.
    expect((await sentence.innerText()).replace(/\s*看哪些不同$/, '')).to.match(
      new RegExp(`^这份周报是${day} \\d+:\\d\\d 按旧的统计办法算的，有几项数字和“工作概览”对不上。请点右边“重新生成”。$`),
    )
    expect(await page.getByTestId('counted-earlier-differences').count(), 'folded away at first').to.equal(0)
    await notice.getByRole('button', { name: '看哪些不同' }).click()
    const differences = page.getByTestId('counted-earlier-differences')
    await differences.waitFor()
    expect((await differences.locator('li').allInnerTexts())[0]).to.equal('“按时答复”没有把所有超期还没答复的留言算进去，比例可能偏高。')
    // 重新生成 to the right of the sentence it is named in.
    const [sentenceBox, remakeBox] = [await sentence.boundingBox(), await notice.getByRole('button', { name: '重新生成' }).boundingBox()]
    expect(remakeBox!.x).to.be.greaterThan(sentenceBox!.x + sentenceBox!.width - 1)
    // Above the figures, where a director reads first.
    const [noticeBox, figuresBox] = [await notice.boundingBox(), await page.locator('.report .figure').first().boundingBox()]
    expect(noticeBox!.y).to.be.lessThan(figuresBox!.y)
    await screenshot(page, 'weekly-report-counted-earlier')

    await notice.getByRole('button', { name: '重新生成' }).click()
    await page.getByText('周报已按最新数据重新生成').last().waitFor()
    await notice.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByTestId('overdue-count').waitFor()
    expect(await page.getByTestId('counted-earlier').count(), 'made again, it is counted as reports are now').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })

  it('a deputy’s 履职档案 says 按时答复 as 统计分析 does for him, with what it counts', async () => {
    const page = await newPage(story.browser, story.app)
    const zone = story.app.liaison.config.business.timeZone
    const from = startOfLocalDate(`${year}-01-01`, zone).toISOString()
    const to = startOfLocalDate(`${year + 1}-01-01`, zone).toISOString()
    await logInAs(page, director(), `/stats?groupBy=deputy&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
    await page.getByRole('heading', { name: '统计分析' }).waitFor()
    const name = (await story.app.liaison.store.deputies.get(ids.recordDeputy))!.name
    const row = page.locator('tbody tr').filter({ hasText: name })
    await row.waitFor()
    const header = await page.locator('thead th').allInnerTexts()
    const share = (await row.locator('td').allInnerTexts())[header.indexOf('按时答复')]
    // By the reply's deadline alone (and whatever else of his the demo holds): the record says the same share.
    expect(share).to.match(/^\d+%$/)

    await page.goto(`/console/records/${ids.recordDeputy}?year=${year}`)
    await page.getByRole('heading', { name: `${name}代表的履职档案` }).waitFor()
    const item = page.locator('.t-descriptions__body tr, .t-descriptions tr').filter({ hasText: '按时答复' }).last()
    await item.waitFor()
    expect((await item.innerText()).replace(/\s+/g, ' '))
      .to.include(`按时答复 ${share}`)
      .and.include(REPLIED_IN_TIME.replace('没有按时受理的，只算在“按时受理”里。', ''))
    // The record has no 按时受理 row: its note does not point at one.
    expect(await item.innerText()).not.to.include('按时受理')
    expect(await page.locator('.t-descriptions').innerText()).to.match(/共 \d+ 条：已答复 \d+ 条/)
    await screenshot(page, 'record-replied-in-time')
    expect(page.problems).to.deep.equal([])
  })

  it('the case page says 改派 for the clerk’s move and 转交 for the deputy’s, and the away tag keeps its date on one line', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), `/cases/${ids.moved}`)
    await page.getByRole('heading', { name: `留言 ${ids.movedTicket}` }).waitFor()
    const steps = page.locator('[aria-label="办理经过"]')
    await steps.getByText(`从${names.chosen}代表交给${names.colleague}代表`).waitFor()
    const heads = (await steps.locator('.event').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    expect(heads).to.deep.equal(['提交留言 群众', '分派代表 系统', `改派 ${names.clerk}（联络站工作人员）`, `转交 ${names.chosen}（代表）`])
    // 为什么分到这里 says the last move as the timeline does: the deputy's 转交, not a 改派 by the station.
    await page.getByText(`以上是收到留言时的分派依据；后来由${names.chosen}代表转交给${names.colleague}代表。`).waitFor()

    const tag = page.getByTestId('deputy-away')
    await tag.getByText(`代表请假至${monthDayText(awayUntil)}，可改派`).waitFor()
    // However wide her window, the tag may wrap, but never inside its date ("12月1" / "9日").
    const broken: number[] = []
    for (let width = 1366; width >= 1100; width -= 6) {
      await page.setViewportSize({ width, height: 860 })
      if (await dateBrokenIn(page, '[data-testid="deputy-away"]', monthDayText(awayUntil))) broken.push(width)
    }
    expect(broken, 'window widths at which the date broke over two lines').to.deep.equal([])
    await page.setViewportSize({ width: 1366, height: 860 })
    await screenshot(page, 'case-reassigned-and-handed-on')
    expect(page.problems).to.deep.equal([])
  })

  it('the new-campaign dialog stands clear of the bottom of an 860-px-high window', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin(), '/campaigns')
    await page.getByRole('button', { name: '新建活动' }).click()
    await dialogShown(page)
    const dialog = (await page.locator('.t-dialog').filter({ visible: true }).first().boundingBox())!
    const create = (await page.getByRole('button', { name: '创建', exact: true }).boundingBox())!
    expect(create.y + create.height, '创建 within the window').to.be.lessThan(860)
    expect(860 - (dialog.y + dialog.height), 'room under the dialog').to.be.at.least(24)
    await screenshot(page, 'campaign-new-dialog-clear', { window: true })
    expect(page.problems).to.deep.equal([])
  })

  it('a consultation’s page speaks as a consultation: 导出每人填写的内容, 征求意见详情, 返回征求意见列表', async () => {
    const { store, services } = story.app.liaison
    const [consultation] = await seedDemoSurveys(store, services, story.app.clock.now())
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin(), `/surveys/${consultation.id}`)
    await page.getByRole('heading', { name: /城市绿化条例/ }).waitFor()
    await page.getByRole('button', { name: '导出每人填写的内容' }).waitFor()
    expect(await page.getByRole('button', { name: '导出答卷' }).count(), 'a consultation has no answer sheets').to.equal(0)
    await page.waitForFunction(() => document.title === '征求意见详情 · 人大代表联络站')
    await screenshot(page, 'consultation-speaks-as-one')

    // A consultation no longer there: the way back names the list it belongs to, and opens on it.
    await page.goto('/console/surveys/nothing-here?kind=consultation')
    await page.getByText('← 返回征求意见列表').click()
    await page.waitForURL(/\/surveys\?kind=consultation$/)
    await page.getByRole('heading', { name: '问卷、征求意见与票决' }).waitFor()
    expect(await page.locator('.t-radio-button.t-is-checked').innerText()).to.equal('立法征求意见')
    expect(page.problems).to.deep.equal([])
  })
})

/** Whether `date`, inside the element, is laid out over more than one line (its characters' boxes at two heights). */
async function dateBrokenIn(page: Page, selector: string, date: string): Promise<boolean> {
  return page.locator(selector).evaluate((el, date) => {
    const texts: Text[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) texts.push(walker.currentNode as Text)
    const whole = texts.map((t) => t.data).join('')
    const at = whole.indexOf(date)
    if (at < 0) throw new Error(`"${date}" is not in "${whole}"`)
    const tops = new Set<number>()
    let offset = 0
    for (const t of texts) {
      for (let i = 0; i < t.data.length; i++) {
        if (offset + i < at || offset + i >= at + date.length) continue
        const range = document.createRange()
        range.setStart(t, i)
        range.setEnd(t, i + 1)
        tops.add(Math.round(range.getBoundingClientRect().top))
      }
      offset += t.data.length
    }
    return tops.size > 1
  }, date)
}
