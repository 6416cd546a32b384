import { expect } from 'chai'
import { BODY, expectAboveBody, fontSize, rpx } from './harness/stylesheets.js'

/**
 * 李建国, 62, turns on 关怀模式. On his workbench "李建国 代表，您好", "我的待办：共 2 项", "群众留言（2）" and
 * each message's number grow with the text, and stay above the excerpt under them; on the message, the
 * red status, the 催办 and 重新办理 notes and the headings too; on a meeting, its title and his answer.
 * (Before, they kept fixed sizes: with big text on, the most important lines were the smallest.)
 */
describe('mini-program: 关怀模式 grows the deputy’s headings, states and counts with the text', () => {
  const headings: Array<[string, string]> = [
    ['pages/deputy/index.wxss', '.title'],
    ['pages/deputy/index.wxss', '.summary'],
    ['pages/deputy/index.wxss', '.section-title'],
    ['pages/deputy/index.wxss', '.task-title'],
    ['pages/deputy/case.wxss', '.title'],
    ['pages/deputy/case.wxss', '.subtitle'],
    ['pages/deputy/case.wxss', '.status'],
    ['pages/deputy/case.wxss', '.urge-note'],
    ['pages/deputy/case.wxss', '.reopen-note'],
    ['pages/deputy/case.wxss', '.not-his-text'],
    ['pages/meetings/detail.wxss', '.title'],
    ['pages/meetings/detail.wxss', '.subtitle'],
    ['pages/meetings/detail.wxss', '.state'],
    ['pages/meetings/index.wxss', '.title'],
    // 评价答复: its title, question, the three answers and the done line grow as every other page's do.
    ['pages/suggestion/rate.wxss', '.sg-title'],
    ['pages/suggestion/rate.wxss', '.sg-ask'],
    ['pages/suggestion/rate.wxss', '.sg-score'],
    ['pages/suggestion/rate.wxss', '.sg-done'],
  ]
  for (const [file, selector] of headings)
    it(`${file} ${selector}: larger than the body under it, in 关怀模式 too`, () => {
      expectAboveBody(file, selector)
      // Grows with the text: a fixed size above both bodies (44rpx) would pass the line above and stay as small.
      const size = fontSize(file, selector)
      expect(rpx(size, BODY.care), 'larger in 关怀模式 than in the standard look').to.be.above(rpx(size, BODY.standard))
    })

  it('pages/deputy/case.wxss .state-note: as large as the body, in 关怀模式 too', () => {
    expect(rpx(fontSize('pages/deputy/case.wxss', '.state-note'), BODY.care)).to.be.at.least(BODY.care)
  })
})
