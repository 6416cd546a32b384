import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * An admin's menu has 27 entries: in one list, 承办单位 sat last, far below 名册, and 民生实事 far from
 * 会议活动. Under headings, each page is found beside the pages of the same work.
 */
describe('console: the menu under headings', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  /** Each heading with the entries under it, as the menu shows them. */
  async function sections(page: Page) {
    await page.locator('.t-menu .t-menu__item').first().waitFor()
    return page.locator('.t-menu .t-menu-group').evaluateAll((groups) =>
      groups.map((g) => ({
        heading: g.querySelector('.t-menu-group__title')?.textContent?.trim(),
        entries: [...g.querySelectorAll('.t-menu__item')].map((i) => i.textContent?.trim()),
      })),
    )
  }

  it('shows an admin the day’s work first and the administrator’s pages last, each under its heading', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
    )
    const shown = await sections(page)
    expect(shown.map((s) => s.heading)).to.deep.equal(['日常工作', '分析研判', '组织工作', '代表履职', '建议办理', '基础信息', '系统管理'])
    expect(shown.find((s) => s.heading === '基础信息')?.entries).to.deep.equal(['名册', '工作日历', '承办单位'])
    expect(shown.find((s) => s.heading === '组织工作')?.entries).to.include.members(['会议活动', '民生实事'])
    await screenshot(page, 'console-menu-admin')

    // Going to a page still lights its entry under its heading.
    await page.locator('.t-menu').getByText('承办单位', { exact: true }).click()
    await page.getByRole('heading', { name: '承办单位' }).waitFor()
    expect(await page.locator('.t-menu .t-is-active').allInnerTexts()).to.deep.equal(['承办单位'])
    expect(page.problems).to.deep.equal([])
  })

  it('gives station staff their own headings, with nothing of the office’s', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'station_staff'),
    )
    const shown = await sections(page)
    expect(shown[0]).to.deep.equal({ heading: '日常工作', entries: ['工作概览', '留言办理', '统计分析', '代表与值班', '二维码海报', '绑定码'] })
    expect(shown.map((s) => s.heading)).not.to.include('系统管理')
    expect(page.problems).to.deep.equal([])
  })
})
