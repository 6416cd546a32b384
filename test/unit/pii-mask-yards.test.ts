import { expect } from 'chai'
import { maskForCaseWork, maskPersonalData, MASKS } from '../../src/domain/pii-mask.js'
import { linkedCaseTitle } from '../../src/domain/suggestion.js'

/**
 * A community's yard ("建设路社区3号院") in a resident's words. Review 37's finding 10 let staff (and the deputies'
 * suggestions quoting her) read it whole; the security review's finding 5 took that back: a yard beside a household's
 * locator ("东头第二家") is a home, the quotes are read by co-signing deputies who never handled her message, and the
 * export leaves the station. A resident's words keep the mask they had: the yard is masked for staff too.
 * Guards, all three: the mask does today what it did before finding 10 (src/domain/pii-mask.ts is back as it was).
 */
describe('masking: a yard in a resident’s words is masked, for staff as in what leaves the work', () => {
  it('masks the yard of a community or estate for staff, and in the words a suggestion quotes', () => {
    for (const [text, masked] of [
      ['建设路社区3号院有人在楼顶私搭乱建，城管说归街道', `建设路社区${MASKS.houseNumber}有人在楼顶私搭乱建，城管说归街道`],
      ['幸福小区2号院门口的路灯坏了', `幸福小区${MASKS.houseNumber}门口的路灯坏了`],
      ['建设路社区3号院东头第二家门口污水', `建设路社区${MASKS.houseNumber}东头第二家门口污水`],
    ])
      expect(maskForCaseWork(text), text).to.equal(masked)
    expect(linkedCaseTitle('建设路社区3号院有人在楼顶私搭乱建，城管说归街道')).to.equal(`建设路社区${MASKS.houseNumber}有人在楼顶私搭乱建…`)
  })

  it('still masks a home: a yard with its building, entrance or room, a street’s door, a village household’s yard', () => {
    for (const [text, masked] of [
      ['我家住建设路社区3号院5号楼2单元501室，楼顶漏水', `我家住建设路社区${MASKS.houseNumber}，楼顶漏水`],
      ['建设路社区3号院，5号楼2单元的楼道灯坏了', `建设路社区${MASKS.houseNumber}，5号楼2单元的楼道灯坏了`],
      ['建设路社区3号院，我家501室漏水', `建设路社区${MASKS.houseNumber}，我家501室漏水`],
      ['建设路88号院门口堆满垃圾', `建设路${MASKS.houseNumber}门口堆满垃圾`],
      ['张庄村12号院的狗天天叫', `张庄村${MASKS.houseNumber}的狗天天叫`],
    ])
      expect(maskForCaseWork(text), text).to.equal(masked)
  })

  it('leaves the strict mask as it was: every yard goes from what is anonymised or published', () => {
    expect(maskPersonalData('建设路社区3号院有人在楼顶私搭乱建')).to.equal(`建设路社区${MASKS.houseNumber}有人在楼顶私搭乱建`)
  })
})
