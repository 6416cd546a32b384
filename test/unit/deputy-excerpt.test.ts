import { expect } from 'chai'
import { deputyExcerpt } from '../../src/domain/deputy-gist.js'

/** Her words as a deputy's lists cut them: numbers masked first, and a cut never lands inside a mask. */
describe('deputyExcerpt', () => {
  it('masks her number before cutting, and cuts before a mask rather than inside it', () => {
    expect(deputyExcerpt('楼道灯坏了，电话13912345678', 60)).to.equal('楼道灯坏了，电话〔手机号〕')
    expect(deputyExcerpt('楼道灯坏了，电话13912345678，晚上在家', 10)).to.equal('楼道灯坏了，电话')
    expect(deputyExcerpt('身份证110101199001011234办低保', 8)).to.equal('身份证')
    expect(deputyExcerpt('身份证110101199001011234办低保', 9)).to.equal('身份证〔身份证号〕')
    expect(deputyExcerpt('小区门口的垃圾好几天没人清运', 5)).to.equal('小区门口的')
  })
})
