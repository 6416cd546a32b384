import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 王阿姨 (70) has only ever written in the chat. She asks "我的信息？" the way she would ask a person. She is told what
 * is kept of her here, how to see it here, that a wrong number is put right through her station (named, with where it
 * is and when it receives people), and that she deletes
 * here; not sent to the mini-program's 我的信息, which is another account and holds none of her chat messages.
 */
describe('bot: a resident who only uses the chat asks what is kept about her', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi-chat', '王阿姨'] })

  it('is told the truth about her chat messages, with a question mark or a full stop, and nothing becomes a message', async () => {
    const { bot: t, resident: wang } = story
    await story.writesToZhangWei('楼道灯坏了，电话13912345678')
    for (const words of ['我的信息？', '我的信息?', '我的信息。']) {
      const answer = await ask(t, wang, words)
      expect(answer, words)
        .to.include('您在这里发的留言和每一步办理经过')
        .and.include('发送"查询"')
        .and.include('请告诉轻工街道代表联络站（建设路1号，每星期三接待）的工作人员')
        .and.include('在这里发送"删除我的信息"')
        .and.include('小程序里的“我的信息”是另一个账号，看不到您在这里发的留言')
      expect(answer, words).not.to.include('我的—我的信息').and.not.include('导出全部信息').and.not.include('发给代表')
    }
    // "修改电话？" is answered about the phone: where it is changed, and by whom.
    const phone = await ask(t, wang, '修改电话？')
    expect(phone).to.include('留言里的电话，在这里聊天改不了').and.include('办理您留言的是轻工街道代表联络站（建设路1号，每星期三接待）。')
    expect(phone).not.to.include('我的—我的信息').and.not.include('发给代表')
    const notice = await ask(t, wang, '隐私？')
    expect(notice).to.include('【个人信息保护说明】').and.include('您在这里聊天留言的：发送"我的信息"')
    expect((await story.app.liaison.store.cases.search({ limit: 10 })).items, 'only the message she wrote').to.have.length(1)
  })
})
