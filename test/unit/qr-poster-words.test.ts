import { expect } from 'chai'
import { surveyPosterWords } from '../../src/services/qr-codes.js'

/** The words printed under a survey's title on its 二维码海报, as a passer-by reads them. */
describe('survey poster words', () => {
  const survey = { kind: 'consultation' as const, opensAt: new Date('2026-11-23T01:00:00Z'), closesAt: new Date('2026-11-30T10:00:00Z') }

  it('invites a scan while the survey is coming or open', () => {
    expect(surveyPosterWords(survey, new Date('2026-11-22T01:00:00Z'))).to.deep.equal(['立法征求意见 · 欢迎参与', '微信扫一扫，参与填写'])
    expect(surveyPosterWords(survey, new Date('2026-11-25T01:00:00Z'))).to.deep.equal(['立法征求意见 · 欢迎参与', '微信扫一扫，参与填写'])
  })

  it('says a closed survey has ended and no longer asks anyone to fill it in', () => {
    expect(surveyPosterWords(survey, new Date('2026-12-01T01:00:00Z'))).to.deep.equal(['立法征求意见 · 已结束', '填写已经结束，感谢您的参与'])
  })
})
