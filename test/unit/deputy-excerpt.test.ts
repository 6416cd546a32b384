import { expect } from 'chai'
import { deputyExcerpt } from '../../src/domain/deputy-gist.js'

/** Her words as a deputy's lists cut them: numbers masked first, and a cut never lands inside a mask. */
describe('deputyExcerpt', () => {
  it('masks her number before cutting, and cuts before a mask rather than inside it', () => {
    expect(deputyExcerpt('楼道灯坏了，电话13912345678', 60)).to.equal('楼道灯坏了，电话（已隐去）')
    expect(deputyExcerpt('楼道灯坏了，电话13912345678，晚上在家', 10)).to.equal('楼道灯坏了，电话')
    expect(deputyExcerpt('身份证110101199001011234办低保', 7)).to.equal('身份证')
    expect(deputyExcerpt('身份证110101199001011234办低保', 8)).to.equal('身份证（已隐去）')
    // A mask written before (〔…〕, kept in older records' text) is not cut inside either.
    expect(deputyExcerpt('身份证〔身份证号〕办低保', 7)).to.equal('身份证')
    expect(deputyExcerpt('小区门口的垃圾好几天没人清运', 5)).to.equal('小区门口的')
  })
})
