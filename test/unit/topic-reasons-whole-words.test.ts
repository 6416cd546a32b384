import { expect } from 'chai'
import { loadConfig } from '../../src/config.js'
import { compileTopicModel } from '../../src/domain/topic-model.js'
import { MessageWords } from '../../src/domain/topic-reasons.js'
import { corpusCounts } from '../../src/services/topics/topic-corpus.js'

const { topics: TOPICS, topicKeywords: KEYWORDS } = loadConfig().business

/**
 * 为什么分到这里 shows a clerk the words that decided a message's topic (依据). Read off the learned character
 * n-grams, they were pieces cut across words: "依据：广场舞、天晚上、音响、到十", "依据：天桥、区外" (社区外). She took
 * them for a fault, and corrected the topic because of them (review 37). Every reason is whole words of the message.
 */
describe('依据 of a topic: whole words of the message, never pieces across two (review 37)', () => {
  const model = compileTopicModel(corpusCounts(TOPICS), null, KEYWORDS)

  const messages: Array<{ text: string; reads: string; never: string[] }> = [
    {
      text: '东湖社区的广场舞每天晚上跳到十点多，音响开得特别响，楼上孩子写不了作业，老人也睡不好。',
      reads: '广场舞',
      never: ['天晚上', '到十', '天晚', '晚上跳'],
    },
    {
      text: '希望在建新社区外面的解放路上修一座过街天桥，路口车多，学生过马路太危险。',
      reads: '天桥',
      never: ['区外', '社区外'],
    },
    {
      text: '楼下烧烤摊每天晚上营业到凌晨两点，油烟呛得我们家窗户都不敢开。',
      reads: '烧烤',
      never: ['天晚上', '到凌'],
    },
  ]

  for (const { text, reads, never } of messages)
    it(`reads “${text.slice(0, 14)}…” by ${reads}, and shows no piece of two words`, () => {
      const decided = model(text)
      expect(decided.matched, decided.matched.join('、')).to.include(reads)
      for (const piece of never) expect(decided.matched, decided.matched.join('、')).to.not.include(piece)
      // A keyword of the topic's dictionary is a word by its making (油烟, though the segmenter reads 油 and 烟); the
      // others are learned, and must be whole words of the message.
      const words = new MessageWords(text.normalize('NFKC').toLowerCase())
      const dictionary = (KEYWORDS as Record<string, readonly string[]>)[decided.topic] ?? []
      for (const reason of decided.matched.filter((r) => !dictionary.includes(r)))
        expect(words.holds(reason), `${reason} is whole words of the message`).to.equal(true)
    })

  it('takes a learned word the segmenter splits in two, when both halves are whole (快递柜 is 快递 and 柜), not two single characters (到十)', () => {
    const words = new MessageWords('小区快递柜超时收费，广场舞放到十点多')
    expect(words.holds('快递柜')).to.equal(true)
    expect(words.holds('到十')).to.equal(false)
    expect(words.holds('区快')).to.equal(false)
  })
})
