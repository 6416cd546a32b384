import { expect } from 'chai'
import { phonesWrittenIn } from '../../src/domain/pii-mask.js'

/**
 * The numbers a resident wrote so that the deputy would call her ("电话 0001" reads the first): what a notice masks as
 * a phone, as he dials it; never an account or an ID number.
 */
describe('phonesWrittenIn', () => {
  it('reads mobiles as digits, however they are written, before landlines', () => {
    expect(phonesWrittenIn('路灯坏了，电话13912345678')).to.deep.equal(['13912345678'])
    expect(phonesWrittenIn('座机0571-87654321，手机 +86 139-1234-5678')).to.deep.equal(['13912345678', '057187654321'])
    expect(phonesWrittenIn('请打幺三九一二三四五六七八找我')).to.deep.equal(['13912345678'])
    expect(phonesWrittenIn('我的手机１３９１２３４５６７８，再说一遍13912345678')).to.deep.equal(['13912345678'])
    expect(phonesWrittenIn('有事打电话：87654321')).to.deep.equal(['87654321'])
  })

  it('finds none in an account, an ID number or a message without a number', () => {
    expect(phonesWrittenIn('QQ号码12345678，身份证110101199001011234')).to.deep.equal([])
    expect(phonesWrittenIn('小区门口的垃圾好几天没人清运')).to.deep.equal([])
  })
})
