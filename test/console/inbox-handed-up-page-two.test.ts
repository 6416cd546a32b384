import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A resident rings 建设路街道代表联络站 about "my message, number 0001". Her station has had a 0001
 * nearly every day for weeks: the search for it runs to a second page. Her own 0001 was handed up
 * (上报) to the district office, and the list says so above it. 张国华 pages on to page 2, opens a
 * message there and comes back, or reloads: page 2 must still say where the handed-up one went, as
 * page 1 did, not leave her thinking there is no such message.
 */
describe('console: a number search’s page 2 still says where a handed-up message went', function () {
  this.timeout(150_000)
  const story = useConsole()

  it('keeps the 上报 note above page 2 after opening a message, going back and reloading', async () => {
    const clerk = story.app.login((l) => l.username === 'zhangguohua')
    const resident = await asResident(story.app)
    // The first message of each of 22 days: all the same short number, 21 stay in her list (20 on page 1, 1 on page 2).
    const sent: Array<{ id: string; ticket: string }> = []
    for (let day = 1; day <= 22; day++) {
      story.app.clock.advance(DAY)
      const answer = await resident.post('/api/mp/cases', { text: `光明社区第${day}号楼的楼道灯坏了，晚上看不清台阶`, regionId: 'c010101' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent.push(answer.body as { id: string; ticket: string })
    }
    const number = sent[0]!.ticket.slice(-4)
    expect(
      sent.every((c) => c.ticket.endsWith(number)),
      'one short number',
    ).to.equal(true)

    // Logged in after the weeks went by: a session does not last them.
    const office = await new Client(story.app.baseUrl).login(clerk.username, clerk.password)
    // The newest goes up to the district: from her station's queue (its deputy, if it has one, hands it back first).
    const gone = sent.at(-1)!
    const deputyId = (await office.get(`/api/admin/cases/${gone.id}`)).body.deputyId as string | null
    if (deputyId) {
      const handedBack = await (await asDeputy(story.app, deputyId)).post(`/api/mp/deputy/cases/${gone.id}/transfer`, { reason: '涉及两个街道，请站里协调' })
      expect(handedBack.status, JSON.stringify(handedBack.body)).to.equal(200)
    }
    const handedUp = await office.post(`/api/admin/cases/${gone.id}/hand-up`, { reason: '涉及两个街道，需要区里协调' })
    expect(handedUp.status, JSON.stringify(handedUp.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(number)
    await box.press('Enter')
    const note = page.getByTestId('handed-up')
    const says = async (where: string) => {
      await note.waitFor({ timeout: 10_000 }).catch(() => {
        throw new Error(`${where}: no note says where ${gone.ticket} went`)
      })
      expect(await note.innerText(), where)
        .to.include(`编号 ${gone.ticket} 的留言已于`)
        .and.include('由本站上报')
    }
    await says('page 1')

    const rows = (p: Page) => p.locator('tbody tr:not(.t-table__empty-row)')
    await page.getByRole('button', { name: '下一页' }).click()
    await page.getByText('第 2 页').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    await says('page 2')

    await rows(page).first().locator('a').click()
    await page.getByRole('heading', { name: /^留言 / }).waitFor()
    await page.getByRole('button', { name: '← 返回留言列表' }).click()
    await page.getByText('第 2 页').waitFor()
    await rows(page).first().waitFor()
    await says('page 2, back from a message')
    await screenshot(page, 'inbox-handed-up-page-two')

    await page.reload()
    await page.getByText('第 2 页').waitFor()
    await rows(page).first().waitFor()
    await says('page 2, reloaded')
    expect(await note.count(), 'said once').to.equal(1)
    expect(page.problems).to.deep.equal([])
  })
})
