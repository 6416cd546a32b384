import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const DAY = 86_400_000

/**
 * A 述职评议's questionnaire as the organizer meets it among 问卷与票决: the page says whose appraisal it is and that it
 * is run from his record (with the way there); while it runs it offers no 导出答卷 (the server would refuse it) and
 * its 文字回答 say why they wait; 提前结束 asks first, saying that raters can no longer rate and that the results go to
 * the deputy himself. Ended with five raters, the answer sheet is offered again.
 */
describe('console: a 述职评议 on its survey page', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('names the deputy with a link to his record, hides 导出答卷 and the words while sealed, and asks before 提前结束', async () => {
    const { app } = story
    const login = app.login((l) => l.role === 'organizer')
    const office = await new Client(app.baseUrl).login(login.username, login.password)
    // A deputy of hers with an area, as the record list offers him.
    const listed = await office.get('/api/admin/records?limit=5')
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200)
    const now = app.clock.now()
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
    let opened: { status: number; body: { surveyId: string } } | null = null
    let deputyId = ''
    for (const row of listed.body.items as Array<{ deputy: { id: string } }>) {
      deputyId = row.deputy.id
      opened = await office.post(`/api/admin/records/${deputyId}/appraisals`, {
        year,
        opensAt: new Date(now.getTime() - 3_600_000).toISOString(),
        closesAt: new Date(now.getTime() + 14 * DAY).toISOString(),
      })
      if (opened.status === 201) break
    }
    expect(opened?.status, JSON.stringify(opened?.body)).to.equal(201)
    const surveyId = opened!.body.surveyId
    const deputy = (await app.liaison.store.deputies.get(deputyId))!
    const [community] = (await (await asResident(app, 'o-page-rater-1')).get(`/api/mp/appraisals/${surveyId}`)).body.communities
    for (let i = 1; i <= 5; i++) {
      const rater = await asResident(app, `o-page-rater-${i}`)
      const sent = await rater.post(`/api/mp/appraisals/${surveyId}/responses`, {
        regionId: community.id,
        answers: { overall: 5, verdict: 'satisfied', advice: `希望代表常来社区（第 ${i} 位）` },
      })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }

    const page = await newPage(story.browser, app)
    await logInAs(page, login, `/surveys/${surveyId}`)
    const said = page.locator('[data-test=appraisal]')
    await said.waitFor()
    expect(await said.innerText())
      .to.include(`这是${deputy.name}代表${year}年度的述职评议`)
      .and.include('都在代表的履职档案里')
    expect(await page.getByRole('button', { name: '导出答卷' }).count(), 'the server would refuse the sheet while it runs').to.equal(0)

    await page.locator('.t-tabs__nav').getByText('文字回答', { exact: true }).click()
    await page.locator('[data-test=texts-sealed]').getByText('评议进行中，结束后显示评分', { exact: true }).waitFor()
    expect(await page.locator('main').innerText(), 'no resident’s words while it runs').not.to.contain('希望代表常来社区')
    await screenshot(page, 'appraisal-survey-page-sealed')

    await page.getByRole('button', { name: '提前结束' }).click()
    const confirm = page.locator('.t-popconfirm')
    await confirm
      .getByText('已有 5 人参加评议。结束后评议人将不能再评，结果会给代表本人看，也不能重新开放。确定现在结束述职评议吗？', { exact: true })
      .waitFor()
    await page.waitForFunction(() => {
      const popup = [...document.querySelectorAll<HTMLElement>('.t-popup.t-popconfirm')].find((p) => p.style.display !== 'none')
      return !!popup && popup.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') && getComputedStyle(popup).opacity === '1'
    })
    await screenshot(page, 'appraisal-survey-page-end-confirm')
    await confirm.getByRole('button', { name: '确定' }).click()
    await page.locator('.t-alert').getByText(`述职评议已结束，共 5 人参加评议。评议结果在${deputy.name}代表的履职档案里看`, { exact: true }).waitFor()
    // Closed with five raters: nothing is sealed any more, the tab open shows the words, and the sheet is offered.
    await page.getByRole('button', { name: '导出答卷' }).waitFor()
    await page.getByText('希望代表常来社区（第 1 位）', { exact: true }).waitFor()
    expect(await page.locator('[data-test=texts-sealed]').count(), 'not the running appraisal’s words').to.equal(0)
    await screenshot(page, 'appraisal-survey-page-ended')

    await said.getByRole('link', { name: `去${deputy.name}代表的履职档案` }).click()
    await page.getByText(`${deputy.name}代表的履职档案`, { exact: true }).waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
