import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { asResident, Client } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, SCREENSHOTS, screenshot, useConsole } from './harness.js'

/**
 * 述职评议 from the deputy's record, as the organizer met it (review 35, findings 12, 13): 开启 with the dates left
 * empty asks for them in words and opens nothing; once it is open the button is gone for that year, and 下载海报
 * gives the QR poster for the community board. While residents rate, the office reads how many have rated and, in
 * words, that the ratings come after the close: on the record and on the survey's own 统计结果 alike.
 */
describe('console: 述职评议 on a deputy’s record', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('asks for the dates in words, offers 开启 once a year, and gives the poster to print', async () => {
    const { app } = story
    const login = app.login((l) => l.role === 'organizer')
    const page = await newPage(story.browser, app, { acceptDownloads: true })
    await logInAs(page, login)
    await page.goto('/console/records')
    await page.locator('tbody a').first().click()
    await page.waitForURL(/\/console\/records\/[^/?]+/)
    const deputyId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    const deputy = (await app.liaison.store.deputies.get(deputyId))!
    await page.getByText(`${deputy.name}代表的履职档案`).waitFor()

    await page.getByRole('button', { name: '开启述职评议' }).click()
    await dialogShown(page)
    const dialog = page.locator('.t-dialog').filter({ hasText: '开始日期' })
    await dialog.getByRole('button', { name: '开启', exact: true }).click()
    expect(await dialog.getByTestId('dates-problem').innerText()).to.equal('请选择开始和结束日期')
    await screenshot(page, 'records-appraisal-dates-asked', { window: true })
    expect(await page.getByText('ISO 8601').count(), 'no format jargon').to.equal(0)
    expect(await app.liaison.store.appraisals.ofDeputy(deputyId), 'nothing opened').to.deep.equal([])
    await dialog.getByRole('button', { name: '取消', exact: true }).click()
    await dialogsClosed(page)

    // Opened (as the dialog does once its dates are picked) and rated by one resident of his area.
    const now = app.clock.now()
    const office = await new Client(app.baseUrl).login(login.username, login.password)
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
    const opened = await office.post(`/api/admin/records/${deputyId}/appraisals`, {
      year,
      opensAt: new Date(now.getTime() - 3_600_000).toISOString(),
      closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    })
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    const resident = await asResident(app, 'o-console-appraiser')
    const [community] = (await resident.get(`/api/mp/appraisals/${opened.body.surveyId}`)).body.communities
    const rated = await resident.post(`/api/mp/appraisals/${opened.body.surveyId}/responses`, {
      regionId: community.id,
      answers: { overall: 5, verdict: 'satisfied' },
    })
    expect(rated.status, JSON.stringify(rated.body)).to.equal(201)

    await page.reload()
    const appraisal = page.locator('.appraisal')
    await appraisal.getByText('共 1 人参加评议', { exact: false }).waitFor()
    // No 评议码: it is on no poster and nothing asks for it (review 44).
    expect(await appraisal.innerText(), 'no code to puzzle over')
      .not.to.include('评议码')
      .and.not.include(opened.body.shortCode)
    expect(await page.getByRole('button', { name: '开启述职评议' }).count(), 'not offered twice for the year').to.equal(0)
    expect(await appraisal.innerText())
      .to.include('共 1 人参加评议')
      .and.not.include('平均')
      .and.not.include('满意 1 人')
    expect(await appraisal.getByTestId('appraisal-sealed').innerText()).to.equal('评议进行中，结束后显示评分')
    await screenshot(page, 'records-appraisal-poster')

    const [download] = await Promise.all([page.waitForEvent('download'), appraisal.getByRole('button', { name: '下载海报' }).click()])
    expect(download.suggestedFilename()).to.match(/\.png$/)
    const png = readFileSync((await download.path())!)
    expect(png.subarray(1, 4).toString('latin1'), 'a picture to print').to.equal('PNG')
    await download.saveAs(`${SCREENSHOTS}/records-appraisal-poster-download.png`)

    // The same questionnaire among 问卷与票决: its 统计结果 wait for the close as well.
    await page.goto(`/console/surveys/${opened.body.surveyId}`)
    // In the 统计结果 tab itself, where the tallies would be (not only a passing toast).
    await page.locator('.t-tab-panel .t-alert', { hasText: '评议进行中，结束后显示评分' }).waitFor()
    expect(await page.getByText('平均').count(), 'no average on the survey’s page either').to.equal(0)
    await screenshot(page, 'records-appraisal-survey-sealed')

    // Five raters and closed (提前结束): now the office reads each question with its tally, never followed by ？：.
    for (let i = 2; i <= 5; i++) {
      const more = await asResident(app, `o-console-appraiser-${i}`)
      const sent = await more.post(`/api/mp/appraisals/${opened.body.surveyId}/responses`, {
        regionId: community.id,
        answers: { overall: 5, verdict: 'satisfied' },
      })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    const closed = await office.post(`/api/admin/surveys/${opened.body.surveyId}/close`)
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200)
    await page.goto(`/console/records/${encodeURIComponent(deputyId)}`)
    await appraisal.getByText('共 5 人参加评议', { exact: false }).waitFor()
    expect(await appraisal.innerText())
      .to.include('您对代表的述职报告是否满意？ 满意 5 人，基本满意 0 人，不满意 0 人')
      .and.include('您对这位代表一年来履职情况的总体评价：平均 5 分')
      .and.not.include('？：')
    expect(await appraisal.getByTestId('appraisal-sealed').count(), 'nothing held back any more').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
