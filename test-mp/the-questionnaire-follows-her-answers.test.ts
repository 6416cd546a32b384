import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, office, tapInside, typeInside } from './office.js'

/** The questions' titles in the order the page shows them. */
const titles = (page: MpPage) => Array.from(page.root.querySelectorAll('.question--title')).map((t) => (t.textContent ?? '').replace(/\s+/g, ''))

/**
 * A resident taps 送出问卷 too early and is told which required questions are unanswered; as
 * she answers them the list shrinks and then goes, instead of still naming questions she has
 * answered. A question that appears because of her answer (每周去几次？ after 是) appears right
 * under the question she just answered, not at the bottom of the page.
 */
describe('mini-program: a questionnaire follows her answers', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('updates the list of unanswered required questions as she answers, and clears it when all are answered', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-survey-early')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('还有必答题没有回答：第 1 题“您是否经常去社区公园？”、第 3 题“对现有绿化的满意度”')

    await tapInside(page, '.q-q1', '.option', 0) // 是: brings 每周去几次？, also required
    expect(page.textOf('.error')).to.equal('还有必答题没有回答：第 1 题下面的“每周去几次？”、第 3 题“对现有绿化的满意度”')
    await tapInside(page, '.q-q3', '.point', 3)
    expect(page.textOf('.error')).to.equal('还有必答题没有回答：第 1 题下面的“每周去几次？”')
    await typeInside(page, '.q-q5', '.field', '3')
    expect(page.has('.error'), 'nothing left unanswered: no error').to.equal(false)

    await page.tap('.submit')
    expect(page.text()).to.include('已送出，谢谢您的参与')
  })

  it('shows a follow-up question right after the question whose answer brought it', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-survey-follow-up')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await tapInside(page, '.q-q1', '.option', 0) // 是
    // The follow-up has no number of its own: the others keep theirs (a-questionnaire-keeps-its-numbers-….test.ts).
    expect(titles(page)).to.deep.equal([
      '1.您是否经常去社区公园？（必答）',
      '每周去几次？（必答）',
      '2.希望增加哪些设施？',
      '3.对现有绿化的满意度（必答）',
      '4.其他建议',
    ])
  })
})
