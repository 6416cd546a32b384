import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * 张国华 opens 分派给代表 on a message while the server is failing. The picker must not say
 * 没有找到这位代表 (she would think the deputy is not there), nor keep the list of the name she
 * looked up before: it says the search did not work, and 重试 lists the deputies once the
 * server answers again.
 */
describe('console: looking up a deputy to assign when the search fails', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('says 查找代表没有成功 with 重试, not 没有找到这位代表, and 重试 lists them', async () => {
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '光明社区3号楼的电梯经常停运，老人上下楼困难', regionId: 'c010101' })
    expect(submitted.status).to.equal(201)
    const { id, ticket } = submitted.body as { id: string; ticket: string }
    const choices = new RegExp(`/api/admin/cases/${id}/deputy-choices(\\?|$)`)
    const picker = (page: import('playwright-core').Page) => page.getByRole('listbox', { name: '可分派的代表' })

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()

    // The first list fails.
    await page.route(choices, (r) => r.fulfill(DOWN))
    await page.getByRole('button', { name: /分派给代表|改派给其他代表/ }).click()
    await page.getByTestId('picker-failed').waitFor()
    expect(await picker(page).innerText())
      .to.include('查找代表没有成功')
      .and.include('系统出了点问题，请稍后再试')
      .and.not.include('没有找到这位代表')
    await screenshot(page, 'deputy-picker-failed')

    // 重试 once the server is back lists the deputies.
    await page.unroute(choices)
    await page.getByTestId('picker-failed').getByRole('button', { name: '重试' }).click()
    await page.getByRole('option').first().waitFor()
    expect(await page.getByTestId('picker-failed').count()).to.equal(0)
    const name = (await page.getByRole('option').first().locator('strong').innerText()).trim()

    // A later search by name that fails does not leave the earlier list standing for its answer.
    await page.route(choices, (r) => r.fulfill(DOWN))
    // (Typing searches once the typing pauses: one search, failing.)
    const failedSearch = page.waitForResponse((r) => choices.test(r.url()) && r.status() === 500)
    await page.getByPlaceholder('输入代表姓名查找').fill(name)
    await failedSearch
    await page.getByTestId('picker-failed').waitFor()
    expect(await page.getByRole('option').count(), 'no list from an earlier search').to.equal(0)
    expect(await picker(page).innerText()).not.to.include('没有找到这位代表')

    await page.unroute(choices)
    await page.getByTestId('picker-failed').getByRole('button', { name: '重试' }).click()
    await page.getByRole('option').filter({ hasText: name }).first().waitFor()
    expect(page.problems, 'no uncaught error behind the picker').to.deep.equal([])
  })
})
