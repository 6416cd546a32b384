import { expect } from 'chai'
import { contentGrams, mostSimilar, sameComplaint } from '../../src/domain/similarity.js'

const BAR = 0.45 // config/default.json similarThreshold

/**
 * 王阿姨, 78, on the sixth floor of 5号楼, writes to the station the way older residents do: a greeting, who she is,
 * how long the lift has been broken, what the management said, how hard life is without it, her phone. Two neighbours
 * write a line each about the same lift, in other words. Their messages share a quarter of their character pairs with
 * hers at most, so the clerk was never shown them together (review 37). Other neighbours of the same community write
 * about the same lift for other reasons, another building's lift, the stairwell light, the street lamps of two
 * streets: those are other matters, and a merge would close them undone.
 */
describe('相似留言: a long account holds a short message about the same lift (review 37)', () => {
  const auntWang =
    '代表您好！我姓王，今年七十八岁了，是光明社区5号楼的老住户，住在六楼。我们这栋楼的电梯从上个月底就坏了，到现在快半个月了，' +
    '找了物业好几次，物业说要等维修资金批下来才能修。我膝盖不好，上下六楼要歇好几回，买菜、去医院拿药都成了大难题，' +
    '楼里像我这样的老人还有好几个。麻烦代表帮我们问一问，什么时候能修好。我的电话是13700001234，谢谢！'
  const neighbourLi = '5号楼电梯停了半个月了，物业一直拖着不修，老人下不了楼'
  const neighbourZhou = '光明社区5号楼的电梯坏了好久，希望督促物业赶紧维修'
  const offered = (text: string, others: Record<string, string>) =>
    mostSimilar(
      text,
      Object.entries(others).map(([id, t]) => ({ id, text: t })),
      BAR,
    ).map((o) => o.item.id)

  it('offers her neighbours’ short messages beside her long one, and hers beside each of theirs', () => {
    expect(offered(auntWang, { li: neighbourLi, zhou: neighbourZhou })).to.have.members(['li', 'zhou'])
    expect(offered(neighbourLi, { wang: auntWang })).to.deep.equal(['wang'])
    expect(offered(neighbourZhou, { wang: auntWang })).to.deep.equal(['wang'])
  })

  it('holds one lamp said twice in other words, a drain too', () => {
    expect(offered('小区东门的路灯坏了一个多月，晚上老人出门摸黑', { dark: '东门路灯不亮好久了' })).to.deep.equal(['dark'])
    expect(offered('幸福路的下水道堵了三天，污水漫到人行道上，走路都要绕着走', { again: '幸福路下水道又堵了' })).to.deep.equal(['again'])
  })

  it('does not offer another matter of the same community, however much it shares with her letter', () => {
    const others = {
      // The same lift, another fault: its adverts and its fee are not its repair.
      adverts: '5号楼电梯里贴满了小广告，物业也不管，看着很乱',
      fee: '5号楼电梯费每个月收得太多了，物业收费也不公开',
      // Another building's lift, said almost as she says it.
      building: '光明社区3号楼的电梯坏了快半个月了，物业说要等维修资金，老人下不了楼',
      // Another thing of her building.
      stairs: '5号楼楼道灯坏了，晚上上下楼看不见，老人容易摔',
      // Her lift with the stairwell light: more than her lift alone; merged into hers, the light would go undone.
      both: '5号楼电梯和楼道灯都坏了，物业不修',
      // A lift to be built is paperwork, not repairs.
      install: '光明社区老楼想加装电梯，申请手续太复杂了，请代表帮忙问问',
    }
    expect(offered(auntWang, others)).to.deep.equal([])
    for (const [name, text] of Object.entries(others)) expect(offered(text, { wang: auntWang }), name).to.deep.equal([])
  })

  it('does not offer the lamps of two streets, nor a gate’s lamp for the main gate’s', () => {
    expect(offered('建设路的路灯坏了好几天，晚上很黑', { other: '幸福路路灯不亮，晚上走路看不见' })).to.deep.equal([])
    expect(offered('建设路的路灯坏了好几天，晚上很黑', { same: '建设路路灯不亮一个星期了' })).to.deep.equal(['same'])
    expect(offered('北门路灯坏了一个月', { main: '小区大门路灯坏了一个月了，晚上黑漆漆的，老人出门都不敢走' })).to.deep.equal([])
  })

  it('names no street for a community named after one (建设路社区)', () => {
    expect(sameComplaint(contentGrams('建设路社区5号楼电梯坏了，老人下不了楼'), contentGrams('5号楼电梯停运好几天了'))).to.equal(true)
  })
})
