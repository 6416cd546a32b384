import { expect } from 'chai'
import { maskKnowingNames, namesGivenIn } from '../../src/services/privacy/known-names.js'

/**
 * 王秀兰 deletes her data. She once wrote "我是高层住户，本人高血压，我是黄河路的，联系人王师傅": none of those words is her
 * name, and what the office keeps of her messages still says 高层, 血压, 黄河路 and 师傅. Her own name, and 欧阳明's, go.
 */
describe('names removed at erasure are names, not ordinary words after 我是/本人/联系人', () => {
  it('takes no ordinary word for a name', () => {
    for (const text of ['我是高层住户', '本人高血压', '我是黄河路的', '联系人王师傅', '我是白天上班', '我是向阳社区的', '本人石家庄人', '我是程序员']) {
      expect(namesGivenIn(text), text).to.deep.equal([])
    }
  })

  it('still finds real names after the same words', () => {
    expect(namesGivenIn('我是王秀兰，高层电梯坏了')).to.deep.equal(['王秀兰'])
    expect(namesGivenIn('我是欧阳明')).to.deep.equal(['欧阳明'])
    expect(namesGivenIn('联系人：王秀兰 13912345678')).to.deep.equal(['王秀兰'])
    expect(namesGivenIn('本人李四反映：路灯不亮')).to.deep.equal(['李四'])
  })

  it('keeps the ordinary words in what the office keeps, and removes only her name', () => {
    const herTexts = ['我是高层住户，本人高血压，高层电梯坏了', '我是黄河路的，联系人王师傅', '我是王秀兰，请物业师傅来修']
    const mask = maskKnowingNames(herTexts.flatMap((t) => namesGivenIn(t)))
    expect(mask('秀兰阿姨说高层电梯坏了，她有高血压，物业师傅在黄河路')).to.equal('某某阿姨说高层电梯坏了，她有高血压，物业师傅在黄河路')
    expect(maskKnowingNames(['王师傅', '高层'])('物业师傅说高层电梯修好了'), 'a word that is no name is never removed').to.equal('物业师傅说高层电梯修好了')
  })
})
