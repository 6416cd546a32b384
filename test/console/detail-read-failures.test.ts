import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { seedDemoCampaign } from '../../src/demo/demo-campaign.js'
import { seedDemoMeeting } from '../../src/demo/demo-meeting.js'
import { seedDemoQuiz } from '../../src/demo/demo-quiz.js'
import { seedDemoSurveys } from '../../src/demo/demo-surveys.js'
import { asDeputy, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type DemoLogin } from './harness.js'

const DOWN = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'internal', message: '系统出了点问题，请稍后再试', details: [] } }),
}

/**
 * The office opens a suggestion, a meeting, a questionnaire, a campaign, a quiz and a deputy's
 * record, and a unit opens the suggestion assigned to it, while the server is failing. No page
 * may be left empty or spinning for ever, nor say 找不到 (an outage is not "not yours"): each
 * says it could not be read, offers 重试, and 重试 shows it once the server answers again.
 */
describe('console: detail pages when they cannot be read', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const organizer = () => story.app.login((l) => l.role === 'organizer')
  const failed = (page: Page) => page.getByTestId('load-failed')
  const ids = { suggestion: '', meeting: '', survey: '', campaign: '', quiz: '' }
  const deputyId = 'dp0001'
  let deputyName = ''

  before(async () => {
    const { store, services, config } = story.app.liaison
    const now = story.app.clock.now()
    ids.meeting = (await seedDemoMeeting(store, services, config.business.timeZone, now))!.id
    ids.campaign = (await seedDemoCampaign(store, services, now))!.id
    ids.survey = (await seedDemoSurveys(store, services, now))[0]!.id
    ids.quiz = (await seedDemoQuiz(store, services, now))!.id
    deputyName = (await store.deputies.get(deputyId))!.name

    const deputy = await asDeputy(story.app, deputyId)
    const draft = await deputy.post('/api/mp/deputy/suggestions', { title: '关于增设社区养老食堂的建议', body: '老人吃饭难，建议每个街道至少开一家社区食堂。' })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect((await deputy.post(`/api/mp/deputy/suggestions/${draft.body.id}/submit`)).status).to.equal(200)
    ids.suggestion = draft.body.id
    const office = await new Client(story.app.baseUrl).login(organizer().username, organizer().password)
    expect((await office.post(`/api/admin/suggestions/${ids.suggestion}/review`, { decision: 'accept' })).status).to.equal(200)
    expect((await office.post(`/api/admin/suggestions/${ids.suggestion}/assignment`, { leadUnitId: 'u01' })).status).to.equal(200)
  })

  /**
   * Opens `path` with every read matching `read` failing; 重试 after the server is back shows `shown`.
   * `said`: the heading the page gives in place of the record, and the way back to its list.
   */
  async function story500(login: DemoLogin, path: string, read: RegExp, shown: () => string, name: string, said?: { heading: string; back: string }) {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, login)
    await page.route(read, (r) => (r.request().method() === 'GET' ? r.fulfill(DOWN) : r.fallback()))
    await page.goto(path)
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
    const main = await page.locator('main').innerText()
    expect(main, 'an outage is not "not found"').not.to.match(/找不到|不存在|无权查看/)
    if (said) {
      await failed(page).getByRole('heading', { name: said.heading }).waitFor()
      await page.getByRole('button', { name: `← ${said.back}` }).waitFor()
    }
    await screenshot(page, `${name}-read-failed`)

    await page.unroute(read)
    await failed(page).getByRole('button', { name: '重试' }).click()
    await page.getByText(shown()).first().waitFor()
    expect(await failed(page).count()).to.equal(0)
    expect(page.problems, 'no uncaught error behind the page').to.deep.equal([])
    await page.context().close()
  }

  it('代表建议 (the office)', () =>
    story500(organizer(), `/console/suggestions/${ids.suggestion}`, /\/api\/admin\/suggestions\/[^/?]+$/, () => '关于增设社区养老食堂的建议', 'suggestion'))

  it('交办建议 (the unit)', () =>
    story500(
      story.app.login((l) => l.role === 'unit_staff'),
      `/console/unit/suggestions/${ids.suggestion}`,
      /\/api\/unit\/suggestions\/[^/?]+$/,
      () => '关于增设社区养老食堂的建议',
      'assigned',
    ))

  it('会议详情 (its invitees failing too)', () =>
    story500(organizer(), `/console/meetings/${ids.meeting}`, /\/api\/admin\/meetings\/[^/?]+(\/invitees)?$/, () => '市人大常委会第十次会议', 'meeting', {
      heading: '这次会议暂时打不开',
      back: '返回会议列表',
    }))

  // A bare link carries no kind (this one is a 征求意见): the page names it neutrally, never 这份问卷.
  // Opened from the list it names its kind (consultation-ended-early-says-its-words.test.ts).
  it('问卷详情', () =>
    story500(organizer(), `/console/surveys/${ids.survey}`, /\/api\/admin\/surveys\/[^/?]+$/, () => '城市绿化条例', 'survey', {
      heading: '这项内容暂时打不开',
      back: '返回列表',
    }))

  it('学习活动', () =>
    story500(organizer(), `/console/campaigns/${ids.campaign}`, /\/api\/admin\/campaigns\/[^/?]+$/, () => '学习贯彻代表法专题学习', 'campaign', {
      heading: '这项学习宣传活动暂时打不开',
      back: '返回学习宣传列表',
    }))

  it('知识竞赛详情', () =>
    story500(organizer(), `/console/quizzes/${ids.quiz}`, /\/api\/admin\/quizzes\/[^/?]+$/, () => '代表法知识竞赛', 'quiz', {
      heading: '这项知识竞赛暂时打不开',
      back: '返回知识竞赛列表',
    }))

  it('履职档案', () =>
    story500(organizer(), `/console/records/${deputyId}`, /\/api\/admin\/records\/[^/?]+(\?.*)?$/, () => `${deputyName}代表的履职档案`, 'record', {
      heading: '履职档案暂时打不开',
      back: '返回履职档案列表',
    }))

  it("知识竞赛 排行榜: another grouping that cannot be read says so with 重试, not the last grouping's rows", async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer())
    await page.goto(`/console/quizzes/${ids.quiz}`)
    await page.getByText('代表法知识竞赛').first().waitFor()
    await page.locator('.t-tabs__nav-item', { hasText: '排行榜' }).click()
    const board = page.locator('[data-test=leaderboard]')
    await board.getByText('用时（秒）').waitFor()

    const grouped = /\/api\/admin\/quizzes\/[^/?]+\/leaderboard\?.*by=station/
    await page.route(grouped, (r) => r.fulfill(DOWN))
    await page.locator('.t-radio-button', { hasText: '联络站' }).click()
    await failed(page).waitFor()
    expect(await failed(page).innerText()).to.include('系统出了点问题，请稍后再试')
    expect(await board.count(), 'no table of the other grouping under the new choice').to.equal(0)
    await screenshot(page, 'quiz-leaderboard-read-failed')

    await page.unroute(grouped)
    await failed(page).getByRole('button', { name: '重试' }).click()
    await board.getByText('参与 / 应参与').waitFor()
    expect(await failed(page).count()).to.equal(0)
    expect(page.problems, 'no uncaught error behind the page').to.deep.equal([])
    await page.context().close()
  })

  it('an unknown campaign, quiz or record says it is not found, instead of spinning for ever', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer())
    const pages = [
      ['/console/campaigns/nosuch', '找不到这项活动', '返回学习宣传列表', '/console/campaigns'],
      ['/console/quizzes/nosuch', '找不到这项竞赛', '返回知识竞赛列表', '/console/quizzes'],
      ['/console/records/nosuch', '找不到这位代表', '返回履职档案列表', '/console/records'],
    ]
    for (const [path, heading, back, list] of pages) {
      await page.goto(path)
      await page.locator('[data-test=not-found]').getByRole('heading', { name: heading }).waitFor()
      expect(await page.locator('main').innerText(), path)
        .to.include('不在您负责的范围内')
        .and.not.include('暂无数据')
      await page.getByRole('button', { name: `← ${back}` }).click()
      await page.waitForURL((url) => url.pathname === list)
    }
    expect(page.problems).to.deep.equal([])
  })
})
