import { expect } from 'chai'
import { ask, useBotStory, type Person } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

/**
 * A deputy of 66 asks the chat "建议" (he means his 代表建议) and "帮助". He once got a 17-line menu, half of it for
 * residents (撤回, 我的信息, 删除我的信息, 1/2/3), that never named his 代表建议 or 补签. Now "建议" says where he writes
 * one, and his help is a deputy's: his own commands, meetings with 补签, where the rest is done, and one line for what
 * he can do as anyone (the residents' menu whole behind "群众菜单").
 */
describe('bot: a deputy asks about his 代表建议 and reads a deputy’s short help', function () {
  this.timeout(30_000)
  const story = useBotStory()
  let deputy: Person
  const says = (words: string) => ask(story.bot, deputy, words)
  beforeEach(async () => {
    deputy = await bindZhangWei(story.app, story.bot)
  })

  const SUGGESTIONS =
    '代表建议在小程序里写、看办理进度和评价答复：打开小程序，点“代表工作台”，再点“我的建议（写建议、附议、评价答复）”。您自己要反映问题，请发送"留言"。'

  it('"建议", "我要写建议", "建议怎么写" lead to 我的建议 on his workbench', async () => {
    for (const words of ['建议', '我要写建议', '建议怎么写', '代表建议']) expect(await says(words), words).to.equal(SUGGESTIONS)
  })

  it('"帮助" is a deputy’s short help naming 补签 and 代表建议, the residents’ choices folded to one line', async () => {
    const menu = await says('帮助')
    expect(menu.split('\n')).to.deep.equal([
      '张伟代表，您好！您现在没有待办留言。新留言来了会发消息通知您，通知里写着怎么受理和答复。',
      '发送"待办"可以随时查看待办留言。',
      '会议通知请回复"参加"，或"请假 原因"；开会忘了签到，请发送"补签"。',
      '投票、填问卷请到小程序“代表工作台”的“我的待办”中办；代表建议、学习、履职档案和积分也在小程序里（发送"建议""学习"等可以看怎么找）。',
      '',
      '您自己作为群众要反映问题，请发送"留言"；其他功能请发送"群众菜单"。',
    ])
    expect(await says('群众菜单'))
      .to.include('1. 留言：向人大代表反映问题、提建议')
      .and.include('删除我的信息')
  })
})
