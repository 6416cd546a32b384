import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { BOT_SECRET, caseCity, startBot, type BotUnderTest } from './helpers.js'
import { answeredMessage, STREET_LIGHT_LINE, useAnsweredMessage } from './rated-answer.js'

/**
 * 老李 rates an answer with a bare "3", then says why: "路灯还是没修好". Her words reach the deputy with the
 * score ("群众说：…", as a comment sent from the mini-program does), never the resident menu. The rating
 * question says which scores may ask for 重新办理, and a 重新办理 after a higher score says what she can do.
 */
describe('bot: a resident says why after her score, and hears which scores may be handled again', function () {
  this.timeout(30_000)
  const story = useAnsweredMessage()
  const { say, stored, ratingReachesDeputy } = story

  it('the rating question says plainly which scores may ask for 重新办理 (the backend’s reopenMaxRating)', async () => {
    expect(story.app.liaison.config.cases.reopenMaxRating, 'the configured threshold this story reads').to.equal(2)
    expect(story.notice).to.include('问题没有解决的，打 1 分或 2 分，就可以申请重新办理。')
  })

  it('"3" then "路灯还是没修好": her words go to the deputy with the score, not the menu', async () => {
    const thanks = await say('3')
    expect(thanks).to.include('已记下您的评分：3 分。谢谢您的评价！').and.include('还有什么想对代表说的，可以直接发过来，我们会转给代表。')

    const said = await say('路灯还是没修好')
    expect(said).to.equal('您说的"路灯还是没修好"已经转给代表了，谢谢您！\n问题还没有解决，或者有别的事要反映，请发送"留言"再写一条。')
    expect(said, 'not the menu').to.not.include('1. 留言')
    expect(await stored()).to.include({ rating: 3, ratingComment: '路灯还是没修好' })

    expect(await ratingReachesDeputy(), 'one notice, with her words').to.deep.equal([
      `您答复的留言 ${story.ticket} 获得 3 分评价。群众说：路灯还是没修好${STREET_LIGHT_LINE}`,
    ])
  })

  it('"重新办理" after a 3 says which scores may, and that her words can still go to the deputy', async () => {
    await say('3')
    const refused = await say('重新办理')
    expect(refused).to.equal(
      [
        `留言 ${story.ticket.slice(-4)} 的答复您打了 3 分，只有打 1 分或 2 分的答复，才可以申请重新办理。`,
        '还有什么没解决的，可以直接发过来，我们会和您的评分一起转给代表；',
        '也可以发送"留言"再写一条。',
      ].join('\n'),
    )
    expect(await say('路灯还是没修好')).to.include('已经转给代表了')
    expect(await stored()).to.include({ ratingComment: '路灯还是没修好' })
  })

  it('only right after the score: "谢谢" is thanks, and words half an hour later are not added to it', async () => {
    expect(await say('5')).to.include('还有什么想对代表说的，可以直接发过来')
    expect(await say('谢谢')).to.include('不客气')
    story.bot.clock.advance(31 * 60_000)
    expect(await say('路灯还是没修好')).to.not.include('转给代表')
    expect(await stored()).to.include({ rating: 5, ratingComment: null })
  })
})

describe('bot: the rating question follows the configured reopenMaxRating', function () {
  this.timeout(30_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET }, cases: { reopenMaxRating: 3 } } })
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t?.stop()
    await app?.close()
  })

  it('an office that lets a 3 ask for 重新办理 has its residents told so, and a 3 is offered it', async () => {
    const { notice, say } = await answeredMessage(app, t)
    expect(notice).to.include('问题没有解决的，打 1 到 3 分，就可以申请重新办理。')
    expect(await say('3')).to.include('1. 重新办理')
  })
})
