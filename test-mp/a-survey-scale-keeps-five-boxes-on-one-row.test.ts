import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { BODY, declarations, rpx } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/** "32rpx" → 32; "32rpx 24rpx" → the second (the sides), as CSS reads a shorthand. */
const sides = (padding: string) => {
  const parts = padding.split(/\s+/).map((p) => parseFloat(p))
  return parts.length === 1 ? parts[0] : parts[1]
}

/** The boxes of each row of a scale question, as the page shows them. */
const rows = (page: MpPage, question: string) =>
  Array.from(page.root.querySelectorAll(`.main--${question} .question--scale`)).map((row) =>
    Array.from(row.querySelectorAll('.question--point')).map((p) => (p.textContent ?? '').trim()),
  )

/**
 * 赵阿姨, 71, in 关怀模式, answers "您对所在社区绿化现状的满意度 — 1 分最低，5 分最高": the five boxes
 * stand on one row, 1 to 5, none left alone on the next (a 10-point scale: two rows of five), each
 * still a finger wide (60dp). In the list of questionnaires, the title is the biggest text on its card,
 * bigger than "请在…前填写" under it.
 */
describe('mini-program: 关怀模式 keeps a survey’s 1–5 scale on one row, and its title the biggest', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows 1–5 as one row of five boxes, and 1–10 as two rows of five', async () => {
    const survey = await created(
      (await office(app)).post(
        '/api/admin/surveys',
        surveyBody({
          questions: [
            { id: 'q3', type: 'rating', title: '您对所在社区绿化现状的满意度', scale: 5, required: true },
            { id: 'q6', type: 'rating', title: '您愿意推荐朋友来这个公园吗', scale: 10 },
          ],
        }),
      ),
    )
    await holdAgreedPhone(app, 'o-zhao-survey')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(rows(page, 'q-q3')).to.deep.equal([['1', '2', '3', '4', '5']])
    expect(rows(page, 'q-q6')).to.deep.equal([
      ['1', '2', '3', '4', '5'],
      ['6', '7', '8', '9', '10'],
    ])
  })

  it('gives each of the five a fifth of the row, at least 60dp wide on a 375pt phone in 关怀模式', () => {
    const scale = declarations('components/question/question.wxss', '.scale')
    const point = declarations('components/question/question.wxss', '.point')
    expect(scale.get('flex-wrap'), 'the row never wraps').to.equal('nowrap')
    expect(point.get('flex'), 'each box a share of the row').to.equal('1 1 0')
    expect(point.has('width'), 'no fixed width that five would overflow').to.equal(false)
    // 750rpx is the phone's width; the page shell and the question card take their padding off both sides.
    const shell = sides(declarations('components/page-shell/page-shell.wxss', '.shell').get('padding')!)
    const card = sides(declarations('components/question/question.wxss', '.question').get('padding')!)
    const gap = parseFloat(scale.get('gap')!)
    const box = (750 - 2 * shell - 2 * card - 4 * gap) / 5
    expect(box, 'each box, in rpx (2rpx = 1dp)').to.be.at.least(120)
  })

  it('sets the title of a questionnaire above the size of every other line of its card, in 关怀模式 too', () => {
    const title = declarations('pages/survey/index.wxss', '.title').get('font-size')!
    for (const body of [BODY.standard, BODY.care]) {
      const others = ['.kind', '.meta', '.action'].map((s) => declarations('pages/survey/index.wxss', s).get('font-size') ?? '1em')
      for (const other of others) expect(rpx(title, body), `title at body ${body}rpx`).to.be.above(rpx(other, body))
    }
    // The questionnaire's own page: its title above the body it sits on.
    expect(rpx(declarations('pages/survey/answer.wxss', '.title').get('font-size')!, BODY.care)).to.be.above(BODY.care)
  })
})
