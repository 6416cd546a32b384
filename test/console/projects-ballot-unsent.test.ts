import { expect } from 'chai'
import { logInAs, newPage, useConsole } from './harness.js'
import { chenOpensAYear } from './lanjiang-year.js'

/**
 * 提交代表票决 moves the year on, then makes the ballot. When the server stopped between the two, 陈干事 finds the
 * year at 代表票决 with no ballot sent: the page says so, and 发出票决 sends it, listing the candidates fixed.
 */
describe('console: 民生实事 ballot not sent when 提交代表票决 stopped half way', function () {
  this.timeout(150_000)
  const story = useConsole()

  it('陈干事 is told the ballot was not sent, and sends it', async () => {
    const { app, browser } = story
    const { chen, office, year } = await chenOpensAYear(app, 2032)
    const unitId = (await office.get('/api/admin/units')).body.items.find((u: { name: string }) => u.name === '青澜市住房和城乡建设局').id
    for (const title of ['老楼装电梯', '社区老年食堂']) {
      app.clock.advance(60_000)
      const body = { title, description: `${title}，年内完成`, place: '建新社区', costWan: 100, unitId }
      expect((await office.post(`/api/admin/livelihood/cycles/${year}/candidates`, body)).status).to.equal(201)
    }
    // The server stops after the year moved on, before the ballot is written.
    const surveys = app.liaison.store.surveys
    const create = surveys.create
    surveys.create = async () => {
      surveys.create = create
      throw new Error('断电')
    }
    expect((await office.post(`/api/admin/livelihood/cycles/${year}/ballot`, {})).status).to.equal(500)

    const page = await newPage(browser, app)
    await logInAs(page, chen, '/projects')
    await page.locator('[data-test=cycle-window]').getByText('计划确定 1 个项目').waitFor()
    expect(await page.locator('[data-test=ballot-unsent]').innerText()).to.equal(
      '上次提交代表票决时中断了，票决还没有发给代表。候选项目已经确定，请点“发出票决”。',
    )
    await page.getByRole('button', { name: '发出票决' }).click()
    await page.locator('[data-test=message]').getByText('票决已发给代表，投票一周').waitFor()
    const projects = page.locator('[data-test=projects] tbody tr')
    await projects.filter({ hasText: '老楼装电梯' }).getByText('投票中').waitFor()
    await page.locator('[data-test=ballot-unsent]').waitFor({ state: 'detached' })
    expect(await page.getByRole('button', { name: '发出票决' }).count()).to.equal(0)
    const ballotId = (await office.get(`/api/admin/livelihood/cycles/${year}`)).body.ballotSurveyId
    const ballot = (await app.liaison.store.surveys.get(ballotId))!
    expect(ballot.questions[0]!.options.map((o) => o.label)).to.deep.equal(['老楼装电梯（约 100 万元）', '社区老年食堂（约 100 万元）'])
    expect(page.problems).to.deep.equal([])
  })
})
