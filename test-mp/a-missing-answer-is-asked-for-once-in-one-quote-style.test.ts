import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, tapInside } from './office.js'

/**
 * 王阿姨 (关怀模式) taps 送出问卷 in 社区绿化满意度调查 having chosen 是 but not said how often she goes (review 36,
 * finding 12). The follow-up said “这道必答题还没有回答，请回答” and, right under it, “…请接着回答：”, two requests in a
 * row; at the button the list quoted 「每周去几次？」 while the lead quoted “是”. Now the question asks once, the list names
 * where each one is (第 3 题, 第 1 题下面的) and every title and answer is quoted “” on the page.
 */
describe('mini-program: a missing answer is asked for once, in one quote style', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('the follow-up asks once; the list names where each question is, in “”', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-wang-survey-once')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await tapInside(page, '.q-q1', '.option', 0) // 是: brings 每周去几次？
    await page.tap('.submit')

    const followUp = page.textOf('.q-q5')
    expect(followUp.match(/请(接着)?回答/g), 'one request on the question').to.deep.equal(['请接着回答'])
    expect(followUp).to.include('这道必答题还没有回答')
    expect(page.textOf('.q-q3').match(/请(接着)?回答/g), 'a numbered question asks once too').to.deep.equal(['请回答'])
    expect(page.textOf('.error')).to.equal('还有必答题没有回答：第 1 题下面的“每周去几次？”、第 3 题“对现有绿化的满意度”')
    expect(page.text(), 'one quote style').not.to.include('「').and.not.include('」')
  })
})
