import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 王阿姨 rated 张伟's answer low. Before she says 1 (重新办理), 张伟 has left office: her message goes
 * to the station to be given to another deputy, and the bot tells her so, not that 张伟 will handle it.
 */
describe('bot: 重新办理 after the deputy who answered has left office', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang', '王阿姨'] })

  it('tells her the station will have a deputy handle it', async () => {
    const { app, bot: t, resident: wang } = story
    const ticket = await story.residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    expect(await ask(t, wang, '2')).to.include('1. 重新办理')

    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    expect(await ask(t, wang, '1')).to.equal('请简单说说还有哪些问题没有解决：')
    expect(await ask(t, wang, '灯还是不亮')).to.equal(`已申请重新办理留言 ${ticket}，联络站会安排代表办理并答复您。`)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ status: 'submitted', deputyId: null })
  })
})
