import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { cityOrganizer } from './organizer-story.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000
const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * The city's organizer ends a draft regulation's 立法征求意见 early: the confirm says how many have
 * given their opinions and that it cannot be reopened, in a consultation's words, and once ended the
 * banner says what comes next (逐条意见). Opened from the list while the server is failing, the page
 * names it 这次征求意见, never 这份问卷.
 */
describe('console: a consultation ended early, and one that cannot be read, in its own words', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()

  async function consultation(title: string) {
    const login = await cityOrganizer(story.app)
    const office = await new Client(story.app.baseUrl).login(login.username, login.password)
    const made = await office.post('/api/admin/surveys', {
      kind: 'consultation',
      title,
      closesAt: new Date(story.app.clock.now().getTime() + 7 * DAY).toISOString(),
      articles: [
        { id: 'a1', number: '第一条', text: '为了规范养犬行为，保障公民健康和人身安全，制定本条例。' },
        { id: 'a2', number: '第二条', text: '本市行政区域内的养犬和养犬管理活动，适用本条例。' },
      ],
      questions: [],
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    return { login, id: made.body.id as string }
  }

  it('ends it through the confirm, which says how many gave opinions, and then says to decide each opinion', async () => {
    const { login, id } = await consultation('青澜市养犬管理条例（草案）征求意见')
    for (const text of ['建议写明遛狗必须牵绳', '第二条应包括城乡接合部']) {
      const sent = await (await asResident(story.app)).post(`/api/mp/surveys/${id}/responses`, { comments: [{ articleId: 'a1', text }] })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }

    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, `/surveys/${id}`)
    await page.getByRole('button', { name: '提前结束' }).click()
    const confirm = page.locator('.t-popconfirm')
    await confirm.getByText('已有 2 人提交意见。提前结束后不能再提意见，也不能重新开放，确定现在结束征求意见吗？', { exact: true }).waitFor()
    expect(await confirm.innerText(), 'a consultation is not filled in').not.to.contain('填写')
    // Its picture once it has faded in fully, not half way.
    await page.waitForFunction(() => {
      const popup = [...document.querySelectorAll<HTMLElement>('.t-popup.t-popconfirm')].find((p) => p.style.display !== 'none')
      return (
        !!popup &&
        ![...popup.classList].some((c) => c.includes('-enter')) &&
        popup.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') &&
        getComputedStyle(popup).opacity === '1'
      )
    })
    await screenshot(page, 'console-consultation-end-confirm')
    await confirm.getByRole('button', { name: '确定' }).click()

    await page.locator('.t-alert').getByText('已停止收集意见。请在“逐条意见”里对每条意见作出采纳决定', { exact: true }).waitFor()
    await page.locator('[data-test=phase]').getByText('已结束', { exact: true }).waitFor()
    expect(await page.locator('.t-card').first().innerText(), 'no answers sheet words for opinions').not.to.contain('份答卷')
    expect(await page.getByRole('button', { name: '提前结束' }).count(), 'nothing left to end').to.equal(0)
    await screenshot(page, 'console-consultation-ended-early')
    expect(page.problems).to.deep.equal([])
  })

  it('opened from the list while it cannot be read, says 这次征求意见暂时打不开', async () => {
    const { login, id } = await consultation('青澜市物业管理条例（草案）征求意见')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login, '/surveys')
    await page.route(new RegExp(`/api/admin/surveys/${id}$`), (r) => (r.request().method() === 'GET' ? r.fulfill(DOWN) : r.fallback()))
    await page.getByText('青澜市物业管理条例（草案）征求意见', { exact: true }).click()
    const failed = page.getByTestId('load-failed')
    await failed.getByRole('heading', { name: '这次征求意见暂时打不开' }).waitFor()
    expect(await page.locator('main').innerText()).not.to.contain('问卷暂时打不开')
    await screenshot(page, 'console-consultation-read-failed')
    await page.unroute(new RegExp(`/api/admin/surveys/${id}$`))
    await failed.getByRole('button', { name: '重试' }).click()
    await page.getByRole('heading', { name: /青澜市物业管理条例（草案）征求意见/ }).waitFor()
    expect(page.problems, 'no uncaught error behind the page').to.deep.equal([])
  })
})
