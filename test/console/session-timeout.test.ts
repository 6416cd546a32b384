import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { localDate } from '../../src/domain/dates.js'
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
 * spreadsheet under its Chinese name, as 下载表格 does for the weekly report.
 */
describe('console: a session that timed out, and spreadsheet downloads', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()
  const organizer = () => story.app.login((l) => l.username === 'chenmingliang')

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
    await page.getByRole('heading', { name: /分析周报/ }).waitFor()
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
})
