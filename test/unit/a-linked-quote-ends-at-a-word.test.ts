import { expect } from 'chai'
import { linkedCaseTitle } from '../../src/domain/suggestion.js'

/**
 * The words of a resident's message a deputy's suggestion quotes (来自群众留言 on his page, the office's and the
 * co-signers'): cut at twenty characters with no mark, "…楼顶漏水三个" read as all she wrote. Here a long message ends at a
 * clause's or a word's end with "…", a short one stays whole and unmarked, and a mask of her personal data is never cut.
 */
describe('代表建议: the quote of a linked message ends at a word and says there is more', () => {
  it('ends a long message at a clause or a word, marked …', () => {
    expect(linkedCaseTitle('光明社区3号楼2单元的楼道灯坏了一个月，我是王秀英')).to.equal('光明社区（门牌号已隐去）的楼道灯坏了一个月…')
    expect(linkedCaseTitle('我们小区门口的公交站牌被大风吹倒以后一直没有人来修理')).to.equal('我们小区门口的公交站牌被大风吹倒以后一直…')
  })

  it('keeps a short message whole and unmarked, and never cuts inside a mask', () => {
    expect(linkedCaseTitle('路灯坏了')).to.equal('路灯坏了')
    expect(linkedCaseTitle('建设路幸福小区的停车位太少请打电话13812345678联系我'), 'not "…请打电话（已隐…"').to.equal('建设路幸福小区的停车位太少请打电话…')
  })
})
