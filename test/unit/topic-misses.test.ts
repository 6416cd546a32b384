import { expect } from 'chai'
import { loadConfig } from '../../src/config.js'
import { compileTopicModel } from '../../src/domain/topic-model.js'
import { corpusCounts } from '../../src/services/topics/topic-corpus.js'

const { topics: TOPICS, topicKeywords: KEYWORDS } = loadConfig().business

/**
 * Messages the model sent to the wrong office, in words no corpus line uses. What decides is what is wrong, not
 * where: a ride is unsafe in a park (公园, 城乡建设) or at a temple fair (庙会, 文化旅游) alike; a stairwell (楼道,
 * 社区治理 when neighbours fill it) whose light is out is the property company's to fix.
 */
describe('topics of messages the model used to miss', () => {
  const model = compileTopicModel(corpusCounts(TOPICS), null, KEYWORDS)
  const topicOf = (text: string) => model(text).topic

  it('sends unsafe trampolines and rides in a park to 安全生产, while the park itself stays 城乡建设', () => {
    expect(topicOf('公园里的蹦床没人管，孩子摔伤了')).to.equal('安全生产')
    expect(topicOf('公园的蹦床不安全')).to.equal('安全生产')
    expect(topicOf('公园里的小火车和碰碰车都锈了，还天天开')).to.equal('安全生产')
    expect(topicOf('公园改造围起来一年多了还没开放')).to.equal('城乡建设')
  })

  it('sends unsafe rides at a temple fair to 安全生产, while the fair itself stays 文化旅游', () => {
    expect(topicOf('庙会上那个大摆锤看着就吓人，有没有人检查过')).to.equal('安全生产')
    expect(topicOf('庙会上的碰碰车不安全')).to.equal('安全生产')
    expect(topicOf('庙会上的游乐设施随便搭的，太不安全了')).to.equal('安全生产')
    expect(topicOf('庙会门票太贵了')).to.equal('文化旅游')
  })

  it('sends a company digging up the road to lay pipes or cables to 城乡建设', () => {
    expect(topicOf('有公司挖路埋管子')).to.equal('城乡建设')
    expect(topicOf('电信公司挖马路埋光缆，挖完就不管了')).to.equal('城乡建设')
  })

  it("sends a stairwell's broken light to 物业管理, however it is worded, and the clutter in a stairwell to 社区治理", () => {
    expect(topicOf('楼道灯坏了半个月')).to.equal('物业管理')
    expect(topicOf('楼道里的灯坏了半个月')).to.equal('物业管理')
    expect(topicOf('楼道的灯坏了，晚上看不见')).to.equal('物业管理')
    expect(topicOf('建设路18号楼道里的灯坏了半个月，老人晚上上下楼很危险')).to.equal('物业管理')
    expect(topicOf('楼道里堆满了杂物，邻居也不清理')).to.equal('社区治理')
  })
})
