import { expect } from 'chai'
import { loadConfig } from '../../src/config.js'
import { asideStart } from '../../src/domain/topic-aside.js'
import { compileTopicModel, countTopics, prepareCounts } from '../../src/domain/topic-model.js'
import { compileNormalizedKeywordScorer, normalizeText } from '../../src/domain/topics.js'
import { corpusCounts } from '../../src/services/topics/topic-corpus.js'
import { TOY_EXAMPLES, TOY_TOPICS } from './topic-toy-corpus.js'

const { topics: TOPICS, topicKeywords: KEYWORDS } = loadConfig().business

/**
 * Residents lead with what they write about and add another matter at the end ("另外…", "顺便说一下…"); the
 * message belongs to the office of the first. Read at full weight, a long aside took it to the aside's office.
 */
describe('a second issue in passing does not take the message to its topic', () => {
  /** What the model reads as the aside, in the normalised text. */
  const at = (text: string) => normalizeText(text).slice(asideStart(text))

  it('finds where the aside starts: a run opening with 另外, 顺便, 对了, 还有, 此外 or 再就是 after the main issue, never after a greeting', () => {
    expect(at('电梯坏了一个月。另外物业的保安态度也很差')).to.equal('另外物业的保安态度也很差')
    expect(at('小区门口的路灯不亮了！顺便说一下，垃圾也没人收')).to.equal('顺便说一下,垃圾也没人收')
    expect(at('还有个事想问：公租房怎么申请'), 'a message may open with 还有').to.equal('')
    expect(at('您好，还有个事想问：公租房怎么申请'), 'or greet first').to.equal('')
    expect(at('😀 还有个事想问'), 'nothing before it but an emoji').to.equal('')
    expect(at('小区门口另外开了一家店'), 'inside a run it is no turn').to.equal('')
  })

  it('sees a turn marked by a space alone, as residents type who leave out punctuation', () => {
    expect(at('小区门口 路灯坏了 另外 物业 不管')).to.equal('另外物业不管')
    expect(at('电梯坏了一个月　还有保安态度也很差'), 'a full-width space too').to.equal('还有保安态度也很差')
    expect(at('您好 还有个事想问 公租房怎么申请'), 'still never after a greeting').to.equal('')
  })

  it('takes a main issue of fewer than six letters for one when it names a matter, never a greeting or nothing', () => {
    const keywords = compileNormalizedKeywordScorer(KEYWORDS, TOPICS)
    const named = (text: string) => normalizeText(text).slice(asideStart(text, keywords))
    expect(named('路灯不亮了 另外 物业 不管')).to.equal('另外物业不管')
    expect(named('路灯坏了。另外物业也不管')).to.equal('另外物业也不管')
    expect(named('代表您好 另外 物业不管'), 'a greeting names nothing').to.equal('')
    expect(named('您好，还有个事想问：公租房怎么申请')).to.equal('')
    expect(named('另外物业不管'), 'nothing before the turn').to.equal('')
    expect(named('路灯坏了'), 'no turn at all').to.equal('')
  })

  describe('on a toy corpus', () => {
    const topics = TOY_TOPICS
    const examples = TOY_EXAMPLES
    const model = compileTopicModel(prepareCounts(countTopics(examples, topics)), null, { 劳动就业: ['拖欠工资'] })

    it('gives the message the topic it leads with, showing its words, though the aside is longer and names a keyword', () => {
      const d = model('孩子学校作业太多。另外老板拖欠工资三个月不给')
      expect(d.topic).to.equal('教育')
      expect(
        d.matched.some((w) => '学校作业'.includes(w)),
        d.matched.join(),
      ).to.equal(true)
      expect(model('谢谢。另外老板拖欠工资三个月不给').topic, 'the aside still counts when nothing else speaks').to.equal('劳动就业')
    })
  })

  describe('on the corpus', () => {
    const model = compileTopicModel(corpusCounts(TOPICS), null, KEYWORDS)
    const cases: Array<[string, string]> = [
      ['小区物业收了物业费什么都不管，电梯坏了一个月。另外我妈的医保报销也还没办下来，社保卡也丢了，补办要等一个月', '物业管理'],
      ['老板拖欠我们三个月工资不给。另外我妈的医保报销也还没办下来，社保卡也丢了，补办要等一个月', '劳动就业'],
      // Typed with spaces for punctuation: the turn is the same turn.
      ['小区物业收了物业费什么都不管 电梯坏了一个月 另外 我妈的医保报销也还没办下来 社保卡也丢了 补办要等一个月', '物业管理'],
      ['老板拖欠我们三个月工资不给 另外我妈的医保报销也还没办下来 社保卡也丢了 补办要等一个月', '劳动就业'],
    ]
    for (const [text, topic] of cases) it(`${text} → ${topic}`, () => expect(model(text).topic).to.equal(topic))

    // A main issue of a few words ("路灯坏了": a streetlight, 城乡建设) before an aside about the property company: the
    // streetlight decides, whether the resident typed spaces, commas or full stops, and however long the aside runs on.
    const shortMain: Array<[string, string]> = [
      ['小区门口 路灯坏了 另外 物业 不管', '城乡建设'],
      ['小区门口，路灯坏了，另外，物业不管', '城乡建设'],
      ['小区门口路灯坏了。另外物业不管。', '城乡建设'],
      ['小区门口 路灯坏了 另外 物业 不管 物业费照收', '城乡建设'],
      ['小区门口，路灯坏了，另外，物业不管，物业费照收', '城乡建设'],
      ['门口路灯坏了 另外 物业不管事 物业费照收 保安天天睡觉 楼道也没人打扫', '城乡建设'],
      ['小区门口 路灯坏了 另外 物业 不管 物业费照收 保安天天睡觉 电梯老坏 门禁也坏了', '城乡建设'],
      ['小区门口，路灯坏了，另外，物业不管，物业费照收，保安天天睡觉，电梯老坏，门禁也坏了', '城乡建设'],
      // A main issue shorter than six letters is one all the same when it names the matter (路灯).
      ['路灯不亮了 另外 物业 不管', '城乡建设'],
      ['路灯不亮了，另外，物业不管', '城乡建设'],
      ['路灯坏了。另外物业也不管', '城乡建设'],
      // …and short whole messages keep their own topic: no turn, or nothing before it.
      ['路灯坏了', '城乡建设'],
      ['物业不管', '物业管理'],
      ['另外物业不管', '物业管理'],
      ['代表您好 另外 物业不管', '物业管理'],
      // The other way round the property company leads, and the streetlight is the aside.
      ['物业不管 楼道漏水 另外 路灯也坏了', '物业管理'],
      ['物业不管，楼道漏水，另外，路灯也坏了', '物业管理'],
      ['物业不管。楼道漏水。另外路灯也坏了。', '物业管理'],
    ]
    for (const [text, topic] of shortMain) it(`${text} → ${topic}`, () => expect(model(text).topic).to.equal(topic))
  })
})
