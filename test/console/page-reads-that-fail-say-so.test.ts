import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { clerkZhang } from './clerk-inbox.js'
import { logInAs, newPage, useConsole, type ConsoleApp, type DemoLogin } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '服务器出错了，请稍后再试', details: [] } }),
}

interface Case {
  page: string
  who: (app: ConsoleApp) => DemoLogin
  /** The read that fails, by its path on the server. */
  read: string
  /** What the page said of a failure before: nothing at all, or "none" where there may be some. */
  emptyWords: string
  /** What the page shows once read. */
  shown: (p: Page) => ReturnType<Page['locator']>
}

const office = (app: ConsoleApp) => app.login((l) => l.role === 'organizer')

/**
 * Pages that started their first read and left it to run: a failing server made them show an empty
 * page (本站还没有代表, 目前没有…) or none at all, with the failure left uncaught in the page. Each now
 * says the server's words with 重试, and 重试 shows what was there.
 */
describe('console: a page whose first read fails says so with 重试', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const failed = (page: Page) => page.getByTestId('load-failed')

  const cases: Case[] = [
    {
      page: '/deputies',
      who: clerkZhang,
      read: '/api/admin/deputies',
      emptyWords: '本站还没有代表',
      shown: (p) => p.getByText(/本站代表（[1-9]\d* 位）/),
    },
    {
      page: '/posters?kind=deputies',
      who: clerkZhang,
      read: '/api/admin/deputies',
      emptyWords: '本站还没有代表',
      shown: (p) => p.getByText('扫码给我留言').first(),
    },
    {
      page: '/record-activities',
      who: clerkZhang,
      read: '/api/admin/records/activities',
      emptyWords: '没有待审核的履职活动',
      shown: (p) => p.getByText('没有待审核的履职活动。').or(p.getByTestId('activity').first()),
    },
    {
      page: '/analysis/publications',
      who: office,
      read: '/api/admin/publications/candidates',
      emptyWords: '目前没有可以公开的留言',
      shown: (p) => p.getByText('目前没有可以公开的留言。').or(p.getByTestId('candidate').first()),
    },
    {
      page: '/unit/suggestions',
      who: (app) => app.login((l) => l.role === 'unit_staff'),
      read: '/api/unit/suggestions',
      emptyWords: '目前没有交给本单位的建议',
      shown: (p) =>
        p
          .locator('.t-empty__description', { hasText: '目前没有交给本单位的建议' })
          .or(p.locator('[data-test=assigned] tbody tr:not(.t-table__empty-row)'))
          .first(),
    },
  ]
  for (const { page: path, who, read, emptyWords, shown } of cases) {
    it(`${path}: the server's words and 重试, not "${emptyWords}"`, async () => {
      const page = await newPage(story.browser, story.app)
      await logInAs(page, who(story.app))
      const down = (url: URL) => url.pathname === read
      await page.route(down, (r) => r.fulfill(DOWN))
      await page.goto(`/console${path}`)
      await failed(page).waitFor()
      expect(await failed(page).innerText()).to.include('服务器出错了，请稍后再试')
      expect(await page.locator('main').innerText()).not.to.include(emptyWords)

      await page.unroute(down)
      await failed(page).getByRole('button', { name: '重试' }).click()
      await shown(page).waitFor()
      expect(await failed(page).count()).to.equal(0)
      expect(page.problems).to.deep.equal([])
    })
  }
})
