import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'
import { useAnsweredMessage } from './rated-answer.js'

/**
 * 王阿姨 (70) only uses the chat. She asks what is kept about her and to read the notice again; her words are answered
 * here, never turned into a message for her deputy, not as a new message and not as a comment on an answer she rated.
 */
describe('bot: 王阿姨 asks about her data in the chat', function () {
  this.timeout(60_000)

  describe('a new contact', () => {
    const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })

    it('"导出我的信息" and "我的信息" say what is kept and where to get a copy; "隐私" shows the notice; nothing goes to a deputy', async () => {
      const { bot: t, resident: wang } = story
      for (const words of ['导出我的信息', '我的信息']) {
        const answer = await ask(t, wang, words)
        expect(answer, words).to.include('我们保存的您的信息').and.include('发送"查询"').and.include('这句话不会转给代表')
        expect(answer, words).not.to.include('发给代表')
      }
      const notice = await ask(t, wang, '隐私')
      expect(notice).to.include('【个人信息保护说明】').and.include('留言办结后保存三年').and.include('删除我的信息')
      expect(await ask(t, wang, '帮助'))
        .to.include('发送"我的信息"')
        .and.include('发送"隐私"')
      expect((await story.app.liaison.store.cases.search({ limit: 10 })).items, 'no message was written').to.deep.equal([])
    })
  })

  describe('right after she rated an answer', () => {
    const story = useAnsweredMessage()

    it('"我的信息" is answered, not kept as her comment for the deputy', async () => {
      expect(await story.say('3')).to.include('还有什么想对代表说的')
      const answer = await story.say('导出我的信息')
      expect(answer).to.include('我们保存的您的信息').and.not.include('这句话也记下了')
      expect(await story.say('隐私')).to.include('【个人信息保护说明】')
      const c = (await story.stored())!
      expect(c.ratingComment ?? '', 'not passed on as a comment').not.to.include('我的信息')
    })
  })
})
