import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { clerkZhang } from './clerk-inbox.js'
import { logInAs, newPage, useConsole, type ConsoleApp, type DemoLogin } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

interface Case {
  page: string
  who: (app: ConsoleApp) => DemoLogin
  /** The read that fails, by its path on the server. */
  read: string
  /** What the page said of a failure before: "none" where there may be some ('' where it said nothing at all). */
  emptyWords: string
  /** What the page shows once read. */
  shown: (p: Page) => ReturnType<Page['locator']>
}

const office = (app: ConsoleApp) => app.login((l) => l.role === 'organizer')
const admin = (app: ConsoleApp) => app.login((l) => l.role === 'admin')
const unitStaff = (app: ConsoleApp) => app.login((l) => l.role === 'unit_staff')
/** A list's rows once read, or its "none" words where the story's city has none. */
const rowsOr = (p: Page, none: string) =>
  p
    .locator('main .t-table tbody tr:not(.t-table__empty-row)')
    .or(p.locator('.t-empty__description', { hasText: none }))
    .first()

/**
 * Pages that started their first read and left it to run: a failing server made them show an empty
 * page (本站还没有代表, 目前没有…, 还没有会议) or none at all, with the failure left uncaught in the page (a toast). Each now
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
      who: unitStaff,
      read: '/api/unit/suggestions',
      emptyWords: '目前没有交给本单位的建议',
      shown: (p) =>
        p
          .locator('.t-empty__description', { hasText: '目前没有交给本单位的建议' })
          .or(p.locator('[data-test=assigned] tbody tr:not(.t-table__empty-row)'))
          .first(),
    },
    // The list pages that read with onMounted(load) and left a failure to a toast over 还没有….
    { page: '/outbox', who: admin, read: '/api/admin/outbox', emptyWords: '没有这类消息', shown: (p) => p.locator('[data-test=outbox-counts]') },
    { page: '/meetings', who: office, read: '/api/admin/meetings', emptyWords: '还没有会议', shown: (p) => rowsOr(p, '还没有会议') },
    { page: '/units', who: admin, read: '/api/admin/units', emptyWords: '还没有承办单位', shown: (p) => rowsOr(p, '还没有承办单位') },
    { page: '/quizzes', who: office, read: '/api/admin/quizzes', emptyWords: '还没有知识竞赛', shown: (p) => rowsOr(p, '还没有知识竞赛') },
    {
      page: '/suggestions',
      who: office,
      read: '/api/admin/suggestions',
      emptyWords: '没有符合条件的建议',
      shown: (p) => rowsOr(p, '没有符合条件的建议'),
    },
    {
      page: '/suggestions/stats',
      who: office,
      read: '/api/admin/suggestions/stats',
      emptyWords: '年还没有交办的建议',
      shown: (p) => rowsOr(p, '年还没有交办的建议'),
    },
    {
      page: '/surveys',
      who: office,
      read: '/api/admin/surveys',
      emptyWords: '还没有问卷',
      shown: (p) => rowsOr(p, '还没有问卷'),
    },
    {
      page: '/campaigns',
      who: office,
      read: '/api/admin/campaigns',
      emptyWords: '还没有学习活动',
      shown: (p) => rowsOr(p, '还没有学习活动'),
    },
    {
      page: '/projects',
      who: office,
      read: '/api/admin/livelihood/cycles',
      emptyWords: '还没有民生实事年度征集',
      shown: (p) => p.locator('[data-test=cycle-status], [data-test=no-cycles]').first(),
    },
    {
      page: '/unit/projects',
      who: unitStaff,
      read: '/api/admin/unit/livelihood-projects',
      emptyWords: '暂无承办的民生实事项目',
      shown: (p) => p.locator('[data-test^=project-]').or(p.getByText('本单位暂无承办的民生实事项目')).first(),
    },
    // The places its picker names came first: their failure left the page blank under a toast.
    { page: '/analysis/weekly-report', who: office, read: '/api/mp/regions', emptyWords: '', shown: (p) => p.getByTestId('top-issues') },
    { page: '/analysis/weekly-report', who: office, read: '/api/admin/analysis/weekly-report', emptyWords: '', shown: (p) => p.getByTestId('top-issues') },
  ]
  for (const { page: path, who, read, emptyWords, shown } of cases) {
    it(`${path} (${read}): the server's words and 重试${emptyWords ? `, not "${emptyWords}"` : ''}`, async () => {
      const page = await newPage(story.browser, story.app)
      await logInAs(page, who(story.app))
      const down = (url: URL) => url.pathname === read
      await page.route(down, (r) => r.fulfill(DOWN))
      await page.goto(`/console${path}`)
      await failed(page).waitFor()
      expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
      if (emptyWords) expect(await page.locator('main').innerText()).not.to.include(emptyWords)
      // Said once, in place: no toast of the same words besides.
      expect(await page.locator('.t-message').count()).to.equal(0)

      await page.unroute(down)
      await failed(page).getByRole('button', { name: '重试' }).click()
      await shown(page).waitFor()
      expect(await failed(page).count()).to.equal(0)
      expect(page.problems).to.deep.equal([])
    })
  }
})
