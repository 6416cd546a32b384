import { expect } from 'chai'
import { APPRAISAL_MIN_SHOWN, APPRAISAL_SEAL_WORDS, appraisalSeal, readableAppraisalResults } from '../../src/domain/appraisal-seal.js'
import type { SurveyResults } from '../../src/domain/survey-tally.js'

// A 述职评议's tally as surveyResults gives it: an average, one 不满意 among the options, a comment count.
const tally = (responses: number): SurveyResults => ({
  responses,
  questions: [
    {
      questionId: 'verdict',
      type: 'single',
      title: '您对代表的述职报告是否满意？',
      answered: responses,
      options: [{ id: 'unsatisfied', label: '不满意', count: 1, percent: 20 }],
      average: null,
      distribution: [],
    },
  ],
  articles: [{ articleId: 'a1', number: '第一条', comments: 1 }],
})

describe('述职评议 sealing', () => {
  it('seals the ratings before and during the appraisal, whatever the count', () => {
    expect(appraisalSeal('scheduled', 0)).to.equal('not_started')
    expect(appraisalSeal('open', 40)).to.equal('in_progress')
  })

  it('keeps them sealed after the close below 5 raters, and opens them from 5', () => {
    expect(APPRAISAL_MIN_SHOWN).to.equal(5)
    expect(appraisalSeal('closed', 0)).to.equal('too_few')
    expect(appraisalSeal('closed', 4)).to.equal('too_few')
    expect(appraisalSeal('closed', 5)).to.equal(null)
  })

  it('keeps the count and nothing per question or article when sealed; the whole tally once open', () => {
    expect(readableAppraisalResults('open', tally(7))).to.deep.equal({ results: { responses: 7, questions: [], articles: [] }, seal: 'in_progress' })
    expect(readableAppraisalResults('closed', tally(3))).to.deep.equal({ results: { responses: 3, questions: [], articles: [] }, seal: 'too_few' })
    expect(readableAppraisalResults('closed', tally(5))).to.deep.equal({ results: tally(5), seal: null })
  })

  it('says why in plain words', () => {
    expect(APPRAISAL_SEAL_WORDS).to.deep.equal({
      not_started: '评议还没有开始，结束后显示评分',
      in_progress: '评议进行中，结束后显示评分',
      too_few: '参加评议的不足 5 人，为保护评议人，不显示评分',
    })
  })
})
