import { expect } from 'chai'
import { types } from 'wechaty'
import { useCaseStory } from './case-story.js'
import { ask, waitFor } from './helpers.js'

/**
 * 王阿姨 (72) photographs the broken light and sends the photo, or a voice note, in the middle of her message. The bot
 * cannot read either. Choosing where the message goes, nothing of hers is written yet: she hears so and sees the
 * choice again. Writing, or at the summary, she hears the photo is not in the message, how to say it in words, where
 * a photo can go to the deputy, and that her message is still there. Asked whether to send a message she wrote earlier
 * and left unsent, she is writing nothing: she hears the two numbers she can answer with, as they were offered.
 */
const WHILE_WRITING = '照片和语音我这里收不到，没有加进留言。请用文字说说看到的情况；要给代表看照片，可以在小程序里留言时加照片。您的留言还在，接着写就行。'
const WHILE_CHOOSING = '照片和语音我这里收不到。请先回复数字选好发给谁：'

describe('bot: 王阿姨 sends a photo while she writes', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })
  const say = (words: string) => ask(story.bot, story.resident, words)
  /** She sends a photo (or a voice note): everything said back. */
  async function sends(type: types.Message) {
    const t = story.bot
    const before = t.world.said('王阿姨').length
    const handled = t.bot.inbox.handled
    t.world.emit(story.resident, t.world.self, '', { type })
    await waitFor(() => t.bot.inbox.handled > handled, 'the bot to look at what she sent')
    await t.bot.inbox.settled()
    return t.world.said('王阿姨').slice(before).join('\n\n')
  }

  it('choosing the district or the street, a photo or a voice note shows the list again; writing or at the summary, it is not in the message', async () => {
    await say('留言')
    expect(await say('同意')).to.include('1. 湛河区')
    const districts = await sends(types.Message.Image)
    expect(districts).to.include(`${WHILE_CHOOSING}\n请选择您住在哪个区（县），回复数字：\n1. 湛河区`)
    expect(districts, 'nothing is written yet').to.not.include('留言还在')
    expect(await say('1')).to.include('1. 轻工街道')
    expect(await sends(types.Message.Audio)).to.include(`${WHILE_CHOOSING}\n请选择哪个街道（乡镇），回复数字：\n1. 轻工街道`)
    await say('1')
    expect(await say('1')).to.include('留言将发给：湛河区 轻工街道 建设路社区')

    expect(await sends(types.Message.Image)).to.equal(WHILE_WRITING)
    await say('楼道里的灯坏了三个月了，晚上上下楼看不见')
    expect(await say('好了')).to.include('1. 确认送出')
    expect(await sends(types.Message.Image)).to.equal(WHILE_WRITING)
    expect(await say('1')).to.include('留言已送出')
  })

  it('asked whether it goes where her last message went, a photo asks that again', async () => {
    await say('留言')
    await say('同意')
    for (const pick of ['1', '1', '1']) await say(pick)
    await say('楼道里的灯坏了三个月了，晚上上下楼看不见')
    await say('好了')
    expect(await say('1')).to.include('留言已送出')
    expect(await say('留言')).to.include('这次还发这里吗？')
    const asked = await sends(types.Message.Image)
    expect(asked).to.include(WHILE_CHOOSING).and.include('这次还发这里吗？').and.include('1. 是，还发')
  })

  it('deciding whether to send the message she left unsent, a photo hears the choice in plain words, and "1" still sends it', async () => {
    if ((await say('给DP0001留言')).includes('同意请回复')) await say('同意')
    await say('楼道里的灯坏了三个月了')
    expect(await say('好了')).to.include('1. 确认送出')
    expect(await say('留言')).to.include('回复 1 发出这条，回复 2 不要了重新写。')
    const asked = await sends(types.Message.Image)
    expect(asked).to.equal(
      [
        '照片和语音我这里收不到。您写的留言「楼道里的灯坏了三个月了」还没有发出。',
        '这里请回复数字：1 发出这条留言，2 不要了重新写。',
        '不想留言了请回复"取消"。',
      ].join('\n'),
    )
    expect(asked, 'she is writing nothing just now').to.not.include('接着写')
    expect(await say('1')).to.include('留言已送出')
  })
})
