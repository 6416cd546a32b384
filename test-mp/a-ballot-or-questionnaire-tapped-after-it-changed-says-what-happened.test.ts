import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { ballotBody, surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, tapInside } from './office.js'

const HOUR = 3_600_000

/**
 * A page opened while a ballot or a questionnaire took answers, tapped after that changed. 周代表 (61) votes, her phone
 * loses the answer, the ballot closes, she changes a tick and taps 投票 again: she reads that her first vote went in and
 * is the one kept, never 「票决已经结束」 in red beside her ticks, which says it was lost. One who had not voted reads the
 * page's own closed state, that this tap did not go, and 回到首页; a questionnaire filled up meanwhile says so the same way.
 */
describe('mini-program: a ballot or questionnaire tapped after it changed says what happened', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** Open now, closing within the hour (at 11:00 on the test's clock). */
  const forAnHour = () => {
    const now = app.clock.now().getTime()
    return { opensAt: new Date(now).toISOString(), closesAt: new Date(now + HOUR).toISOString() }
  }

  async function ballotForAnHour(): Promise<string> {
    const body = ballotBody({ ...forAnHour(), ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })
    return (await created((await office(app)).post('/api/admin/surveys', body))).id
  }

  /** Each project's votes once it is over, as the office reads them (signed in again: hours have passed). */
  async function counted(ballotId: string) {
    const { ballot } = (await (await office(app)).get(`/api/admin/surveys/${ballotId}/results`)).body
    return ballot.projects.map((p: { label: string; votes: number }) => `${p.label} ${p.votes}`)
  }

  /** The form is gone: nothing in red, no choices, no button that could only be refused again. */
  function formGone(page: MpPage) {
    expect(page.has('.error'), 'nothing in red').to.equal(false)
    expect(page.has('.submit'), 'no button to send again').to.equal(false)
    expect(page.has('.q-projects') || page.has('.q-q1'), 'no choices left to change').to.equal(false)
  }

  it('a vote whose answer was lost, the ballot closed, ticks changed: told the first vote is the one kept', async () => {
    const ballotId = await ballotForAnHour()
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const page = await openPage(`pages/survey/answer?surveyId=${ballotId}`)
    await tapInside(page, '.q-projects', '.option', 0) // 老旧小区加装电梯
    await tapInside(page, '.q-projects', '.option', 2) // 口袋公园
    phone.modalAnswers.push(true)
    phone.dropNextAnswer = true
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('网络不通，请检查网络后重试')

    app.clock.advance(2 * HOUR)
    await tapInside(page, '.q-projects', '.option', 2) // 口袋公园 off
    await tapInside(page, '.q-projects', '.option', 1) // 社区食堂 on
    phone.modalAnswers.push(true)
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal(
      '刚才那次投票已经投上了（当时网络不通，没能告诉您）。算数的是刚才那次选的项目，后来改的没有投上。每位代表投一次，投后不能更改，谢谢',
    )
    expect(page.text()).not.to.include('票决已经结束')
    formGone(page)
    expect(await counted(ballotId), 'the first vote stands').to.deep.equal(['老旧小区加装电梯 1', '口袋公园 1', '社区食堂 0'])
  })

  it('a questionnaire sent, its answer lost, closed, an answer changed: told the first is the one kept', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody(forAnHour())))
    await holdAgreedPhone(app, 'o-li-68')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await tapInside(page, '.q-q1', '.option', 1) // 否
    await tapInside(page, '.q-q3', '.point', 3) // 4 分
    phone.dropNextAnswer = true
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('网络不通，请检查网络后重试')

    app.clock.advance(2 * HOUR)
    await tapInside(page, '.q-q3', '.point', 1) // 2 分
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal('刚才那次已经送出了（当时网络不通，没能告诉您）。收下的是刚才那次的答案，后来改的没有送出。每人限一次，谢谢您的参与')
    expect(page.text()).not.to.include('问卷已经结束')
    formGone(page)
  })

  it('a deputy who had not voted taps after the close: the closed ballot, that her vote did not go, and 回到首页', async () => {
    const ballotId = await ballotForAnHour()
    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const page = await openPage(`pages/survey/answer?surveyId=${ballotId}`)
    expect(page.textOf('.meta')).to.include('正在投票')
    await tapInside(page, '.q-projects', '.option', 0)

    app.clock.advance(2 * HOUR)
    phone.modalAnswers.push(true)
    await page.tap('.submit')

    expect(page.textOf('#draft-note')).to.equal('您刚才这一票没有投上。')
    expect(page.textOf('.state')).to.equal('票决已经结束，不能再投票')
    expect(page.textOf('.meta'), 'when it ended, not 正在投票 · 请在…前投票').to.match(/^已于.+结束/)
    expect(page.text()).not.to.include('正在投票')
    formGone(page)
    await page.tap('#home')
    expect(phone.navigations.at(-1)!.url).to.equal('/pages/index/index')
  })

  it('a questionnaire filled up while she answered: full, her answers not sent, and 回到首页', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody({ ...forAnHour(), responseCap: 1 })))
    await holdAgreedPhone(app, 'o-zhou-61')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await tapInside(page, '.q-q1', '.option', 1) // 否
    await tapInside(page, '.q-q3', '.point', 3) // 4 分
    const other = await (await asResident(app, 'o-first-in')).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 5 } })
    expect(other.status).to.equal(201)

    await page.tap('.submit')

    expect(page.textOf('#draft-note')).to.equal('您刚才填的答案没有送出。')
    expect(page.textOf('#stopped')).to.equal('填写人数已满，问卷已停止收集')
    formGone(page)
    expect(page.has('#home')).to.equal(true)
  })
})
