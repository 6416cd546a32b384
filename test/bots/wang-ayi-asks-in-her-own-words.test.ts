import { expect } from 'chai'
import { privacyInEverydayWords } from '../../bots/privacy-words.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'
import { useAnsweredMessage } from './rated-answer.js'

/**
 * 王阿姨 (72) asks in her own words, not the menu's: "我要看我的信息", "我想改一下电话", "我电话换了", "把我的信息删了";
 * and right after scoring an answer, where the questionnaire and the study are. Each is answered as it is asked, with
 * what she can do and how (the station that acts for her, by name, address and reception day), never taken as words
 * for a deputy; words about someone else's phone or data stay hers to send.
 */

/** Her station, as the directory keeps it (the case city's 轻工街道代表联络站). */
const HER_STATION = '轻工街道代表联络站（建设路1号，每星期三接待）'
const QUESTIONNAIRE = '问卷要在小程序里填，在微信聊天里填不了：打开小程序，在首页点“问卷”。'
const STUDY = '学习材料和知识竞赛都在小程序里，在微信聊天里做不了：打开小程序，在首页点“学习”。'

describe('bot: 王阿姨 asks in her own words', function () {
  this.timeout(60_000)

  describe('right after she scored an answer', () => {
    const story = useAnsweredMessage({ rated: '4' })

    it('"问卷", "我想填那个立法的征求意见", "学习", "我想改一下电话" are answered as with nothing going on; a comment still follows the score', async () => {
      for (const words of ['问卷', '我想填那个立法的征求意见']) {
        const answer = await story.say(words)
        expect(answer, words).to.include(QUESTIONNAIRE).and.not.include('对刚才答复的意见')
      }
      expect(await story.say('学习')).to.equal(STUDY)
      const phone = await story.say('我想改一下电话')
      expect(phone).to.include('留言里的电话，在这里聊天改不了').and.include(`办理您留言的是${HER_STATION}。`)
      expect(phone).not.to.include('对刚才答复的意见')
      // Her word on the answer, after all that, still reaches the deputy with her score.
      await story.say('灯修好了，谢谢代表')
      const comment = (await story.stored())!.ratingComment ?? ''
      expect(comment).to.include('灯修好了')
      for (const asked of ['问卷', '征求意见', '学习', '电话']) expect(comment, asked).not.to.include(asked)
    })

    it('asked whether her words are for the deputy, "我想填那个立法的征求意见" is answered and the question stands; it is not added', async () => {
      expect(await story.say('我们小区3号楼的垃圾三天没人收了')).to.include('回复 1')
      const answer = await story.say('我想填那个立法的征求意见')
      expect(answer).to.include(QUESTIONNAIRE).and.include('回复 1').and.not.include('也记下了')
      await story.say('1')
      const comment = (await story.stored())!.ratingComment ?? ''
      expect(comment).to.include('垃圾三天没人收了').and.not.include('征求意见')
    })
  })

  describe('with nothing going on, after a message of hers', () => {
    const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
    const say = (words: string) => ask(story.bot, story.resident, words)
    beforeEach(async () => {
      await story.writesToZhangWei('我家楼下那个路灯坏了快一个月了，晚上黑咕隆咚的')
    })

    it('"我要看我的信息" says what is kept and names her station; "确认删除" after it deletes nothing and is not a message', async () => {
      const answer = await say('我要看我的信息')
      expect(answer).to.include('我们保存的您的信息').and.include(`· 留言里的电话写错了：请告诉${HER_STATION}的工作人员，由他们转告代表；`)
      expect(answer).not.to.include('还没有发出去')
      const confirm = await say('确认删除')
      expect(confirm).to.include('删除后：').and.include('确定删除请回复"确认删除"').and.not.include('还没有发出去')
      expect(await say('取消')).to.include('没有删除您的信息')
      expect((await story.app.liaison.store.cases.search({ limit: 10 })).items, 'her one message, and no other').to.have.length(1)
    })

    it('"我想改一下电话", "改电话", "我电话换了" say how to change it and at which station, not 没有人工客服', async () => {
      for (const words of ['我想改一下电话', '改电话', '我电话换了', '电话号码写错了']) {
        const answer = await say(words)
        expect(answer, words).to.include('留言里的电话，在这里聊天改不了，要请联络站的工作人员帮您改。')
        expect(answer, words).to.include(`办理您留言的是${HER_STATION}。`)
        expect(answer, words).to.include('请在接待日到联络站告诉工作人员是哪条留言（发送"查询"可以看到留言编号）和新的电话')
        expect(answer, words).not.to.include('没有人工客服')
      }
    })

    it('"把我的信息删了" asks to confirm the deletion', async () => {
      expect(await say('把我的信息删了'))
        .to.include('删除后：')
        .and.include('确定删除请回复"确认删除"')
      expect(await say('取消')).to.include('没有删除您的信息')
    })

    it('a neighbour’s phone, or her data leaked, are words for a deputy, not a request about her data', async () => {
      for (const words of ['邻居的电话一直打不通', '我的信息被泄露了，天天有人打电话推销']) {
        const answer = await say(words)
        expect(answer, words).to.include('您是想给人大代表留言吧？这段话已经记下了')
        expect(answer, words).not.to.include('留言里的电话').and.not.include('我们保存的您的信息').and.not.include('删除后')
        expect(await say('取消'), words).to.include('已取消')
      }
    })
  })

  describe('a new contact', () => {
    const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })

    it('"我想改一下电话" before any message: no phone is kept', async () => {
      expect(await ask(story.bot, story.resident, '我想改一下电话')).to.equal(
        '您还没有在这里留过言，我们没有保存您的电话。\n以后留言时，在留言里写上您的电话，代表需要时会打给您。\n这句话不会转给代表。',
      )
    })
  })

  describe('which words are a request about her own data (privacyInEverydayWords)', () => {
    it('her everyday ways of asking', () => {
      for (const words of ['我要看我的信息', '查一下我的资料', '把我的信息发给我', '你们存了我什么信息', '我的信息在哪看'])
        expect(privacyInEverydayWords(words), words).to.deep.equal({ kind: 'myData' })
      for (const words of ['我要删除我的信息', '把我的信息删了', '我的资料都删掉吧', '注销我的账号'])
        expect(privacyInEverydayWords(words), words).to.deep.equal({ kind: 'erase' })
      for (const words of ['我想改一下电话', '改电话', '我电话换了', '我换手机号了', '麻烦帮我改一下我的电话', '我留的电话写错了', '电话怎么改？'])
        expect(privacyInEverydayWords(words), words).to.deep.equal({ kind: 'changePhone' })
    })

    it('someone else’s phone or data, or more words after it, are not', () => {
      for (const words of [
        '邻居的电话一直打不通',
        '帮我改一下邻居家的电话',
        '物业电话改了也不通知',
        '邻居502的电话号码换了',
        '我电话是13912345678',
        '我想给代表打电话',
        '社区电话是多少',
        '我的信息被泄露了',
        '我想看看代表的信息',
        '删除我的信息和照片吧，太乱了',
        '我想改一下电话，路灯还是坏的',
        '楼道里的电话线乱了要改',
      ])
        expect(privacyInEverydayWords(words), words).to.equal(null)
    })
  })
})
