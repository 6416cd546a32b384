import { expect } from 'chai'
import { dayText, localDate, monthDayText } from '../../src/domain/dates.js'
import { asDeputy, asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * Review 33, as 张国华 (clerk of 建设路街道代表联络站) met it: in 光明社区 the street lights and the lift of 3号楼 were
 * one hot issue, so the lift's page listed the lamps as 同一个问题; and the 合并 dialog offered a lift complaint
 * 朱丽华 had answered nine days before without saying so. Now the lift's page lists the lifts, each saying where it
 * stands; the answered one is shown greyed with why it cannot take this message; he merges into the open one.
 */
describe('console: 合并 says where each choice stands, and offers a lift only lifts (review 33)', function () {
  this.timeout(180_000)
  const story = useConsole()

  async function write(text: string, deputyCode?: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101', ...(deputyCode ? { deputyCode } : {}) })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    story.app.clock.advance(600_000)
    return sent.body as { id: string; ticket: string }
  }
  /** A day as the console writes it beside a choice: 11月26日, with its year when not this year's. */
  const dayWords = (at: Date) => {
    const zone = story.app.liaison.config.business.timeZone
    const date = localDate(at, zone)
    return date.slice(0, 4) === localDate(story.app.clock.now(), zone).slice(0, 4) ? monthDayText(date) : dayText(date)
  }

  it('lists the lifts with their state, greys the answered one with why, and merges into the open one', async () => {
    const { clock } = story.app
    await write('光明社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便。', 'DP0004')
    await write('光明社区路灯不亮，晚上路很黑，希望尽快修好。', 'DP0004')
    await write('光明社区路灯不亮，晚上路很黑，老人摔了一跤', 'DP0004')
    await write('光明社区5号楼楼道灯不亮，晚上很黑', 'DP0004')
    const answeredDay = clock.now()
    const answered = await write('光明社区3号楼电梯坏了三天，老人上下楼困难', 'DP0010')
    const reply = await (await asDeputy(story.app, 'dp0010')).post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已联系物业和街道，本周内修好。' })
    expect(reply.status, JSON.stringify(reply.body)).to.equal(200)
    const openDay = clock.now()
    const open = await write('光明社区3号楼电梯又坏了，老人下不了楼', 'DP0021')

    // Nine days on, the lift is broken again.
    clock.advance(9 * DAY)
    const fresh = await write('光明社区3号楼电梯坏了三天，老人上下楼困难（本周又有人反映）', 'DP0010')
    clock.advance(60_000)

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.goto(`/console/cases/${fresh.id}`)
    await page.getByRole('heading', { name: `留言 ${fresh.ticket}` }).waitFor()

    // The page's 相似留言: the two lifts, each with where it stands; no street light.
    const alike = page.locator('.t-card', { has: page.locator('.t-card__title', { hasText: '相似留言' }) })
    await alike.getByRole('link', { name: answered.ticket }).waitFor({ timeout: 10_000 })
    const card = await alike.innerText()
    expect(card)
      .to.include('相似留言 2 条')
      .and.include(`已分派 · ${dayWords(openDay)}收到 · 莫欣怡代表`)
      .and.include(`已答复 · ${dayWords(answeredDay)}答复 · 朱丽华代表`)
      .and.include('热点问题里与本条是同一个问题')
      .and.not.include('路灯')
      .and.not.include('楼道灯')
    await screenshot(page, 'merge-answered-alike')

    await page.getByRole('button', { name: '与相似留言合并' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '与相似留言合并办理' })
    const offered = dialog.locator('.merge-list .t-radio')
    await offered.first().waitFor()
    const openChoice = offered.filter({ hasText: open.ticket })
    const answeredChoice = offered.filter({ hasText: answered.ticket })
    expect(await openChoice.innerText()).to.include(`已分派 · ${dayWords(openDay)}收到 · 莫欣怡代表`)
    expect(await answeredChoice.innerText())
      .to.include(`已答复 · ${dayWords(answeredDay)}答复 · 朱丽华代表`)
      .and.include('不能并入：这条已经答复过，并进去的新留言不会再有人答复。请把本条单独交给代表办理')
    expect(await answeredChoice.getAttribute('class'), 'the answered one cannot be chosen').to.include('t-is-disabled')
    expect(await openChoice.getAttribute('class')).to.not.include('t-is-disabled')
    // The open one comes first: what may be chosen is at hand.
    expect(await offered.first().innerText()).to.include(open.ticket)
    await dialog.locator('.t-dialog__close').waitFor() // drawn in full, not mid-fade
    await page.waitForTimeout(300)
    await screenshot(page, 'merge-answered-dialog')

    // A click on the answered one chooses nothing; he merges into the open one.
    await answeredChoice.click({ force: true })
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.getByText('请选择要合并到哪条留言').waitFor()
    await openChoice.click()
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.getByRole('link', { name: `已并入 ${open.ticket}` }).waitFor()
    const { store } = story.app.liaison
    expect((await store.cases.get(fresh.id))!.mergedInto).to.equal(open.id)
    expect((await store.cases.get(answered.id))!.status, 'the answered one is as it was').to.equal('replied')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('请选择要合并到哪条留言').waitFor({ state: 'hidden' })
    await screenshot(page, 'merge-answered-merged')
    expect(page.problems).to.deep.equal([])
  })
})
