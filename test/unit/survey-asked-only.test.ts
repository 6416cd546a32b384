import { expect } from 'chai'
import { surveyQuestion } from '../../src/domain/survey.js'
import { askedOnlyText } from '../../src/domain/survey-answers.js'

/** A question asked of some: its results say whom, by the question's number and the options' words. */
describe('whom a question with a condition was asked', () => {
  const car = surveyQuestion({
    id: 'q1',
    type: 'single',
    title: '您家有汽车吗？',
    options: [
      { id: 'a', label: '有' },
      { id: 'b', label: '没有' },
      { id: 'c', label: '有两辆' },
    ],
  })
  const parking = surveyQuestion({ id: 'q2', type: 'single', title: '晚上停车难吗？', showIf: { questionId: 'q1', optionIds: ['c', 'a'] } })
  const questions = [car, parking]

  it('names the question and the options that show it, in the options’ order', () => {
    expect(askedOnlyText(questions, 'q2')).to.equal('只问第 1 题选了“有”或“有两辆”的人')
  })

  it('says nothing of a question asked of everyone', () => {
    expect(askedOnlyText(questions, 'q1')).to.equal(null)
  })
})
