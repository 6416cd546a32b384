import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, relaunch, type MpPage } from './harness/page.js'
import { created, office, tapInside, typeInside } from './office.js'

const SUGGESTION = '公园里多放几张椅子，老人走累了能歇歇脚'

/** 王奶奶 chooses 是 and 4 分 and writes her suggestion on the 绿化 questionnaire; then a phone call takes her away. */
async function leftHalfWay(app: Backend, openid: string) {
  const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
  await holdAgreedPhone(app, openid)
  const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
  await tapInside(page, '.q-q1', '.option', 0)
  await tapInside(page, '.q-q3', '.point', 3)
  await typeInside(page, '.q-q4', '.area', SUGGESTION)
  expect(page.text()).to.include('已写 19 / 200 字')
  page.close()
  return survey as { id: string }
}

/** What a question shows chosen or written, as she reads it. */
const shown = (page: MpPage, q: string) => page.textOf(`.q-${q}`)

/**
 * Review 50: a questionnaire left half-way lost everything, her typed suggestion too ("已写 0 / 200 字"). Now it comes
 * back as she left it, on the same phone, until it is sent; changed or closed meanwhile, she is told so in words.
 */
describe('mini-program: a questionnaire left half-way keeps her answers', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('comes back with what she chose and wrote, after WeChat was closed too, and sends it', async () => {
    const survey = await leftHalfWay(app, 'o-wang-half-way')
    relaunch()
    const back = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(shown(back, 'q1')).to.include('是✓ 已选')
    expect(shown(back, 'q3')).to.include('已选 4 分')
    expect(shown(back, 'q4')).to.include('已写 19 / 200 字')
    expect(back.has('#draft-note'), 'nothing changed: nothing to tell her').to.equal(false)

    // The follow-up 是 brought is asked; the rest goes as she left it.
    await typeInside(back, '.q-q5', '.field', '3')
    await back.tap('.submit')
    expect(back.text()).to.include('已送出，谢谢您的参与')
    const sent = (await (await office(app)).get(`/api/admin/surveys/${survey.id}/texts?questionId=q4`)).body
    expect(JSON.stringify(sent), 'her suggestion went with it').to.include(SUGGESTION)
    back.close()

    // Sent, nothing is kept to come back: the page says she answered, and no draft is offered again.
    const again = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(again.text()).to.include('您已经送出过了')
    expect(again.has('#draft-note')).to.equal(false)
    again.close()
  })

  it('says so when the office changed the questions meanwhile, and keeps her answers to those it did not change', async () => {
    const survey = await leftHalfWay(app, 'o-wang-changed')
    const questions = surveyBody().questions.map((q) => (q.id === 'q3' ? { ...q, title: '对小区绿化的满意度', scale: 10 } : q))
    expect((await (await office(app)).patch(`/api/admin/surveys/${survey.id}`, { questions })).status).to.equal(200)

    const back = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(back.textOf('#draft-note')).to.equal('这份问卷在您上次填写后改过了，请从头再看一遍：没改的题，您填的答案都还在；改过的题，要重新填。')
    expect(shown(back, 'q1')).to.include('是✓ 已选')
    expect(shown(back, 'q4')).to.include('已写 19 / 200 字')
    expect(shown(back, 'q3'), 'the changed question is not answered for her').to.include('对小区绿化的满意度').and.not.include('已选')
    back.close()
  })

  it('says her answers did not go when it closed meanwhile', async () => {
    const survey = await leftHalfWay(app, 'o-wang-closed')
    expect((await (await office(app)).post(`/api/admin/surveys/${survey.id}/close`)).status).to.equal(200)

    const back = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(back.textOf('#draft-note')).to.equal('这份问卷已经结束了，您上次没填完的答案没有送出。')
    expect(back.text()).to.include('问卷已经结束，不能再填写')
    back.close()
  })
})
