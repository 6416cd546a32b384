import { expect } from 'chai'
import { alikeness, contentGrams, mostSimilar, placesApart, placesDiffer } from '../../src/domain/similarity.js'

const BAR = 0.45 // config/default.json similarThreshold
const alike = (a: string, b: string) => alikeness(contentGrams(a), contentGrams(b))

/** 相似留言 offers a message to merge; a merge closes it, so another place's problem must never be offered. */
describe('相似留言: alike only when it is the same problem at the same place (review 32)', () => {
  const southLamp = '我家住在小区南门，南门路灯坏了一个月，晚上黑漆漆的，老人出门都不敢走，希望尽快修'
  const fiveLift = '5号楼电梯坏了三天了，我妈妈八十多岁住在十二楼，上下楼太难了'

  it('does not offer a complaint about another gate, building or entrance, however alike the words', () => {
    for (const [short, long] of [
      ['北门路灯坏了一个月', southLamp],
      ['3号楼电梯坏了三天', fiveLift],
      ['东门垃圾没人清理', '西门垃圾没人清理，堆了一个星期，臭得不行'],
      ['3号楼2单元楼道灯不亮', '我住3号楼1单元，楼道灯不亮快两个月了，上下楼摸黑'],
      ['三号楼电梯坏了三天', fiveLift],
    ])
      expect(alike(short, long), `${short} / ${long}`).to.be.below(BAR)
  })

  it('does not offer a long account for a few words that any complaint says', () => {
    expect(alike('反映了很多次都没有人管', '楼下的化粪池满了，污水流到路上，反映了很多次都没有人管')).to.be.below(BAR)
  })

  it('asks a short message to be found whole in the long one: one pair left out is usually the place', () => {
    expect(alike('北门路灯坏了一个月', '小区大门路灯坏了一个月了，晚上黑漆漆的，老人出门都不敢走')).to.be.below(BAR)
  })

  it('reads the numbers: the 3楼 lamp is not the 5楼 one, the 12路 stop not the 15路 one', () => {
    expect(alike('3楼楼道灯坏了一个月', '5楼楼道灯坏了一个月，晚上上下楼摸黑，老人摔了一跤')).to.be.below(BAR)
    expect(alike('12路站牌倒了一个月', '15路站牌倒了一个月，等车的老人看不到几点来车，下雨天只能站在路边淋着，物业和公交公司互相推')).to.be.below(BAR)
  })

  it('still offers a short rewording of a long account of the same lamp, gate or building', () => {
    const long = '小区门口的路灯已经坏了快一个月了，晚上黑漆漆的，老人出门都不敢走，物业说不归他们管，希望有关部门尽快来修一下'
    expect(alike('门口路灯坏了一个月', long)).to.equal(1)
    expect(alike('南门路灯坏了一个月', southLamp)).to.equal(1)
    expect(alike('5号楼电梯坏了三天', fiveLift)).to.equal(1)
    const offered = mostSimilar(
      '北门路灯坏了一个月',
      [
        { id: 'south', text: southLamp },
        { id: 'north', text: '北门路灯坏了一个月，晚上太黑了，老人摔了一跤' },
      ],
      BAR,
    )
    expect(offered.map((o) => o.item.id)).to.deep.equal(['north'])
  })

  it('keeps a word that an adverb starts (快递柜 is not 递柜)', () => {
    expect([...contentGrams('快递柜坏了')]).to.include('快递')
  })

  describe('places as residents write them (closing 32)', () => {
    const differ = (a: string, b: string) => placesDiffer(contentGrams(a), contentGrams(b))

    it('reads a place number in Chinese numerals as the digits: 三号楼 is 3号楼, 十二单元 is 12单元', () => {
      expect(alike('三号楼电梯坏了三天', fiveLift.replace('5号楼', '3号楼'))).to.equal(1)
      expect(alike('十二单元楼道灯不亮', '我住3号楼12单元，楼道灯不亮快两个月了，上下楼摸黑')).to.be.at.least(BAR)
      expect(differ('一百零八号院门口路灯坏了', '108号院门口路灯坏了')).to.equal(false)
      // Still another building, however it is written.
      expect(differ('三号楼电梯坏了', '5号楼电梯坏了')).to.equal(true)
      expect(differ('二十单元楼道灯不亮', '12单元楼道灯不亮')).to.equal(true)
    })

    it('tells two bus routes apart however the line is written (12路公交, 公交12路), and 一路上 is no route', () => {
      expect(differ('12路公交站牌倒了一个月', '公交15路站牌倒了一个月')).to.equal(true)
      expect(differ('公交十二路的站牌倒了', '15路车站牌倒了')).to.equal(true)
      expect(differ('12路公交站牌倒了一个月', '公交12路站牌倒了，等车的老人看不到几点来车')).to.equal(false)
      expect(differ('一路上都是垃圾，12路公交站也是', '12路公交站垃圾没人清')).to.equal(false)
      expect(differ('3路口的红绿灯坏了', '5路口红绿灯坏了')).to.equal(false)
    })

    it('names the places each message writes, for the words of a refused merge', () => {
      expect(placesApart(contentGrams('3号楼2单元北门路灯坏了'), contentGrams('三号楼1单元南门的路灯不亮'))).to.deep.equal({
        here: ['2单元', '北门'],
        there: ['1单元', '南门'],
      })
      expect(placesApart(contentGrams('三号楼电梯坏了'), contentGrams('3号楼电梯坏了三天'))).to.equal(null)
      expect(placesApart(contentGrams('a座电梯坏了'), contentGrams('B座电梯坏了'))).to.deep.equal({ here: ['A座'], there: ['B座'] })
    })

    it('compares places only on what contentGrams made: a plain set of pairs is refused, not read as naming none', () => {
      const pairs = new Set(['路灯', '灯坏'])
      // @ts-expect-error a Set of pairs names no places: the type says so before the code runs
      expect(() => placesDiffer(pairs, contentGrams('北门路灯坏了'))).to.throw(TypeError, 'contentGrams')
      // @ts-expect-error the same for alikeness, which asks placesDiffer first
      expect(() => alikeness(contentGrams('北门路灯坏了'), pairs)).to.throw(TypeError, 'contentGrams')
    })
  })
})
