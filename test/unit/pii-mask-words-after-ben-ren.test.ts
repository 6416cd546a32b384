import { expect } from 'chai'
import { maskPersonalData, MASKS } from '../../src/domain/pii-mask.js'

/**
 * 本人 is how residents begin a sentence about themselves, and many go on with what they ask, not who they are. 申, 常,
 * 曾, 单 … are surnames too: "本人申请删除个人信息" read as 本人 + a name (申请删) and came out as "本人某某除个人信息" on the
 * office's timeline after an erasure. A name after 本人 still goes.
 */
describe('masking after 本人: what she asks stays, her name goes', () => {
  it('keeps the words of a request or a time after 本人, however its first character is a surname', () => {
    for (const text of [
      '本人申请删除个人信息',
      '本人申请低保已经半年了，一直没有回音',
      '本人申报的高龄补贴三个月没到账',
      '本人常年在外地打工，家里老人没人照顾',
      '本人曾经向社区反映过三次，楼道灯还是不亮',
      '本人曾多次打电话给物业，没人接',
      '本人单位在附近，每天路过这个路口',
      '本人关于小区停车难的建议',
      '本人马上要搬走了，押金还没退',
      '本人向有关部门反映过，至今没有答复',
      // Words that begin with no surname were never taken for one: they stay so.
      '本人要求物业尽快维修电梯',
      '本人想问一下低保怎么申请',
      '本人希望尽快解决',
      '本人家住三楼，楼上漏水',
    ])
      expect(maskPersonalData(text), text).to.equal(text)
  })

  it('still masks the name a resident gives after 本人, and ends it before what she asks', () => {
    expect(maskPersonalData('本人王秀兰，住3号楼')).to.equal(`本人${MASKS.name}，住3号楼`)
    expect(maskPersonalData('本人王秀兰申请低保')).to.equal(`本人${MASKS.name}申请低保`)
    expect(maskPersonalData('本人王兰常年在外地')).to.equal(`本人${MASKS.name}常年在外地`)
    expect(maskPersonalData('本人申小红，申请廉租房')).to.equal(`本人${MASKS.name}，申请廉租房`)
    expect(maskPersonalData('本人曾志强反映')).to.equal(`本人${MASKS.name}反映`)
    expect(maskPersonalData('本人叫张伟，是退休职工')).to.equal(`本人叫${MASKS.name}，是退休职工`)
  })
})
