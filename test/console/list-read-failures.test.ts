import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { seedDemoCampaign } from '../../src/demo/demo-campaign.js'
import { asDeputy } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage, type DemoLogin } from './harness.js'

const SUGGESTION = '关于在人民路口增设左转信号灯的建议'
const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * The office opens its lists while the server is failing: 名册, 账号与角色, 履职档案, 绑定码, a
 * campaign's 学习进度 and 代表建议. None may look like an empty list (还没有代表 would send a clerk to import
 * the roster again): each says it could not be read and offers 重试, and 重试 brings the list once
 * the server answers again.
 */
describe('console: lists when they cannot be read', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const admin = () => story.app.login((l) => l.role === 'admin')
  const office = () => story.app.login((l) => l.username === 'office')
  const organizer = () => story.app.login((l) => l.role === 'organizer')
  const stationStaff = () => story.app.login((l) => l.username === 'zhangguohua')
  const failed = (page: Page) => page.getByTestId('load-failed')
  let campaignId = ''

  before(async () => {
    const { store, services } = story.app.liaison
    campaignId = (await seedDemoCampaign(store, services, story.app.clock.now()))!.id
    // A deputy's suggestion waiting for the office's review: what 代表建议 lists once it can be read.
    const deputy = await asDeputy(story.app, 'dp0001')
    const draft = await deputy.post('/api/mp/deputy/suggestions', { title: SUGGESTION, body: '路口早晚高峰拥堵，建议增设左转信号灯。' })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    const submitted = await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200)
  })

  /**
   * Opens the page with every GET matching `read` failing, sees the failure said with 重试 and not
   * `emptyWords`, then lets the server answer and sees 重试 bring `shown`.
   */
  async function failThenRetry(
    login: DemoLogin,
    path: string,
    read: RegExp,
    opened: (page: ConsolePage) => Promise<unknown>,
    emptyWords: string[],
    shown: (page: ConsolePage) => ReturnType<Page['locator']>,
    name: string,
  ) {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    await page.route(read, (r) => (r.request().method() === 'GET' ? r.fulfill(DOWN) : r.fallback()))
    await page.goto(`/console${path}`)
    await opened(page)
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
    // What to do when 重试 does not help: the administrator is sent to technical support, not to herself.
    const whom = login.role === 'admin' ? '技术支持' : '系统管理员'
    expect(await failed(page).innerText()).to.include(`这通常是暂时的，请稍后点“重试”；一直打不开的，请联系${whom}。`)
    await failed(page).getByRole('button', { name: '重试' }).waitFor()
    const main = await page.locator('main').innerText()
    for (const words of emptyWords) expect(main, 'a failed read is not an empty list').not.to.include(words)
    expect(main).not.to.include('暂无数据')
    await screenshot(page, `list-failed-${name}`)

    await page.unroute(read)
    await failed(page).getByRole('button', { name: '重试' }).click()
    await shown(page).first().waitFor()
    expect(await failed(page).count(), 'the failure is gone once read').to.equal(0)
    expect(page.problems).to.deep.equal([])
    return page
  }

  const tab = (page: Page, name: string) => page.locator('.t-tabs__nav-item', { hasText: name })

  it('名册, 联络站: a failed read says so with 重试, not 还没有联络站, and 重试 lists the stations', () =>
    failThenRetry(
      admin(),
      '/directory',
      /\/api\/admin\/stations\?/,
      (p) => p.getByRole('heading', { name: '名册' }).waitFor(),
      ['还没有联络站'],
      (p) => p.locator('[data-test=stations]').getByRole('button', { name: '修改' }),
      'directory-stations',
    ))

  it('名册, 代表: a failed read says so with 重试, not 还没有代表, and 重试 lists the deputies', () =>
    failThenRetry(
      admin(),
      '/directory',
      /\/api\/admin\/deputies\?/,
      (p) => tab(p, '代表').click(),
      ['还没有代表'],
      (p) => p.locator('[data-test=deputies]').getByRole('button', { name: '修改' }),
      'directory-deputies',
    ))

  it('名册 without its region tree: 地区 and 联络站 say so with 重试, and 重试 shows both', async () => {
    const page = await failThenRetry(
      admin(),
      '/directory',
      /\/api\/mp\/regions/,
      (p) => p.getByRole('heading', { name: '名册' }).waitFor(),
      ['还没有联络站'],
      (p) => p.locator('[data-test=stations]').getByRole('button', { name: '修改' }),
      'directory-regions',
    )
    await tab(page, '地区').click()
    await page.locator('[data-test=region-tree] .t-tree__item').first().waitFor()
  })

  it('账号与角色: a failed read says so with 重试, not 还没有账号, and 重试 lists the accounts', () =>
    failThenRetry(
      admin(),
      '/staff',
      /\/api\/admin\/staff\?/,
      (p) => p.getByRole('heading', { name: '账号与角色' }).waitFor(),
      ['还没有账号'],
      (p) => p.locator('[data-test=staff]').getByRole('button', { name: '修改' }),
      'staff',
    ))

  it('账号与角色 without the units to choose from: 新建账号 waits until 重试 has read them', async () => {
    const page = await failThenRetry(
      admin(),
      '/staff',
      /\/api\/admin\/units(\?|$)/,
      async (p) => {
        await p.getByRole('heading', { name: '账号与角色' }).waitFor()
        await failed(p).waitFor()
        expect(await p.getByRole('button', { name: '新建账号' }).isDisabled(), 'no account made without its choices').to.equal(true)
      },
      ['还没有账号'],
      (p) => p.locator('[data-test=staff]').getByRole('button', { name: '修改' }),
      'staff-choices',
    )
    expect(await page.getByRole('button', { name: '新建账号' }).isEnabled()).to.equal(true)
  })

  it('履职档案: a failed read says so with 重试, not 还没有代表, and 重试 lists the deputies’ records', () =>
    failThenRetry(
      office(),
      '/records',
      /\/api\/admin\/records\?/,
      (p) => p.getByRole('heading', { name: '履职档案' }).waitFor(),
      ['还没有代表'],
      (p) => p.locator('.t-table tbody a[href*="/records/"]'),
      'records',
    ))

  it('绑定码: a failed read of the deputies says so with 重试, not 还没有代表, and 重试 lists them', () =>
    failThenRetry(
      stationStaff(),
      '/binding-codes',
      /\/api\/admin\/deputies\?/,
      (p) => p.getByRole('heading', { name: '绑定码' }).waitFor(),
      ['还没有代表', '还没有可选的联络站'],
      (p) => p.locator('[data-test=binding-deputies]').getByRole('button', { name: '生成绑定码' }),
      'binding-codes',
    ))

  it('绑定码: a failed read of the stations says so with 重试, not 还没有可选的联络站, and 重试 lists the deputies', () =>
    failThenRetry(
      stationStaff(),
      '/binding-codes',
      /\/api\/admin\/stations\?/,
      (p) => p.getByRole('heading', { name: '绑定码' }).waitFor(),
      ['还没有代表', '还没有可选的联络站'],
      (p) => p.locator('[data-test=binding-deputies]').getByRole('button', { name: '生成绑定码' }),
      'binding-codes-stations',
    ))

  it('学习进度: a failed read says so with 重试 instead of an empty tab, and 重试 shows the progress', () =>
    failThenRetry(
      office(),
      `/campaigns/${campaignId}`,
      /\/api\/admin\/campaigns\/[^/]+\/progress/,
      (p) => tab(p, '学习进度').click(),
      ['没有要学习的人'],
      (p) => p.locator('[data-test=campaign-totals]'),
      'campaign-progress',
    ))

  it('代表建议: a failed read says so with 重试, not 没有符合条件的建议, and 重试 lists the suggestions', () =>
    failThenRetry(
      organizer(),
      '/suggestions',
      /\/api\/admin\/suggestions\?/,
      (p) => p.getByRole('heading', { name: '代表建议' }).waitFor(),
      ['没有符合条件的建议'],
      (p) => p.locator('[data-test=suggestions] tbody tr', { hasText: SUGGESTION }),
      'suggestions',
    ))
})
