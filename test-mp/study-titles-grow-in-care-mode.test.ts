import { expectAboveBody } from './harness/stylesheets.js'

/**
 * 王阿姨 turns on 关怀模式 and opens a campaign: the reading's title, the thing to tap, grows with
 * the text and stays larger than "必读，约五分钟" under it; so do the page's headings, the reading's
 * title, and on the quiz page "最终排名", her own place and each question above its options.
 */
describe('mini-program: 关怀模式 grows the study pages’ titles with the text', () => {
  const titles: Array<[string, string]> = [
    ['pages/study/campaign.wxss', '.title'],
    ['pages/study/campaign.wxss', '.subtitle'],
    ['pages/study/campaign.wxss', '.item-title'],
    ['pages/study/index.wxss', '.title'],
    ['pages/study/index.wxss', '.section'],
    // The reading itself: its title and "学习打卡" above the box.
    ['pages/study/item.wxss', '.title'],
    ['pages/study/item.wxss', '.subtitle'],
    // The quiz: its title, "最终排名", "您排第 5 名（共 5 人）", each question, the clock and a closed quiz's words.
    ['pages/quiz/take.wxss', '.title'],
    ['pages/quiz/take.wxss', '.subtitle'],
    ['pages/quiz/take.wxss', '.my-rank'],
    ['pages/quiz/take.wxss', '.stem'],
    ['pages/quiz/take.wxss', '.clock'],
    ['pages/quiz/take.wxss', '.state'],
  ]
  for (const [file, selector] of titles)
    it(`${file} ${selector}: larger than the summary under it, in 关怀模式 too`, () => {
      expectAboveBody(file, selector)
    })
})
