import { expect } from 'chai'
import { firstMaskAt, maskForCaseWork, maskPersonalData, openMaskAt } from '../../src/domain/pii-mask.js'

/**
 * On the public page "电话〔手机号〕" read as a form's field left broken. What was hidden says so in words: "（已隐去）" after
 * the word that names it, "（门牌号已隐去）" for a home's door, whose lead words (5号楼2单元) do not say what.
 */
describe('masks read as hidden on purpose', () => {
  it('says （已隐去） after the word that names it, and names a door', () => {
    expect(maskPersonalData('路灯坏了，我电话13812345678')).to.equal('路灯坏了，我电话（已隐去）')
    expect(maskPersonalData('身份证110101199001011234办低保')).to.equal('身份证（已隐去）办低保')
    expect(maskForCaseWork('光明社区3栋2001装修太吵')).to.equal('光明社区3栋（门牌号已隐去）装修太吵')
    expect(maskPersonalData('我电话13812345678，住5号楼2单元301')).not.to.match(/[〔〕]/)
  })

  it('is still found by the quoting rules: never cut inside one, old or new', () => {
    const chars = (s: string) => Array.from(s)
    expect(openMaskAt(chars('住建设路3栋（门牌')), 'a door cut short').to.equal(6)
    expect(openMaskAt(chars('我电话（已隐')), 'a number cut short').to.equal(3)
    expect(openMaskAt(chars('我电话〔手机')), 'an older record’s mask').to.equal(3)
    expect(openMaskAt(chars('我电话（已隐去）')), 'a whole one stays').to.equal(-1)
    expect(openMaskAt(chars('路灯坏了')), 'none').to.equal(-1)
    expect(firstMaskAt('楼道灯坏了（门口那盏），电话（已隐去）')).to.equal(14)
    expect(firstMaskAt('楼道灯坏了〔手机号〕')).to.equal(5)
    expect(firstMaskAt('楼道灯坏了（门口那盏）')).to.equal(-1)
  })
})
