import { expect } from 'chai'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config.js'
import { compileTopicModel, countTopics, flattenCounts, prepareCounts, pruneRare, textGrams } from '../../src/domain/topic-model.js'
import { cachedCounts, corpusCounts, countsFileText, readCorpus } from '../../src/services/topics/topic-corpus.js'
import { evaluateTopics } from '../../src/services/topics/topic-eval.js'
import { TOY_EXAMPLES, TOY_TOPICS } from './topic-toy-corpus.js'

const { topics: TOPICS, topicKeywords: KEYWORDS } = loadConfig().business

describe('topics learned from data', () => {
  describe('the model, on a toy corpus', () => {
    const topics = TOY_TOPICS
    const examples = TOY_EXAMPLES
    const model = compileTopicModel(prepareCounts(countTopics(examples, topics)), null, {})

    it('reads 1- to 3-character n-grams within runs of letters and digits, each once', () => {
      expect([...textGrams('工资，Ａb')]).to.deep.equal(['工', '工资', '资', 'a', 'ab', 'b'])
    })

    it('says the topic, how sure it is, and which n-grams decided it', () => {
      const d = model('学校食堂拖欠工资')
      expect(d.topic, 'a wage dispute that mentions a school').to.equal('劳动就业')
      expect(d.confidence).to.be.within(0.5, 1)
      expect(
        d.matched.some((w) => '拖欠工资'.includes(w)),
        d.matched.join(),
      ).to.equal(true)
    })

    it('keeps the dictionaries as a prior: a keyword decides where the corpus has nothing to say', () => {
      const withKeywords = compileTopicModel(prepareCounts(countTopics(examples, topics)), null, { 教育: ['幼儿园'] })
      expect(model('幼儿园').topic).to.equal('其他')
      expect(withKeywords('幼儿园')).to.deep.include({ topic: '教育', matched: ['幼儿园'] })
    })

    it("adds an office's counts to the corpus's without counting the corpus again", () => {
      const before = model('食堂的饭')
      const extra = countTopics([{ text: '食堂的饭太难吃', topic: '教育', weight: 20 }], topics)
      const office = compileTopicModel(prepareCounts(countTopics(examples, topics)), extra, {})
      expect(before.topic).to.not.equal('教育')
      expect(office('食堂的饭').topic).to.equal('教育')
      expect(model('食堂的饭').topic, 'the corpus model is untouched').to.equal(before.topic)
    })

    it('leaves out n-grams spread over every topic', () => {
      const counts = countTopics([...examples, { text: '谢谢代表拖欠', topic: '其他', weight: 10 }], topics)
      const kept = pruneRare(counts, 1, 0.7)
      expect(kept.grams.has('工资')).to.equal(true)
      expect(kept.grams.has('拖欠'), 'in two topics').to.equal(false)
    })
  })

  describe('the model, on the corpus', () => {
    const model = compileTopicModel(corpusCounts(TOPICS), null, KEYWORDS)
    const cases: Array<[string, string]> = [
      ['我在学校食堂干了三个月，老板到现在还欠着我工资', '劳动就业'],
      ['医院的保洁是外包的，公司拖欠了我们半年工资', '劳动就业'],
      ['每天早上解放路堵得一动不动，公交车半小时一趟', '交通出行'],
      ['物业收了物业费什么都不管，电梯坏了一个月', '物业管理'],
      ['我们申请公租房好几年了一直没轮到', '城乡建设'],
      ['谢谢代表帮我们解决了问题', '其他'],
    ]
    for (const [text, topic] of cases) it(`${text} → ${topic}`, () => expect(model(text).topic).to.equal(topic))

    it('shows staff whole words as the grounds, never a piece cut across words such as 的人行 or 了不', () => {
      expect(model('小区南门外的人行道砖翘起来了，老人走路容易绊倒').matched).to.deep.equal(['人行道'])
      const broken = model('群众反映：我们这边的人行道被破坏了不恢复，坐轮椅根本过不去，要求尽快解决。').matched
      expect(broken).to.include('人行道').and.not.include('了不').and.not.include('们这边').and.not.include('这边的')
      const configured = new Set(
        Object.values(KEYWORDS as Record<string, string[]>)
          .flat()
          .map((k) => k.replace(/^~/, '')),
      )
      for (const m of readCorpus()) {
        const { matched } = model(m.text)
        // A piece is shown only when it is all the model went on: a reason decides the topic, what reads well must not.
        if (matched.length === 1 && !configured.has(matched[0])) continue
        for (const word of matched.filter((w) => !configured.has(w))) {
          expect(word.length, `${word} in ${m.text}`).to.be.at.least(2)
          expect(word, m.text).to.not.match(/^[的了在是们]|[的了在是不]$/)
        }
      }
    })

    it('keeps the topic of a message whose only grounds are a piece of a word (the piece is shown)', () => {
      const text = '本人是高新区居民，社区经常打电话要我们下载APP，老人不会弄，到底是为了什么。另外另外充的会员卡也退不了。期待回复'
      expect(model(text).topic).to.not.equal('其他')
      expect(model(text).matched).to.have.length(1)
    })

    it('sends what says nothing to 其他, with no words to show', () => {
      expect(model('你好')).to.deep.include({ topic: '其他', matched: [] })
      expect(model('')).to.deep.include({ topic: '其他', matched: [] })
    })

    it('reads the counts kept between starts as one flat table, deciding every message as the counting did', () => {
      const counted = countTopics(
        readCorpus().filter((m) => m.split === 'train'),
        TOPICS,
      )
      const kept = JSON.parse(countsFileText(flattenCounts(counted))) // as the cache file holds them
      expect(Object.keys(kept).sort(), 'one list of n-grams and one of counts, not an array per n-gram').to.deep.equal([
        'counts',
        'docs',
        'grams',
        'topics',
        'total',
      ])
      const prepared = prepareCounts(kept)
      expect(prepared.logNum).to.have.length(counted.grams.size * TOPICS.length)
      const office = countTopics([{ text: '学校食堂的饭菜太难吃了', topic: '教育', weight: 12 }], TOPICS)
      for (const extra of [null, office]) {
        const fromCounting = compileTopicModel(prepareCounts(counted), extra, KEYWORDS)
        const fromKept = compileTopicModel(prepared, extra, KEYWORDS)
        for (const m of readCorpus()) expect(fromKept(m.text), m.text).to.deep.equal(fromCounting(m.text))
      }
    })
    it('counts again, and keeps the new counts, when the kept file is JSON of another shape (the directory is shared)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'liaison-topic-cache-'))
      try {
        const path = join(dir, 'counts.json')
        const fresh = flattenCounts(countTopics([{ text: '路灯坏了', topic: TOPICS[0] as string }], TOPICS))
        for (const other of ['{"topics": 5}', '[]', JSON.stringify({ ...JSON.parse(countsFileText(fresh)), counts: [1] })]) {
          writeFileSync(path, other)
          const counts = cachedCounts(path, TOPICS, () => fresh)
          expect(counts, other).to.equal(fresh)
          expect(JSON.parse(readFileSync(path, 'utf8')), 'the file now holds the counts').to.deep.equal(JSON.parse(countsFileText(fresh)))
        }
        expect(cachedCounts(path, TOPICS, () => expect.fail('a good file is read, not counted again')).grams).to.deep.equal(fresh.grams)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })

  describe('npm run topics:eval', () => {
    it('trains on the train split and beats the keyword dictionaries on the held-out split', () => {
      const report = evaluateTopics(TOPICS, KEYWORDS)
      expect(report.heldOut / (report.train + report.heldOut), 'at least a fifth held out').to.be.at.least(0.2)
      expect(report.train + report.heldOut).to.be.at.least(2000)
      // Measured 77.6% (keywords alone 64.1%); 77.4% before a short main issue naming its matter was one, a ride's price
      // 营商环境 and short road digs 城乡建设; 76.4% before an aside was read at a tenth (a long one at less) and the corpus held
      // streetlights, road works by companies, rides unsafe in parks and at temple fairs; 75.0% before asides typed after a
      // space were seen and the corpus held a property company's own pipe works and unsafe rides; 72.6% before a second
      // issue in passing was read at a fifth of its weight. A floor just below it.
      expect(report.accuracy).to.be.at.least(0.765)
      expect(report.accuracy).to.be.greaterThan(report.keywordAccuracy)
      expect(report.confusion.flat().reduce((a, b) => a + b, 0)).to.equal(report.heldOut)
    })
  })
})
