import { expect } from 'chai'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const STAFF = { kind: 'staff' as const, id: 'admin', name: '管理员', username: 'admin', role: 'admin' as const, stationIds: [], regionIds: [], unitIds: [] }

/**
 * 张国华 keeps 建设路街道代表联络站 for a week (review 35):
 * - a resident rated an answer 2 and asked for it to be handled again: 工作概览's 群众不满意 says 1 and opens that very
 *   list, and 群众满意度 says the reopened score it does not chart, as 统计分析 counts it;
 * - a deputy on leave is marked 请假 on his duty day, on 工作概览 and on 代表与值班's calendar and 近期值班;
 * - a number read out on the phone belongs to another station's message: the list says so, not 请向群众核对编号;
 * - 改派 says whether the deputy hears of it without calling the deputy 他.
 */
describe("console: a station clerk's week reads true", function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  it('counts the unhappy as the filter lists them, marks the deputy on leave, says whose number it is, and names no 他', async () => {
    const { store, services, config } = story.app.liaison
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const office = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)

    // 光明社区 (her station): answered, rated 2, reopened; it goes back to the deputy who answered.
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text: '光明社区5号楼电梯三天两头坏，老人上不了楼', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const mine = sent.body as { id: string; ticket: string }
    const held = (await services.caseQueries.forStaff(STAFF, mine.id)).case
    const answered = await (await asDeputy(story.app, held.deputyId!)).post(`/api/mp/deputy/cases/${mine.id}/reply`, { text: '已联系物业，维保公司今天来修。' })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${mine.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${mine.id}/reopen`, { reason: '修了一天又坏了' })).status).to.equal(200)

    // 和平社区 (another station) gets the next number: a resident there reads it out to her.
    const theirs = await (await asResident(story.app)).post('/api/mp/cases', { text: '和平社区菜市场门口垃圾堆放没人清运', regionId: 'c010201' })
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)
    const number = (theirs.body.ticket as string).slice(-4)
    expect(mine.ticket.slice(-4)).not.to.equal(number)

    // The first duty day ahead at her station: its deputy (another than the one holding her message) goes on leave till then.
    const deputies = (await store.deputies.listByStation(held.stationId!)).filter((d) => d.active)
    const [first] = deputies
      .filter((d) => d.id !== held.deputyId)
      .flatMap((d) => (d.dutyByStation[held.stationId!] ?? []).filter((date) => date >= today).map((date) => ({ date, d })))
      .sort((a, b) => a.date.localeCompare(b.date))
    expect(first, 'the demo has duty days ahead at her station').to.not.equal(undefined)
    const onLeave = first.d
    const marked = await office.put(`/api/admin/deputies/${onLeave.id}/away`, { from: today, until: first.date, reason: 'leave', note: '住院' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('.t-menu').getByText('工作概览').click()
    await page.getByRole('heading', { name: '工作概览' }).waitFor()

    // 群众不满意: the filter's count, and the card opens that list.
    const unhappy = page.getByLabel('群众不满意 1 条，点击查看')
    await unhappy.waitFor()
    expect(await page.getByTestId('reopened-after-rating').innerText()).to.include('另有 1 条评分后群众要求重新办理、还没有再评分')
    expect(await page.locator('[data-chart=satisfaction]').innerText(), 'a score was given').not.to.include('还没有群众评价。代表答复后')
    // 近期接待值班: he is marked on the day he would have come.
    const duty = await page.locator('[data-figure=duty]').innerText()
    expect(duty).to.include(`${onLeave.name}代表（请假）`)
    await page.waitForTimeout(600) // the charts' first drawing animates
    await screenshot(page, 'clerk-week-dashboard')
    await unhappy.click()
    await page.waitForURL(/\/console\/cases\?unhappy=true/)
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await page.locator('tbody tr').count()).to.equal(1)
    expect(await page.locator('tbody').innerText()).to.include(mine.ticket)

    // The number of another station's message: said to be another's, never its words.
    await page.goto('/console/cases')
    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(number)
    await box.press('Enter')
    const elsewhere = page.getByTestId('number-elsewhere')
    await elsewhere.waitFor()
    const said = await elsewhere.innerText()
    expect(said).to.include(`本站最近 90 天没有编号为 ${number} 的留言`).and.include('在其他联络站或人大办的列表里，不归本站办理')
    expect(said).not.to.include('请向群众核对编号').and.not.include('菜市场')
    await screenshot(page, 'clerk-week-number-elsewhere')

    // 代表与值班: the calendar's day and his 近期值班 say 请假 too.
    await page.goto('/console/deputies')
    const roster = page.locator('[data-roster]')
    await roster.getByText('接待值班表').waitFor()
    if (first.date.slice(0, 7) !== today.slice(0, 7)) await roster.getByRole('button', { name: '下个月 ›' }).click()
    await roster.getByText(`${onLeave.name}（请假）`).first().waitFor()
    const row = page.locator('tbody tr').filter({ hasText: onLeave.name })
    expect(await row.innerText()).to.include(`${Number(first.date.slice(5, 7))}月${Number(first.date.slice(8))}日（请假）`)
    await screenshot(page, 'clerk-week-roster-leave')

    // 改派 of her reopened message: whether the deputy hears of it, with no 他.
    await page.goto(`/console/cases/${mine.id}`)
    await page.getByRole('heading', { name: `留言 ${mine.ticket}` }).waitFor()
    await page.getByRole('button', { name: '改派给其他代表' }).click()
    const other = deputies.find((d) => d.id !== held.deputyId && d.id !== onLeave.id)!
    await page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: other.name }).click()
    await page.getByRole('button', { name: '确认改派' }).click()
    await page.getByText(new RegExp(`已改派给${other.name}代表，代表(收不到提醒|会收到通知)`)).waitFor()
    expect(await page.getByText(/他收不到提醒|他会收到通知/).count()).to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
