import { expect } from 'chai'
import type { Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { backendWithQuiz, signIn } from './harness/quiz.js'
import { phone } from './harness/wx.js'

type Shown = { number: number; type: string; stem: string; options: Array<{ key: string; text: string; on: boolean }> }

/** The options marked 已选 on the screen, as "stem: words". */
function chosenOnScreen(page: MpPage) {
  return (page.data.questions as Shown[]).flatMap((q) => q.options.filter((o) => o.on).map((o) => `${q.stem}: ${o.text}`))
}

/**
 * Review 31 F1: 李阿姨 answers two questions, a phone call takes her away (the page is closed),
 * she opens the quiz again: the same paper, its clock running, and her two choices still 已选.
 * Handing in counts them; she is asked only about the three she had not answered.
 */
describe('mini-program: a paper left half-way keeps her choices', () => {
  let app: Backend
  let quizId: string

  beforeEach(async () => ({ app, quizId } = await backendWithQuiz()))
  afterEach(() => app.close())

  it('comes back with what she chose, and hands in what she chose', async () => {
    const first = await signIn(app, 'o-quiz-phone-call', quizId)
    await first.tap('.start')
    const [one, two] = first.data.questions as Shown[]
    // The first option of each of the first two questions, whatever it says.
    await first.tap(`.opt-1-${one!.options[0]!.key}`)
    await first.tap(`.opt-2-${two!.options[0]!.key}`)
    const before = chosenOnScreen(first)
    expect(before).to.have.length(2)
    first.close()

    const again = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(again.has('.clock'), 'the same paper, resumed').to.equal(true)
    expect(again.data.questions.map((q: Shown) => q.stem)).to.deep.equal((first.data.questions as Shown[]).map((q) => q.stem))
    expect(chosenOnScreen(again), 'her choices, 已选 as she left them').to.deep.equal(before)
    expect(again.text().match(/已选/g)).to.have.length(2)
    expect(again.has('.choices-lost')).to.equal(false)

    await again.tap('.submit')
    expect(again.textOf('.warn'), 'asked only about the three she did not answer').to.include('还有 3 题没有作答')
    await again.tap('.submit')
    const answered = (again.data.result.questions as Array<{ chosen: string }>).filter((q) => q.chosen !== '没有选')
    expect(answered, 'her two choices were handed in').to.have.length(2)
    again.close()
  })

  it('says so above the paper when this phone kept none of her choices (she began on another phone)', async () => {
    const first = await signIn(app, 'o-quiz-two-phones', quizId)
    await first.tap('.start')
    first.close()
    phone.storage.delete('quiz.chosen') // the other phone

    const again = await openPage(`pages/quiz/take?quizId=${quizId}`)
    expect(again.textOf('.choices-lost')).to.equal('您上次选的答案没有保存在这部手机上，请重新选择')
    again.close()
  })
})
