import { expect } from 'chai'
import { sameMessage, saysAgain } from '../../src/domain/same-message.js'

describe('the same message again (saysAgain)', () => {
  const lamp = '建设路12号门口的路灯坏了，晚上很黑。'

  it('is the same words, whatever the spaces, punctuation and full-width digits', () => {
    expect(saysAgain('建设路１２号门口的路灯坏了 晚上很黑！', lamp)).to.equal(true)
  })

  it('is her first words alone, sent again after a line was added to them', () => {
    expect(saysAgain(lamp, `${lamp}\n灯还没修好`)).to.equal(true)
  })

  it('is not words that say more, another number, or a short phrase found in a longer message', () => {
    expect(saysAgain(`${lamp}已经一个星期了`, lamp)).to.equal(false)
    expect(saysAgain('建设路14号门口的路灯坏了，晚上很黑。', lamp)).to.equal(false)
    expect(saysAgain('路灯坏了', lamp)).to.equal(false)
    expect(saysAgain('？？', '！！')).to.equal(false)
  })

  describe('about a place (sameMessage)', () => {
    const jianshe = { regionId: 'c010101', communityId: 'c010101', districtId: 'd01' }
    const guangming = { regionId: 'c010102', communityId: 'c010102', districtId: 'd01' }
    // Written to a station's deputy, no place given: the community and district are the station's.
    const byStation = { regionId: null, communityId: 'c010101', districtId: 'd01' }
    const nowhere = { regionId: null, communityId: null, districtId: null }

    it('takes short words as the same message only about the same place', () => {
      expect(sameMessage({ text: '路灯坏了', ...jianshe }, { text: '路灯坏了。', ...jianshe })).to.equal(true)
      expect(sameMessage({ text: '路灯坏了', ...guangming }, { text: '路灯坏了', ...jianshe }), 'another community').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...byStation }, { text: '路灯坏了', ...jianshe }), 'a place given against none').to.equal(false)
      expect(sameMessage({ text: '路灯坏了', ...byStation }, { text: '路灯坏了', ...nowhere }), 'a station against nowhere').to.equal(false)
    })

    it('takes short words about no place at all as the same: nothing tells them apart, and she is only asked', () => {
      expect(sameMessage({ text: '路灯坏了', ...nowhere }, { text: '路灯坏了', ...nowhere })).to.equal(true)
    })

    it("keeps the words' own rule for a text of some length, wherever it was sent", () => {
      expect(sameMessage({ text: lamp, ...guangming }, { text: lamp, ...jianshe })).to.equal(true)
      expect(sameMessage({ text: lamp, ...nowhere }, { text: `${lamp}\n灯还没修好`, ...jianshe })).to.equal(true)
      expect(sameMessage({ text: '路灯坏了', ...jianshe }, { text: lamp, ...jianshe }), 'short words inside a longer message').to.equal(false)
    })
  })
})
