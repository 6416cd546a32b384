import { expect } from 'chai'
import { surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, tapInside, typeInside } from './office.js'

/** Each question as she reads it at its top: the missing-answer words, which answer brought it, its numbered title. */
const heads = (page: MpPage) =>
  Array.from(page.root.querySelectorAll('.question--question')).map((q) =>
    Array.from(q.querySelectorAll('.question--missing-words, .question--lead, .question--title'))
      .map((t) => (t.textContent ?? '').replace(/\s+/g, ''))
      .join(' | '),
  )

/** The box of one question as drawn (its component's outer view), found by the page's class for it. */
const questionBox = (page: MpPage, host: string): Element => {
  const found = page.component.querySelector(host)?.dom.querySelector('.question--question')
  if (!found) throw new Error(`no question drawn at ${host}; the page shows: ${page.text().slice(0, 300)}`)
  return found
}

/**
 * What sets a box's size and where its words stand, as computed: the simulator lays nothing out, so no position can
 * be measured, but a box whose margins, border widths, paddings, sizing and set sizes stay the same keeps its size.
 */
function metrics(element: Element): string {
  const style = getComputedStyle(element) as unknown as Record<string, string>
  const sides = ['Top', 'Right', 'Bottom', 'Left'].flatMap((side) => [`margin${side}`, `border${side}Width`, `border${side}Style`, `padding${side}`])
  // jsdom reads an unset margin as '' or '0', as the sheets loaded so far have it: all three are 0px.
  const length = (value: string | undefined) => (!value || value === '0' ? '0px' : value)
  return [...sides, 'boxSizing', 'width', 'height', 'minHeight'].map((name) => `${name} ${length(style[name])}`).join('; ')
}

/** The red frame round a box, in px as the harness draws rpx: its border, if drawn, and a solid ring outside it. */
function redFrame(element: Element): number {
  const style = getComputedStyle(element)
  const border =
    style.borderTopStyle && style.borderTopStyle !== 'none' && /b71c1c|183, 28, 28/i.test(style.borderTopColor) ? parseFloat(style.borderTopWidth) || 0 : 0
  // A ring: a shadow with no offset and no blur, its spread in red ("0 0 0 4px #b71c1c").
  const ring = /(?:^|,)\s*0(?:px)? 0(?:px)? 0(?:px)? ([\d.]+)px\s+(?:#b71c1c|rgb\(183, 28, 28\))/i.exec(style.boxShadow ?? '')
  return border + (ring ? parseFloat(ring[1]) : 0)
}

/**
 * Review 36, finding 13: in 社区绿化满意度调查, choosing 是 brought "每周去几次？", and the questions after it were
 * numbered again (3 became 4) as she answered; at 送出问卷 the missing answer was named at the foot of the page, far
 * from the question. Now the questions always asked keep 1, 2, 3, 4 whatever she answers; the one that appears says
 * which answer brought it, without a number of its own. At 送出问卷 the unanswered question says so on itself, and
 * the screen goes to it; the words go as she answers it.
 */
describe('mini-program: a questionnaire keeps its numbers and marks the question left unanswered', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('numbers stay as she answers; the follow-up says why it came; 提交 marks it and scrolls to it', async () => {
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-wang-survey-numbers')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    const before = ['1.您是否经常去社区公园？（必答）', '2.希望增加哪些设施？', '3.对现有绿化的满意度（必答）', '4.其他建议']
    expect(heads(page)).to.deep.equal(before)

    await tapInside(page, '.q-q1', '.option', 0) // 是: brings 每周去几次？
    expect(heads(page), 'none renumbered, none skipped').to.deep.equal([
      before[0],
      '您在第1题选了“是”，请接着回答： | 每周去几次？（必答）',
      ...before.slice(1),
    ])

    await tapInside(page, '.q-q3', '.point', 3)
    const unmarked = metrics(questionBox(page, '.q-q5'))
    expect(redFrame(questionBox(page, '.q-q5')), 'no red frame before 提交').to.equal(0)
    await page.tap('.submit')
    expect(heads(page)[1], 'said on the question itself, asked once').to.equal('这道必答题还没有回答 | 您在第1题选了“是”，请接着回答： | 每周去几次？（必答）')
    expect(
      heads(page).filter((q) => q.includes('还没有回答')),
      'only that one',
    ).to.have.length(1)
    expect(phone.scrolls.at(-1), 'the screen goes to it').to.deep.equal({ selector: '#q-q5', scrollTop: undefined })
    expect(page.has('#q-q5'), 'what the screen goes to is there').to.equal(true)
    expect(page.textOf('.error'), 'and under the button she pressed').to.equal('还有必答题没有回答：第 1 题下面的“每周去几次？”')
    // Framed in red, plainly (4rpx), as a ring outside the box: a thicker border grew it and moved the page under her.
    expect(redFrame(questionBox(page, '.q-q5')), 'the unanswered question framed in red').to.be.at.least(4)
    expect(metrics(questionBox(page, '.q-q5')), 'marked, the question keeps its size and its words their place').to.equal(unmarked)

    await typeInside(page, '.q-q5', '.field', '3')
    expect(
      heads(page).some((q) => q.includes('还没有回答')),
      'answered: the words go',
    ).to.equal(false)
    expect(redFrame(questionBox(page, '.q-q5')), 'answered: the frame goes').to.equal(0)
    await page.tap('.submit')
    expect(page.text()).to.include('已送出，谢谢您的参与')
  })
})
