import { expectAboveBody } from './harness/stylesheets.js'

/**
 * 王阿姨 reads 张伟's 述职报告 in 关怀模式 (review 35, finding 9): its title and 「一、履职情况」「二、履职活动」 grow with
 * the text and stay above the lines under them. (Before, fixed sizes left the headings smaller than the body.)
 */
describe('mini-program: 关怀模式 grows the 述职报告 headings with the text', () => {
  for (const selector of ['.title', '.subtitle'])
    it(`pages/records/annual.wxss ${selector}: larger than the body under it, in 关怀模式 too`, () => {
      expectAboveBody('pages/records/annual.wxss', selector)
    })
})
