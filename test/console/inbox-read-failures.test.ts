import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * 张国华 opens her inbox, and then one message, while the server is failing. Neither page may
 * pass the outage off as "no messages match" or show an empty page: each says the list or the
 * message could not be read, offers 重试, and 重试 shows it once the server answers again.
 */
describe('console: the inbox and a message when they cannot be read', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const staff = () => story.app.login((l) => l.username === 'zhangguohua')
  const failed = (page: Page) => page.getByTestId('load-failed')
  let ticket = ''
  let caseId = ''
  before(async () => {
    const resident = await asResident(story.app)
    const answer = await resident.post('/api/mp/cases', { text: '光明社区5号楼下水道堵了，污水漫到路上', regionId: 'c010101' })
    expect(answer.status).to.equal(201)
    ticket = answer.body.ticket
    caseId = answer.body.id
  })

  it('留言办理: a failed read says so with 重试, not "没有符合条件的留言", and 重试 lists the messages', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff())
    await page.getByRole('link', { name: ticket }).waitFor()
    await page.route(/\/api\/admin\/cases\?/, (r) => r.fulfill(DOWN))
    await page.goto('/console/cases?status=assigned')
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
    expect(await page.locator('main').innerText()).not.to.include('没有符合条件的留言')
    await screenshot(page, 'inbox-read-failed')

    await page.unroute(/\/api\/admin\/cases\?/)
    await failed(page).getByRole('button', { name: '重试' }).click()
    await page.getByRole('link', { name: ticket }).waitFor()
    expect(await failed(page).count()).to.equal(0)
    expect(page.url(), 'the filters stay').to.include('status=assigned')
    expect(page.problems).to.deep.equal([])
  })

  it('留言详情: a failed read says so with 重试 instead of an empty page, and 重试 shows the message', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, staff())
    await page.route(`**/api/admin/cases/${caseId}`, (r) => r.fulfill(DOWN))
    await page.goto(`/console/cases/${caseId}`)
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
    expect(await page.locator('main').innerText(), 'an outage is not "not yours"').not.to.include('无权查看')
    await screenshot(page, 'case-read-failed')

    await page.unroute(`**/api/admin/cases/${caseId}`)
    await failed(page).getByRole('button', { name: '重试' }).click()
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    expect(await failed(page).count()).to.equal(0)
    expect(page.problems, 'no uncaught error behind the page').to.deep.equal([])
  })
})
