import { expect } from 'chai'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 opens 留言办理 at a station no resident has written to yet. The empty list says so, and
 * does not send her to a "清空全部筛选" button that is not there. Once she picks a status, the
 * list is empty because of her filter: then, and only then, it points to that button, which
 * brings back the plain empty list.
 */
describe('console: the empty inbox says why it is empty', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('says 还没有留言 with no filter set, and names 清空全部筛选 only when a filter is set', async () => {
    const staff = story.app.login((l) => l.role === 'station_staff' && l.username === 'zhangguohua')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff)
    await page.getByRole('heading', { name: '留言办理' }).waitFor()

    const empty = page.locator('.t-table__empty-row')
    await empty.getByText('还没有留言').waitFor()
    expect(await empty.innerText()).to.equal('还没有留言。群众的留言到了，会显示在这里。')
    expect(await page.getByRole('button', { name: '清空全部筛选' }).count(), 'no such button without a filter').to.equal(0)
    await screenshot(page, 'inbox-empty')

    await page.getByLabel('状态').click()
    await page.getByRole('listitem').filter({ hasText: '已答复' }).click()
    await page.getByText('状态：已答复').waitFor()
    await empty.getByText('没有符合条件的留言').waitFor()
    expect(await empty.innerText()).to.equal('没有符合条件的留言。可以换个条件，或点“清空全部筛选”。')
    await screenshot(page, 'inbox-empty-filtered')

    await page.getByRole('button', { name: '清空全部筛选' }).click()
    await empty.getByText('还没有留言').waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
