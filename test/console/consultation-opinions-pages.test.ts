import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A consultation with more opinions than a page holds: 逐条意见 says how many there are and pages
 * through them, 20 at a time, instead of showing only what one answer of the server carried.
 */
describe('console: a consultation’s opinions, page by page', function () {
  this.timeout(150_000)
  const story = useConsole()

  it('says 共 25 条意见 and shows the last five on the second page', async () => {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const made = await office.post('/api/admin/surveys', {
      kind: 'consultation',
      title: '青澜市养犬管理条例（草案）征求意见',
      closesAt: new Date(story.app.clock.now().getTime() + 7 * DAY).toISOString(),
      articles: [{ id: 'a1', number: '第一条', text: '为了规范养犬行为，制定本条例。' }],
      questions: [],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    for (let i = 1; i <= 25; i++) {
      story.app.clock.advance(60_000)
      const sent = await (
        await asResident(story.app)
      ).post(`/api/mp/surveys/${made.body.id}/responses`, {
        comments: [{ articleId: 'a1', text: `第${i}位居民的意见` }],
      })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${made.body.id}`)
    await page.locator('.t-tabs__nav-item', { hasText: '逐条意见' }).click()
    await page.locator('[data-test=opinions-total]').getByText('共 25 条意见', { exact: true }).waitFor()
    const rows = page.locator('[data-test=opinions] tbody tr')
    expect(await rows.count()).to.equal(20)
    await page.locator('[data-test=opinions-pager] .t-pagination__number').getByText('2', { exact: true }).click()
    await rows.last().getByText('第25位居民的意见').waitFor()
    expect(await rows.count()).to.equal(5)
    expect(await rows.first().innerText()).to.include('第21位居民的意见')
    await screenshot(page, 'console-consultation-opinions-page-2')
    expect(page.problems).to.deep.equal([])
  })
})
