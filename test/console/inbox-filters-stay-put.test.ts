import { expect } from 'chai'
import type { Locator } from 'playwright-core'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/** Where a box stands on the page, in CSS pixels from the top of the document. */
const topOf = (box: Locator) => box.evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY))

/**
 * 张国华 sets her first filter in 留言办理: the 常用筛选 row (把当前筛选存为常用) comes then, and
 * above the filters it pushed every one of them down under her mouse. It now stands under them, with
 * 正在看, so the filters stay where she found them: with a filter set, with a saved view, and after
 * 清空全部筛选.
 */
describe('console: the inbox filters stay where the clerk found them', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('shows 常用筛选 under the filters, never pushing them down', async () => {
    expect(
      (await (await asResident(story.app)).post('/api/mp/cases', { text: '光明社区幸福路的路灯坏了，晚上看不见路', regionId: 'c010101' })).status,
    ).to.equal(201)
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
      '/cases',
    )
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    const status = page.getByLabel('状态')
    const deputy = page.getByLabel('代表', { exact: true })
    await page.locator('tbody').getByText('光明社区幸福路的路灯坏了').waitFor()
    const before = { status: await topOf(status), deputy: await topOf(deputy) }
    expect(await page.getByTestId('saved-views').count(), 'no filter set, none saved: no row').to.equal(0)

    await status.click()
    await page.getByRole('listitem').filter({ hasText: '已分派' }).click()
    await page.getByText('状态：已分派').waitFor()
    const views = page.getByTestId('saved-views')
    await views.getByRole('button', { name: '把当前筛选存为常用' }).waitFor()
    expect({ status: await topOf(status), deputy: await topOf(deputy) }, 'the filters have not moved').to.deep.equal(before)
    const filtersEnd = await deputy.evaluate((el) => Math.round(el.getBoundingClientRect().bottom + window.scrollY))
    expect(await topOf(views), '常用筛选 under the filters').to.be.greaterThan(filtersEnd)

    await views.getByRole('button', { name: '把当前筛选存为常用' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '存为常用筛选' })
    await dialog.getByPlaceholder('给这组筛选起个名字').fill('已分派的')
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存“已分派的”').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await views.getByText('已分派的', { exact: true }).waitFor()
    expect(await views.innerText()).to.match(/^常用筛选：\s*已分派的\s*把当前筛选存为常用$/)
    await page.locator('tbody').getByText('光明社区幸福路的路灯坏了').waitFor()
    await screenshot(page, 'inbox-saved-view-under-filters')

    // Nothing set, one view kept: the row stays, still under the filters.
    await page.getByRole('button', { name: '清空全部筛选' }).click()
    await page.getByText('状态：已分派').waitFor({ state: 'detached' })
    expect(await views.getByRole('button', { name: '把当前筛选存为常用' }).count(), 'nothing to save').to.equal(0)
    await views.getByText('已分派的', { exact: true }).waitFor()
    expect({ status: await topOf(status), deputy: await topOf(deputy) }, 'the filters have not moved').to.deep.equal(before)
    expect(page.problems).to.deep.equal([])
  })
})
