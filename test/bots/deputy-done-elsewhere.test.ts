import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { ballotBody } from '../helpers/surveys.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

const WORKBENCH = '小程序“代表工作台”的“我的待办”'

/**
 * 张伟 uses only the chat. The ballot's notice tells him where to vote; "投票" (the bot cannot take a vote),
 * "问卷", "学习", "我的积分" say where each is done, never the case menu; his menu names them too.
 */
describe('bot: a deputy asks the chat for what is done in the mini-program', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says } = story

  it('the ballot\'s notice in the chat says where to vote, and so does his "投票"', async () => {
    const sunli = await new Client(story.app.baseUrl).login('sunli', STAFF_PASSWORD)
    const created = await sunli.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001'] } } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    await dispatch(story.app)
    const notice = await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('票决通知：')), 'the ballot notice to reach 张伟')
    expect(notice).to.equal(`票决通知：《2027年民生实事项目票决》已开始，11月30日 18:00 截止。请在${WORKBENCH}中投票。`)

    const said = await says('投票')
    expect(said).to.equal(`在微信聊天里不能投票。请在${WORKBENCH}中投票：打开小程序，点“代表工作台”，在“我的待办”里点票决的名字。`)
    expect(await says('怎么投票？')).to.equal(said)
  })

  it('"问卷", "学习", "我的积分", "履职档案" say where, not the case menu', async () => {
    expect(await says('问卷'))
      .to.include('在微信聊天里不能填写问卷')
      .and.include(WORKBENCH)
    expect(await says('学习'))
      .to.include('首页点“学习”')
      .and.not.include('办理群众留言')
    for (const words of ['我的积分', '履职档案', '履职']) {
      expect(await says(words), words).to.equal('履职档案和积分请在小程序里看：打开小程序，点“代表工作台”，再点“我的履职档案”。')
    }
  })

  it('his menu has one line about them', async () => {
    const menu = await says('帮助')
    expect(menu).to.include(`投票、填问卷请到${WORKBENCH}中办；代表建议、学习、履职档案和积分也在小程序里`)
  })
})
