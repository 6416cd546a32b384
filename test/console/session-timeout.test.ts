import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/domain/dates.js'
import { seedDemoMeeting } from '../../src/demo/demo-meeting.js'
import { seedDemoQuiz } from '../../src/demo/demo-quiz.js'
import { seedDemoSurveys } from '../../src/demo/demo-surveys.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const IDLE_PAST_LIMIT_MS = 121 * 60_000 // the console ends a session unused for 120 minutes

/** Clicks a download button and reads what the browser saved: its name and its text. */
async function downloaded(page: Page, button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText(button, { exact: true }).click()])
  const bytes = readFileSync((await download.path())!)
  return { name: download.suggestedFilename(), text: bytes.toString('utf8') }
}

/**
 * 陈明亮 of 澜江区 leaves the console open over lunch. His next click on 导出当前列表 takes him
 * to the login page, which says the login timed out; once back in, the same button saves the
 * spreadsheet under its Chinese name, as 下载表格 does for the weekly report, and as 下载签到表,
 * 导出成绩 and 导出每人填写的内容 do for the meeting, the quiz and the consultation `npm start` shows.
 */
describe('console: a session that timed out, and spreadsheet downloads', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const organizer = () => story.app.login((l) => l.username === 'chenmingliang')
  const office = () => story.app.login((l) => l.role === 'admin')
  /** The demo's meeting, quiz and consultation, as `npm start` seeds them (once for the stories that need them). */
  let demo: Promise<{ meetingId: string; quizId: string; surveyId: string }> | undefined
  const seeded = () =>
    (demo ??= (async () => {
      const { store, services, config } = story.app.liaison
      const now = story.app.clock.now()
      const meeting = await seedDemoMeeting(store, services, config.business.timeZone, now)
      const [consultation] = await seedDemoSurveys(store, services, now)
      const quiz = await seedDemoQuiz(store, services, now)
      return { meetingId: meeting!.id, quizId: quiz!.id, surveyId: consultation.id }
    })())

  it('a first visit to the login page says nothing about a timeout', async () => {
    const page = await newPage(story.browser, story.app)
    await page.goto('/console/login')
    await page.getByRole('button', { name: '登录' }).waitFor()
    expect(await page.locator('.login').innerText()).not.to.include('登录已超时')
  })

  it('下载表格 saves the weekly report under its Chinese name; after a timeout it leads to the login page', async () => {
    const week = localDate(story.app.clock.now(), story.app.liaison.config.business.timeZone)
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, organizer(), `/analysis/weekly-report?week=${week}`)
    await page.getByRole('heading', { name: '分析周报', exact: true }).waitFor()
    await page.getByTestId('top-issues').waitFor()
    const file = await downloaded(page, '下载表格')
    expect(file.name).to.match(/^[^.]*周报[^.]*\.csv$/)
    expect(file.text.length).to.be.greaterThan(10)

    story.app.clock.advance(IDLE_PAST_LIMIT_MS)
    await page.getByText('下载表格', { exact: true }).click()
    await page.waitForURL(/\/console\/login\?next=(%2F|\/)analysis/)
    await page.getByText('登录已超时，请重新登录').waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('下载签到表, 导出成绩, 导出每人填写的内容 and 导出逐条意见和采纳情况 each save their own spreadsheet under its Chinese name', async () => {
    const { meetingId, quizId, surveyId } = await seeded()
    const page = await newPage(story.browser, story.app, { acceptDownloads: true })
    await logInAs(page, office(), `/meetings/${meetingId}`)
    await page.getByRole('heading', { name: /市人大常委会第十次会议/ }).waitFor()
    const attendance = await downloaded(page, '下载签到表')
    expect(attendance.name).to.equal('市人大常委会第十次会议-签到表.csv')
    expect(attendance.text).to.include('姓名').and.include('签到时间')

    await page.goto(`/console/quizzes/${quizId}`)
    await page.getByRole('heading', { name: /代表法知识竞赛/ }).waitFor()
    const results = await downloaded(page, '导出成绩')
    expect(results.name).to.equal('代表法知识竞赛-成绩.csv')
    expect(results.text).to.include('姓名').and.include('得分')

    await page.goto(`/console/surveys/${surveyId}`)
    await page.getByRole('heading', { name: /城市绿化条例/ }).waitFor()
    // A consultation's per-person sheet: its button and its file say so (每人填写的内容), not 答卷.
    const answers = await downloaded(page, '导出每人填写的内容')
    expect(answers.name).to.equal('《青澜市城市绿化条例（草案）》公开征求意见-每人填写的内容.csv')
    expect(answers.text).to.include('提交时间').and.include('您是否支持制定本条例')
    await screenshot(page, 'console-survey-export-button')
    // Its other sheet, one row per opinion with what became of it: named by that shape, never both "导出意见…".
    await page.locator('.t-tabs__nav-item', { hasText: '逐条意见' }).click()
    const perOpinion = await downloaded(page, '导出逐条意见和采纳情况')
    expect(perOpinion.name).to.equal('《青澜市城市绿化条例（草案）》公开征求意见-逐条意见和采纳情况.csv')
    expect(perOpinion.text).to.include('条文').and.include('采纳结果')
    expect(page.problems).to.deep.equal([])
  })

  it('导出成绩 and 导出每人填写的内容 after a timeout lead to the login page, which says so, and back to the page once logged in', async () => {
    const { quizId, surveyId } = await seeded()
    for (const { path, heading, reads, button, file } of [
      { path: `/quizzes/${quizId}`, heading: /代表法知识竞赛/, reads: `/quizzes/${quizId}/leaderboard`, button: '导出成绩', file: '代表法知识竞赛-成绩.csv' },
      {
        path: `/surveys/${surveyId}`,
        heading: /城市绿化条例/,
        reads: `/surveys/${surveyId}/results`,
        button: '导出每人填写的内容',
        file: '《青澜市城市绿化条例（草案）》公开征求意见-每人填写的内容.csv',
      },
    ]) {
      const page = await newPage(story.browser, story.app, { acceptDownloads: true })
      // The page's own last read is answered before the lunch break: only the click may meet the ended session.
      const read = page.waitForResponse((r) => r.url().includes(reads))
      await logInAs(page, office(), path)
      await page.getByRole('heading', { name: heading }).waitFor()
      expect((await read).status(), reads).to.equal(200)
      const control = page.getByText(button, { exact: true })
      await control.waitFor()

      story.app.clock.advance(IDLE_PAST_LIMIT_MS)
      await control.click()
      await page.waitForURL((url) => url.pathname === '/console/login' && url.searchParams.get('next') === path)
      await page.getByText('登录已超时，请重新登录').waitFor()
      if (button === '导出成绩') await screenshot(page, 'console-quiz-export-timed-out')

      await page.getByPlaceholder('请输入账号').fill(office().username)
      await page.getByPlaceholder('请输入密码').fill(office().password)
      await page.getByRole('button', { name: '登录' }).click()
      await page.getByRole('heading', { name: heading }).waitFor()
      expect((await downloaded(page, button)).name).to.equal(file)
      expect(page.problems).to.deep.equal([])
      await page.context().close()
    }
  })
})
