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
    // Where a word starts, a familiar name is masked whatever follows it (a merged resident read these unmasked).
    ['跟老王讲过了', '跟老某讲过了'],
    ['，老王媳妇答应周末搬走', '，老某媳妇答应周末搬走'],
    ['请小张看一下楼道', '请小某看一下楼道'],
    ['物业小李姐周六来清理', '物业小某姐周六来清理'],
    ['小陈医生说没事', '小某医生说没事'],
    ['老刘叔答应搬走', '老某叔答应搬走'],
    ['老张家门口堆了杂物', '老某家门口堆了杂物'],
    ['小王哥帮忙搬了', '小某哥帮忙搬了'],
    ['小赵师傅修好了', '某师傅修好了'],
    ['告诉小王了，也联系老刘', '告诉小某了，也联系老某'],
    ['请小马来看看', '请小某来看看'],
    ['请小高来量一下', '请小某来量一下'],
    ['请小于看一下', '请小某看一下'],
    // Inside running text, a word that follows a name marks it.
    ['昨天老王说会搬', '昨天老某说会搬'],
    // Ordinary words, kept as written.
    ['小时候在小学门口', '小时候在小学门口'],
    ['老师说老人和小孩都要小心', '老师说老人和小孩都要小心'],
    ['老年活动室旁的小吃摊，老板不管', '老年活动室旁的小吃摊，老板不管'],
    ['小车停在楼下', '小车停在楼下'],
    ['坐在小马扎上', '坐在小马扎上'],
    ['门口的小马路坑坑洼洼', '门口的小马路坑坑洼洼'],
    ['间距不小于5米', '间距不小于5米'],
    ['养老金也没发', '养老金也没发'],
    ['到老单位问过', '到老单位问过'],
    ['是这家店的老顾客', '是这家店的老顾客'],
    ['小黄车堆在门口', '小黄车堆在门口'],
    ['小牛电动车在楼道充电', '小牛电动车在楼道充电'],
    ['门口有小石子', '门口有小石子'],
    ['在小范围里试', '在小范围里试'],
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
