import { expect } from 'chai'
import { saysAgain } from '../../src/domain/same-message.js'

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
})
