import { expect } from 'chai'
import { maskForCaseWork, maskPersonalData } from '../../src/domain/pii-mask.js'

/**
 * How residents name neighbours in a message or an answer: 老王, 小张, 王大爷, 李阿姨. Each names a person and is masked
 * wherever another resident or the public reads it (a merged message's answer, a published answer); ordinary words that
 * start with 老 or 小, or with a surname's character, stay.
 */
describe('familiar names (老王, 小张) are masked as 王大爷 is; ordinary words stay', () => {
  const table: Array<[string, string]> = [
    ['已联系老王，老王答应周末把旧家具搬走', '已联系老某，老某答应周末把旧家具搬走'],
    ['老王家的旧家具堵住了消防通道', '老某家的旧家具堵住了消防通道'],
    ['王大爷、李阿姨也说会帮忙', '某大爷、某阿姨也说会帮忙'],
    ['物业找小张来修', '物业找小某来修'],
    ['邻居老王，楼下小张', '邻居老某，楼下小某'],
    ['老王老李都同意', '老某老某都同意'],
    ['老李头也同意', '老某头也同意'],
    ['我是老王', '我是老某'],
    ['小张师傅会来清理', '某师傅会来清理'],
    // Ordinary words, kept as written.
    ['王府井小吃街', '王府井小吃街'],
    ['老旧小区改造', '老旧小区改造'],
    ['在小程序里留言', '在小程序里留言'],
    ['小高层住宅的电梯', '小高层住宅的电梯'],
    ['养老金发放晚了', '养老金发放晚了'],
    ['老胡同里没有路灯', '老胡同里没有路灯'],
    ['坑小于3米', '坑小于3米'],
    ['墙上有个小孔，漏水', '墙上有个小孔，漏水'],
    ['我家小孙女上学', '我家小孙女上学'],
    ['捡了块小石头', '捡了块小石头'],
    ['缩小范围', '缩小范围'],
    ['老毛病又犯了', '老毛病又犯了'],
    ['古老王朝的城墙', '古老王朝的城墙'],
  ]
  for (const [text, masked] of table) {
    it(`${text} → ${masked}`, () => {
      expect(maskPersonalData(text)).to.equal(masked)
      expect(maskForCaseWork(text), 'staff read names masked too').to.equal(masked)
    })
  }
})
