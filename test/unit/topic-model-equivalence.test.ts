import { expect } from 'chai'
import { loadConfig } from '../../src/config.js'
import { compileTopicModel, countTopics } from '../../src/domain/topic-model.js'
import { corpusCounts, readCorpus } from '../../src/services/topics/topic-corpus.js'
import { referenceTopicModel } from './topic-model-reference.js'

const { topics: TOPICS, topicKeywords: KEYWORDS } = loadConfig().business

/** What residents type beyond the corpus: full-width letters, mixed case, spaces, emoji (surrogate pairs), digits, other scripts. */
const ODD_TEXTS = [
  '',
  '，。！',
  '你好',
  '路灯',
  'ＥＴＣ  通道 坏了',
  'WiFi信号差，wifi 连不上',
  '小区门口😀😀的路灯坏了😡三天',
  '𠀀𠀁 生僻字 𠮷野家',
  '电梯 1号楼 2单元 3F 坏了 12345',
  'İstanbul 路灯 ǅ 坏了',
  '学校学校学校学校食堂食堂拖欠工资工资',
  '物业\n收费\t太高',
  // A second issue in passing, where it is one, where it only seems one, and where it is all there is.
  '电梯坏了一个月。另外物业的保安态度也很差',
  '还有个事：路灯坏了，另外 另外😀垃圾没人收',
  '😀另外',
  '小区门口的路灯坏了。另外。',
]

describe('the topic model reads n-grams through a character index, deciding exactly as before', () => {
  const corpus = readCorpus()
  const texts = [...corpus.map((m) => m.text), ...ODD_TEXTS]
  const counts = corpusCounts(TOPICS)

  it('gives every corpus message and odd text the same topic, words and confidence (to the last bit) as the string lookups did', () => {
    const model = compileTopicModel(counts, null, KEYWORDS)
    const reference = referenceTopicModel(counts, null, KEYWORDS)
    for (const text of texts) expect(model(text), text).to.deep.equal(reference(text))
  })

  it("does the same for an office's model, whose corrections add n-grams the corpus has and n-grams it lacks", () => {
    // Corrections of an office: held-out messages relabelled, and words no corpus message uses.
    const examples = corpus
      .filter((m) => m.split === 'heldout')
      .slice(0, 60)
      .map((m, i) => ({ text: m.text, topic: TOPICS[i % TOPICS.length] as string, weight: 12 }))
    examples.push({ text: '㵘㵘镇的渡口没有船😀', topic: TOPICS[0] as string, weight: 12 })
    const extra = countTopics(examples, TOPICS)
    const model = compileTopicModel(counts, extra, KEYWORDS)
    const reference = referenceTopicModel(counts, extra, KEYWORDS)
    for (const text of [...texts, '㵘㵘镇的渡口没有船']) expect(model(text), text).to.deep.equal(reference(text))
  })

  it('decides a message the same on its second reading (the n-grams seen are forgotten between messages)', () => {
    const model = compileTopicModel(counts, null, KEYWORDS)
    const reference = referenceTopicModel(counts, null, KEYWORDS)
    for (const text of texts.slice(0, 50)) {
      model(text)
      expect(model(text), text).to.deep.equal(reference(text))
    }
  })
})
