import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * After a busy weekend 张国华 has more messages than one page holds. She works through page 2,
 * opening the messages one by one: each 返回留言列表 (or the browser's back button, or a reload)
 * must bring her back to page 2, where she was, not to page 1. Opening 留言办理 from the menu
 * starts again at the newest.
 */
describe('console: the inbox page she was on survives opening a message', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('返回留言列表, back and reload keep page 2; 上一页 still works; the menu starts at page 1', async () => {
    const resident = await asResident(story.app)
    for (let i = 1; i <= 25; i++) {
      const answer = await resident.post('/api/mp/cases', { text: `光明社区第${i}号楼的楼道灯坏了，晚上看不清台阶`, regionId: 'c010101' })
      expect(answer.status).to.equal(201)
      story.app.clock.advance(60_000)
    }
    const rows = (page: import('playwright-core').Page) => page.locator('tbody tr:not(.t-table__empty-row)')
    const firstTicket = async (page: import('playwright-core').Page) => (await rows(page).first().locator('a').innerText()).trim()

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await rows(page).first().waitFor()
    const pageOneTop = await firstTicket(page)
    await page.getByRole('button', { name: '下一页' }).click()
    await page.getByText('第 2 页').waitFor()
    await page.waitForFunction((top) => !document.querySelector('tbody')?.textContent?.includes(top), pageOneTop)
    const pageTwoTop = await firstTicket(page)
    expect(await rows(page).count()).to.equal(5)

    await rows(page).nth(2).locator('a').click()
    await page.getByRole('heading', { name: /^留言 / }).waitFor()
    await page.getByRole('button', { name: '← 返回留言列表' }).click()
    await page.getByText('第 2 页').waitFor()
    await rows(page).first().waitFor()
    expect(await firstTicket(page), '返回留言列表 comes back to page 2').to.equal(pageTwoTop)
    await screenshot(page, 'inbox-page-kept')

    await rows(page).nth(3).locator('a').click()
    await page.getByRole('heading', { name: /^留言 / }).waitFor()
    await page.goBack()
    await page.getByText('第 2 页').waitFor()
    await page.waitForFunction((top) => document.querySelector('tbody a')?.textContent?.trim() === top, pageTwoTop)

    await page.reload()
    await page.getByText('第 2 页').waitFor()
    await page.waitForFunction((top) => document.querySelector('tbody a')?.textContent?.trim() === top, pageTwoTop)

    await page.getByRole('button', { name: '上一页' }).click()
    await page.getByText('第 1 页').waitFor()
    await page.waitForFunction((top) => document.querySelector('tbody a')?.textContent?.trim() === top, pageOneTop)

    await page.getByRole('button', { name: '下一页' }).click()
    await page.getByText('第 2 页').waitFor()
    await page.locator('.t-menu').getByText('热点问题').click()
    await page.waitForURL(/hot-issues/)
    await page.locator('.t-menu').getByText('留言办理').click()
    await page.getByText('第 1 页').waitFor()
    await page.waitForFunction((top) => document.querySelector('tbody a')?.textContent?.trim() === top, pageOneTop)
    expect(page.problems).to.deep.equal([])
  })
})
