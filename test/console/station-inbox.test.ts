import { expect } from 'chai'
import { asDeputy, asResident } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 staffs 建设路街道代表联络站. A message came in, its deputy sent it back to the
 * station; she finds it among the waiting ones, gives it to another deputy by name, and
 * later sees that deputy's reply.
 */
describe('console: station staff triage their inbox', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('finds a waiting message by filter, assigns it to a deputy by name, sees the timeline say so and then the reply', async () => {
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '光明社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便', regionId: 'c010101' })
    expect(submitted.status).to.equal(201)
    const caseId = submitted.body.id as string
    const first = (await story.app.liaison.store.cases.get(caseId))!
    const firstDeputy = await asDeputy(story.app, first.deputyId!)
    expect((await firstDeputy.post(`/api/mp/deputy/cases/${caseId}/transfer`, { reason: '我这段时间在外地学习，请站里另派代表' })).status).to.equal(200)
    await resident.post('/api/mp/cases', { text: '幸福社区菜市场门口占道经营', regionId: 'c010102' }) // another, still with its deputy

    const others = (await story.app.liaison.store.deputies.search({ stationId: first.stationId!, limit: 50 })).items.filter((d) => d.id !== first.deputyId)
    const chosen = others[0]
    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    expect(await page.locator('tbody tr').count()).to.equal(2)
    // Each ticket and time reads on one line ("20261204-0001", not "20261204-" over "0001"), within its column,
    // and the table still fits the 1366-pixel window.
    const lines = await page.evaluate(() =>
      // The 编号 and 提交时间 columns, second and third after the tick box.
      [...document.querySelectorAll('tbody tr:not(.t-table__empty-row)')]
        .flatMap((tr) => [tr.children[1], tr.children[2]])
        .map((td) => {
          const range = document.createRange()
          range.selectNodeContents(td)
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
          return { text: (td as HTMLElement).innerText, lines: tops.size, spills: td.scrollWidth > td.clientWidth }
        }),
    )
    expect(lines.map((l) => l.text)).to.include(first.ticket)
    expect(
      lines.filter((l) => l.lines !== 1 || l.spills),
      'cells broken over two lines or spilling',
    ).to.deep.equal([])
    expect(await page.locator('.t-table__content').evaluate((t) => t.scrollWidth - t.clientWidth), 'the table is wider than its card by').to.equal(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'the page scrolls sideways by').to.equal(0)

    // Only the waiting ones: the filter goes into the address.
    await page.getByLabel('状态').click()
    await page.getByRole('listitem').filter({ hasText: '待分派' }).click()
    await page.waitForURL(/status=submitted/)
    await page.getByText('状态：待分派').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1)
    const row = page.locator('tbody tr').first()
    expect(await row.innerText())
      .to.include(first.ticket)
      .and.include('待分派')
      .and.include('（待分派）')
    // A short list fits the window under the menu and its name: no scroll bar, no strip of another grey below.
    expect(await page.locator('.t-menu__logo').innerText()).to.equal('人大代表联络站')
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), 'the page scrolls past the window by').to.equal(0)
    await screenshot(page, 'station-inbox')

    // A reload keeps the filter.
    await page.reload()
    await page.getByText('状态：待分派').waitFor()

    await page.getByRole('link', { name: first.ticket }).click()
    await page.getByRole('heading', { name: `留言 ${first.ticket}` }).waitFor()
    expect(await page.getByLabel('办理经过').innerText()).to.include('我这段时间在外地学习')
    // Nobody holds it yet: 办理代表 says it in the list's word (待分派), not 未分派 beside a 待分派 tag.
    expect(await page.locator('.facts').first().innerText())
      .to.include('（待分派）')
      .and.not.include('未分派')
    // Sent back by its deputy, it waits at the station: 为什么分到这里 names the deputy first chosen, and says so.
    const whyCard = page.locator('.t-card').filter({ hasText: '为什么分到这里' })
    expect(await whyCard.innerText()).to.include(`以上是收到留言时的分派依据；后来已交回建设路街道代表联络站，等待重新分派代表。`)
    await page.getByRole('button', { name: '分派给代表' }).click()
    await page.getByPlaceholder('输入代表姓名查找').fill(chosen.name)
    await page.getByPlaceholder('输入代表姓名查找').press('Enter')
    const option = page.getByRole('option').filter({ hasText: chosen.name })
    await option.waitFor()
    expect(await option.innerText()).to.match(/在办 \d+ 条/)
    await option.click()
    await dialogShown(page)
    await screenshot(page, 'assign-dialog', { window: true })
    await page.getByRole('button', { name: '确认分派' }).click()

    const timeline = page.getByLabel('办理经过')
    await timeline.getByText(`交给${chosen.name}代表`).waitFor()
    // Chinese without spaces between words ("从莫欣怡代表交给建设路街道代表联络站", not "从 莫欣怡代表 交给 …").
    const moves = (await timeline.locator('.event-move').allInnerTexts()).join('\n')
    expect(moves).to.include(`交给${chosen.name}代表`)
    expect(moves.match(/\p{Script=Han} +\p{Script=Han}/gu), 'spaces between Chinese words').to.equal(null)
    expect(await timeline.innerText())
      .to.include('分派代表')
      .and.include(`${staff.name}（联络站工作人员）`)
    // 为什么分到这里 explains the first, automatic choice: it now says the message went to another deputy since,
    // and names deputies by name, never by their code in the directory.
    const firstName = (await story.app.liaison.store.deputies.get(first.deputyId!))!.name
    const why = page.locator('.reasons')
    expect(await why.innerText()).to.include(`${firstName}代表`)
    expect(await why.innerText(), 'no directory codes, no percentage').to.not.match(/DP\d|ST\d|把握|%/)
    expect(await whyCard.innerText()).to.include(`以上是收到留言时的分派依据；后来已改派给${chosen.name}代表。`)
    // Pictured once the dialog has gone, not while it fades out over the page.
    await dialogsClosed(page)
    await screenshot(page, 'case-detail')

    // The deputy answers in the mini-program; the page shows it when opened again.
    const deputy = await asDeputy(story.app, chosen.id)
    expect((await deputy.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已联系社区物业，本周五前修好路灯' })).status).to.equal(200)
    await page.reload()
    await page.getByText('已联系社区物业，本周五前修好路灯').first().waitFor()
    expect(await timeline.innerText()).to.include('代表答复')
    expect(page.problems).to.deep.equal([])
  })
})
