import { expect } from 'chai'
import { BODY, declarations, rpx } from './harness/stylesheets.js'

/**
 * 赵阿姨, 71, in 关怀模式, answers "您对所在社区绿化现状的满意度": the numbers 1 to 5 in the boxes she taps are
 * as large as the words around them, which 关怀模式 makes larger (40rpx), not a fixed 36rpx that stays small
 * beside them; and the five boxes still share one row.
 */
describe('mini-program: in 关怀模式 the numbers of a 1–5 scale are as large as her text', () => {
  it('grows the numbers with the text, at least as large as it, in both modes', () => {
    expect(BODY.care, '关怀模式 raises the body text').to.be.above(BODY.standard)
    const number = declarations('components/question/question.wxss', '.point').get('font-size')!
    for (const [mode, size] of Object.entries(BODY)) expect(rpx(number, size), `${mode}: ${size}rpx body`).to.be.at.least(size)
  })

  it('keeps one row of five, each wide enough for "10" at that size', () => {
    const point = declarations('components/question/question.wxss', '.point')
    expect(declarations('components/question/question.wxss', '.scale').get('flex-wrap'), 'the row never wraps').to.equal('nowrap')
    expect(point.get('flex')).to.equal('1 1 0')
    // 750rpx wide; the page shell's 32rpx and the card's 24rpx each side, four gaps of 8rpx: each box about 121rpx.
    const box = (750 - 2 * 32 - 2 * 24 - 4 * 8) / 5
    // Two digits are about one em wide in the phone's fonts; a margin either side.
    expect(rpx(point.get('font-size')!, BODY.care) * 1.2, 'two digits and a margin').to.be.below(box)
  })
})
