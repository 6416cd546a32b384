import { expect } from 'chai'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'
import { dayOf, nextMorning } from './morning.js'

/**
 * Two residents write about the same broken street lamp. 张国华 merges the second message
 * into the first (与相似留言合并). The merged one now reads 已办结: its timeline must say which
 * message it joined and lead there with one click, and, once the deputy answers the first,
 * that the answer came with that message — else nobody can tell what became of it. The other way
 * round, the message that carries the work lists the duplicates merged into it, each leading to its page.
 */
describe('console: a merged message names the message it joined', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('the timeline says 并入留言 with its ticket, which opens it, and says whose answer the resident got', async () => {
    const first = await asResident(story.app)
    const neighbour = await asResident(story.app)
    const kept = (await first.post('/api/mp/cases', { text: '光明社区东门的路灯坏了，晚上很黑', regionId: 'c010101' })).body as { id: string; ticket: string }
    const duplicate = (await neighbour.post('/api/mp/cases', { text: '光明社区东门路灯坏了，晚上很黑看不见', regionId: 'c010101' })).body as {
      id: string
      ticket: string
    }

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.goto(`/console/cases/${duplicate.id}`)
    await page.getByRole('heading', { name: `留言 ${duplicate.ticket}` }).waitFor()
    await page.getByRole('button', { name: '与相似留言合并' }).click()
    await page.locator('.merge-list .t-radio').filter({ hasText: kept.ticket }).click()
    await page.getByRole('button', { name: '确认合并' }).click()
    await page.getByText('已合并办理').first().waitFor()

    const timeline = page.getByLabel('办理经过')
    await timeline.getByText('合并办理', { exact: true }).waitFor()
    expect(await timeline.innerText()).to.include(`并入留言 ${kept.ticket}`)
    // Nobody answered it: its tag says where it went, not 已办结.
    const mergedTag = page.getByRole('link', { name: `已并入 ${kept.ticket}` })
    await mergedTag.waitFor()
    expect(await page.locator('.toolbar').innerText()).to.not.include('已办结')
    // Who handles it now reads on one line, not broken word by word down a narrow cell.
    const linesOf = (testId: string) => page.getByTestId(testId).evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size)
    await page.getByTestId('merged-deputy').getByText(kept.ticket).waitFor()
    expect(await page.getByTestId('merged-deputy').innerText()).to.match(new RegExp(`^\\S+代表（随留言 ${kept.ticket} 办理）$`))
    expect(await linesOf('merged-deputy'), '办理代表 on one line').to.equal(1)
    // The 联络站 row names the station, not the merge once more (the tag, the timeline and the 合并办理 card say it).
    expect(await page.getByTestId('case-place').innerText()).to.equal('建设路街道代表联络站')
    expect(await page.locator('.facts').first().innerText()).not.to.include('已并入')
    await screenshot(page, 'merged-into')

    const deputy = await asDeputy(story.app, (await story.app.liaison.store.cases.get(kept.id))!.deputyId!)
    expect((await deputy.post(`/api/mp/deputy/cases/${kept.id}/reply`, { text: '已联系供电所，路灯本周修好' })).status).to.equal(200)
    await page.reload()
    await timeline.getByText('已联系供电所，路灯本周修好').waitFor()
    expect(await timeline.innerText()).to.include(`随留言 ${kept.ticket} 一并答复`)

    await timeline.getByRole('link', { name: kept.ticket }).first().click()
    await page.getByRole('heading', { name: `留言 ${kept.ticket}` }).waitFor()

    // The tag leads there too.
    await page.goBack()
    await page.getByRole('heading', { name: `留言 ${duplicate.ticket}` }).waitFor()
    await mergedTag.click()
    await page.getByRole('heading', { name: `留言 ${kept.ticket}` }).waitFor()

    // In the list as well, the merged message reads as merged, not as 已办结.
    await page.goto('/console/cases')
    const row = page.locator('tbody tr').filter({ hasText: duplicate.ticket })
    await row.waitFor()
    expect(await row.innerText())
      .to.include('已合并办理')
      .and.not.include('已办结')
    const cell = row.locator('td').filter({ has: page.locator('.t-tag', { hasText: '已合并办理' }) })
    const [tagBox, cellBox] = [await cell.locator('.t-tag').boundingBox(), await cell.boundingBox()]
    expect(tagBox!.x + tagBox!.width, 'the tag ends within its column').to.be.at.most(cellBox!.x + cellBox!.width)
    // 办理代表: the name, and under it which message it went along with, its ticket in one piece.
    const along = row.getByTestId('handled-along')
    expect(await along.innerText()).to.equal(`随 ${kept.ticket} 办理`)
    expect((await row.locator('td').last().innerText()).split('\n')[0]).to.match(/^\S+$/)
    const ticketPiece = along.getByText(kept.ticket, { exact: true })
    expect(await ticketPiece.evaluate((e) => e.getClientRects().length), 'the ticket on one line').to.equal(1)
    await screenshot(page, 'merged-into-list')
    // At 164 pixels the column holds "随 <ticket>" on one line anyway. Narrower (a narrower column, a larger font), where
    // "随 " and the ticket no longer fit on one line but the ticket alone does, Chromium would break it after its
    // hyphen ("随 20261207-" / "0001 办理"): there it must move down whole.
    const ticketWidth = await ticketPiece.evaluate((e) => e.getBoundingClientRect().width)
    await along.evaluate((e, width) => (e.style.width = `${width}px`), Math.ceil(ticketWidth) + 8)
    expect(await ticketPiece.evaluate((e) => e.getClientRects().length), 'the ticket never broken over lines').to.equal(1)
    expect(await along.innerText(), 'all of it still said').to.equal(`随 ${kept.ticket} 办理`)
    expect(page.problems).to.deep.equal([])
  })

  it('the message others were merged into lists them under 合并到本条的重复留言, each opening its page', async () => {
    const residents = [await asResident(story.app), await asResident(story.app), await asResident(story.app)]
    // Received in the morning: the time under it says the hour as people write it (9:05, not 09:05).
    const morning = nextMorning(story.app.clock.now())
    story.app.clock.set(morning)
    const write = async (i: number, text: string) =>
      (await residents[i].post('/api/mp/cases', { text, regionId: 'c010101' })).body as { id: string; ticket: string }
    const kept = await write(0, '光明社区北门的下水道堵了，污水漫到路上')
    const lonely = await write(1, '光明社区的健身器材坏了，老人没法锻炼')
    const duplicate = await write(2, '北门下水道堵了好几天，路上全是污水，老人出门要绕路走')
    const login = story.app.login((l) => l.username === 'zhangguohua')
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    expect((await office.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    await page.goto(`/console/cases/${kept.id}`)
    await page.getByRole('heading', { name: `留言 ${kept.ticket}` }).waitFor()
    const list = page.getByRole('list', { name: '合并到本条的重复留言（1 条）' })
    await list.waitFor()
    expect(await list.innerText())
      .to.include(duplicate.ticket)
      .and.include('北门下水道堵了好几天，路上全是污水，老人出门要绕路走')
      .and.include(`${dayOf(morning)} 9:05 收到`)
    await screenshot(page, 'merged-duplicates')

    await list.getByRole('link', { name: duplicate.ticket }).click()
    await page.getByRole('heading', { name: `留言 ${duplicate.ticket}` }).waitFor()
    expect(await page.getByLabel('办理经过').innerText()).to.include(`并入留言 ${kept.ticket}`)

    await page.goto(`/console/cases/${lonely.id}`)
    await page.getByRole('heading', { name: `留言 ${lonely.ticket}` }).waitFor()
    await page.getByText('留言内容').waitFor()
    expect(await page.getByText(/合并到本条的重复留言/).count(), 'a message with none has no such list').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
