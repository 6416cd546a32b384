import { expect } from 'chai'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 has answered a message whose resident left no phone, and then sends "电话 0001": he is told it is
 * answered and that she left no number, and what can still come back to him; never asked to answer it again.
 */
describe('bot: a deputy asks for the phone on a message he has answered', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  it('says 已答复 and 群众没有留电话, and that the message comes back to him if she asks again', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const ticket = (await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的垃圾好几天没人清运' })).case.ticket
    const short = ticket.slice(-4)
    expect(await ask(t, deputy, `回复 ${short} 已联系环卫所，明天起每天清运两次。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)

    const said = await ask(t, deputy, `电话 ${short}`)
    expect(said).to.equal(`留言 ${ticket} 已答复，群众没有留电话。\n您的答复已经发给群众，请等群众评价。\n群众如果不满意、要求重新办理，这条留言会再交给您。`)
    expect(said).to.not.include('要答复群众')
  })
})
