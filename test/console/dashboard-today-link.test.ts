import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 陈明亮's office PC has its clock a day behind (nobody set it since the power cut). His
 * dashboard counts today's new messages by the server's clock, so "今天新收到 2 条" is right;
 * a click on it must list those two messages, not an empty list whose dates were worked out
 * from the PC's clock ("2026-12-05 至 2026-12-04").
 */
describe("console: the dashboard's 今天新收到 on a PC whose clock is off", function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('lists exactly the messages it counts, whatever the PC clock says', async () => {
    const tickets: string[] = []
    for (const text of ['光明社区菜市场门口积水严重', '幸福社区健身器材损坏']) {
      const resident = await asResident(story.app)
      const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(answer.status).to.equal(201)
      tickets.push(answer.body.ticket)
    }

    const page = await newPage(story.browser, story.app)
    await page.clock.install({ time: story.app.clock.now().getTime() - 86_400_000 })
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenmingliang'),
    )
    await page.getByLabel('今天新收到 2 条，点击查看').click()
    await page.waitForURL(/\/console\/cases\?/)
    await page.getByText(/提交日期：/).waitFor()
    await page.locator('tbody tr:not(.t-table__empty-row)').first().waitFor()
    await screenshot(page, 'dashboard-today-link')
    const listed = await page.locator('tbody').innerText()
    for (const ticket of tickets) expect(listed).to.include(ticket)
    expect(await page.locator('tbody tr').count()).to.equal(2)
    expect(page.problems).to.deep.equal([])
  })
})
