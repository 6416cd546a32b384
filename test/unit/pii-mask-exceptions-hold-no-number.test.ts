import { expect } from 'chai'
import { maskForCaseWork, maskPersonalData, maskPhoneAndIdNumbers, MASKS, phonesWrittenIn } from '../../src/domain/pii-mask.js'

/**
 * The exceptions that keep amounts and years bare (review 33, F5) must not keep a phone or a home bare: a resident
 * reads her number out in groups and thanks the deputy in the same breath, and a noise complaint names the room.
 */
describe('pii-mask: the amount and year exceptions let no number through', () => {
  const everyMask = (text: string) => [maskPersonalData(text), maskForCaseWork(text), maskPhoneAndIdNumbers(text)]

  it('masks a mobile read out in groups and followed by a word ("…5678多谢代表", "…5678天天有人在家"), not sums followed by a unit', () => {
    expect(everyMask('我电话是138，1234，5678多谢代表')).to.deep.equal(Array(3).fill(`我电话是${MASKS.mobile}多谢代表`))
    expect(everyMask('打138，1234，5678天天有人在家')).to.deep.equal(Array(3).fill(`打${MASKS.mobile}天天有人在家`))
    expect(everyMask('手机138、1234、5678个人的，随时打')).to.deep.equal(Array(3).fill(`手机${MASKS.mobile}个人的，随时打`))
    expect(everyMask('电话幺三八，幺二三四，五六七八多谢')).to.deep.equal(Array(3).fill(`电话${MASKS.mobile}多谢`))
    // Sums listed between commas stay as they are when a unit of money or area follows.
    for (const text of ['修电梯分三次交了135，2000，3000元', '三户各出135、2000、3000多元', '三次共135，2000，3000块', '门面135，1200，1500平米'])
      expect(everyMask(text), text).to.deep.equal([text, text, text])
    expect(phonesWrittenIn('修电梯分三次交了135，2000，3000元')).to.deep.equal([])
  })

  it('finds those numbers for the deputy to call', () => {
    expect(phonesWrittenIn('我电话是138，1234，5678多谢代表')).to.deep.equal(['13812345678'])
    expect(phonesWrittenIn('楼道灯坏了，打138，1234，5678天天有人在家')).to.deep.equal(['13812345678'])
  })

  it('masks a room on the 20th floor before 装修 ("楼上3栋2001装修太吵"), and keeps the year a building was put up', () => {
    expect(maskPersonalData('楼上3栋2001装修太吵')).to.equal(`楼上${MASKS.houseNumber}装修太吵`)
    expect(maskForCaseWork('光明社区3栋2001装修太吵')).to.equal(`光明社区3栋${MASKS.houseNumber}装修太吵`)
    expect(maskPersonalData('5号楼1903翻新，电钻从早响到晚')).to.equal(`${MASKS.houseNumber}翻新，电钻从早响到晚`)
    expect(maskPersonalData('3号楼2002改造厨房把管道弄坏了')).to.equal(`${MASKS.houseNumber}改造厨房把管道弄坏了`)
    expect(maskPersonalData('1号楼2020建成，电梯到现在没验收')).to.equal('1号楼2020建成，电梯到现在没验收')
    expect(maskForCaseWork('光明社区1号楼1998交房，水管都老了')).to.equal('光明社区1号楼1998交房，水管都老了')
  })

  it('masks a room before 天天 or 多次, which say how often, and keeps a count ("100多户")', () => {
    expect(maskPersonalData('3号楼1202天天漏水')).to.equal(`${MASKS.houseNumber}天天漏水`)
    expect(maskPersonalData('我家3栋1202多次找物业没人管')).to.equal(`我家${MASKS.houseNumber}多次找物业没人管`)
    expect(maskForCaseWork('光明社区3号楼，100多户没水')).to.equal('光明社区3号楼，100多户没水')
  })
})
