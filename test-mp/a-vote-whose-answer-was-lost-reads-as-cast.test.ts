import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { ballotBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, tapInside } from './office.js'

/**
 * 张伟 ticks two projects and taps 投票; his vote is stored but the phone loses the answer, and the page
 * says the network is down. He does what it says and taps 投票 again. He reads 投票成功 in words, with
 * the choices and the button gone, never a red "您已经投过票了" beside his ticks: that would leave him
 * wondering whether his vote counted, or whether someone voted in his name. One vote is counted.
 * Had he changed his ticks before the second tap, he is told his first vote went in, not refused.
 */
describe('mini-program: a vote whose answer was lost reads as cast', () => {
  let app: Backend
  let ballotId: string
  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    ballotId = (
      await created(
        organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
      )
    ).id
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
  })
  afterEach(() => app.close())

  /** Ticks 老旧小区加装电梯 and 口袋公园, taps 投票 and confirms; the answer is lost on the way back. */
  async function voteAndLoseTheAnswer(): Promise<MpPage> {
    const page = await openPage(`pages/survey/answer?surveyId=${ballotId}`)
    await tapInside(page, '.q-projects', '.option', 0)
    await tapInside(page, '.q-projects', '.option', 2)
    phone.modalAnswers.push(true)
    phone.dropNextAnswer = true
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('网络不通，请检查网络后重试')
    return page
  }

  /** What the office's count says once the ballot is closed: each project's votes. */
  async function counted() {
    const organizer = await office(app)
    await organizer.post(`/api/admin/surveys/${ballotId}/close`)
    const { ballot } = (await organizer.get(`/api/admin/surveys/${ballotId}/results`)).body
    return { cast: ballot.ballotsCast, votes: ballot.projects.map((p: { label: string; votes: number }) => `${p.label} ${p.votes}`) }
  }

  it('the second tap after the lost answer says 投票成功, with the choices and the button gone; one vote counted', async () => {
    const page = await voteAndLoseTheAnswer()
    phone.modalAnswers.push(true)
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal('投票成功，谢谢')
    expect(page.has('.error'), 'nothing in red').to.equal(false)
    expect(page.text()).not.to.include('您已经投过票了')
    expect(page.has('.submit'), 'no 投票 button left').to.equal(false)
    expect(page.has('.q-projects'), 'no ticks left').to.equal(false)
    expect(await counted()).to.deep.equal({ cast: 1, votes: ['老旧小区加装电梯 1', '口袋公园 1', '社区食堂 0'] })
  })

  it('changed ticks after the lost answer: told the first vote went in, in words, not refused in red', async () => {
    const page = await voteAndLoseTheAnswer()
    await tapInside(page, '.q-projects', '.option', 2) // 口袋公园 off
    await tapInside(page, '.q-projects', '.option', 1) // 社区食堂 on
    phone.modalAnswers.push(true)
    await page.tap('.submit')

    expect(page.textOf('.done')).to.equal(
      '刚才那次投票已经投上了（当时网络不通，没能告诉您）。算数的是刚才那次选的项目，后来改的没有投上。每位代表投一次，投后不能更改，谢谢',
    )
    expect(page.has('.error'), 'nothing in red').to.equal(false)
    expect(page.has('.submit')).to.equal(false)
    expect(await counted(), 'the first vote stands').to.deep.equal({ cast: 1, votes: ['老旧小区加装电梯 1', '口袋公园 1', '社区食堂 0'] })
  })
})
