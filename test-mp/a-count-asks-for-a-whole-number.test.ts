import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, typeInside } from './office.js'

/**
 * 每周去几次社区食堂 is a count the organizer marked 只能填整数: the question says 整数 before she types, offers the
 * keyboard without a decimal point, and 2.5 typed anyway is answered on the question itself, not sent.
 */
describe('mini-program: a count asks for a whole number', () => {
  let app: Backend
  afterEach(() => app.close())

  it('says 整数 with its range, and 2.5 is answered on the question', async () => {
    app = await startBackend()
    const survey = await created(
      (await office(app)).post(
        '/api/admin/surveys',
        surveyBody({
          anonymous: true,
          questions: [{ id: 'q4', type: 'number', title: '您每周去几次社区食堂？', min: 0, max: 21, integer: true, required: true }],
        }),
      ),
    )
    holdPhone(app, 'o-canteen-count')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(page.textOf('.q-q4')).to.include('请填 0 至 21 之间的整数')
    const field = page.component.querySelector('.q-q4').querySelector('.field')
    expect(field.instance.data.type, 'the keyboard of digits only').to.equal('number')

    await typeInside(page, '.q-q4', '.field', '2.5')
    expect(page.textOf('.q-q4')).to.include('请填整数，不要带小数点')
    expect(page.data.answers.q4, 'nothing taken').to.equal(undefined)
    await typeInside(page, '.q-q4', '.field', '2')
    expect(page.data.answers.q4).to.equal(2)
  })
})
