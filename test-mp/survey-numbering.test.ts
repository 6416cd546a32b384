import { expect } from 'chai'
import { createRequire } from 'node:module'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
interface Question {
  id: string
  title: string
  required?: boolean
  options?: Array<{ id: string; label: string }>
  showIf?: { questionId: string; optionIds: string[] }
}
interface Numbered {
  numbers: Record<string, number>
  leads: Record<string, string>
}
const { numbering, missingWords, unanswered } = require('../miniprogram/utils/survey-numbering.js') as {
  numbering(questions: Question[]): Numbered
  missingWords(shown: Question[], send: Record<string, unknown>, numbered: Numbered): string
  unanswered(shown: Question[], send: Record<string, unknown>): Question[]
}

/**
 * A questionnaire's numbers while she answers: those always asked are 1, 2, 3 over the whole questionnaire; a
 * follow-up takes none and says which answer brought it; a required question left is named where she finds it.
 */
describe('mini-program: a questionnaire’s numbers and what is missing', () => {
  const yesNo = [
    { id: 'y', label: '是' },
    { id: 'n', label: '否' },
  ]
  const questions: Question[] = [
    { id: 'park', title: '您常去公园吗', required: true, options: yesNo },
    { id: 'often', title: '每周去几次？', required: true, showIf: { questionId: 'park', optionIds: ['y'] } },
    { id: 'why', title: '为什么不去', showIf: { questionId: 'park', optionIds: ['n'] } },
    { id: 'green', title: '对现有绿化的满意度', required: true },
  ]

  it('numbers what is always asked 1, 2 whatever is shown; a follow-up says the answer that brought it', () => {
    const numbered = numbering(questions)
    expect(numbered.numbers).to.deep.equal({ park: 1, green: 2 })
    expect(numbered.leads).to.deep.equal({ often: '您在第 1 题选了“是”，请接着回答：', why: '您在第 1 题选了“否”，请接着回答：' })
  })

  it('names each required question left by its number, a follow-up by the number it is under; none when all are in', () => {
    const numbered = numbering(questions)
    const shown = questions.filter((q) => q.id !== 'why')
    expect(unanswered(shown, { park: 'y', often: '  ' }).map((q) => q.id)).to.deep.equal(['often', 'green'])
    expect(missingWords(shown, { park: 'y' }, numbered)).to.equal('还有必答题没有回答：第 1 题下面的“每周去几次？”、第 2 题“对现有绿化的满意度”')
    expect(missingWords(shown, { park: 'y', often: '2', green: '满意' }, numbered)).to.equal('')
  })
})
