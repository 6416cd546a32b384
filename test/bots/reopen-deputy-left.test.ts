import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { ask, bindingCode, dispatch, useBotStory, waitFor } from './helpers.js'

/**
 * 王阿姨 rated 张伟's answer low. Before she says 1 (重新办理), 张伟 has left office: her message goes
 * to the station to be given to another deputy, and the bot tells her so, not that 张伟 will handle it.
 */
describe('bot: 重新办理 after the deputy who answered has left office', function () {
  this.timeout(60_000)
  const story = useBotStory()

  it('tells her the station will have a deputy handle it', async () => {
    const { app, bot: t } = story
    const wang = t.world.person('wx-wang', '王阿姨')
    const deputy = t.world.person('wx-zhangwei', '张伟')
    expect(await ask(t, deputy, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功！张伟代表')

    const asked = await ask(t, wang, '我要给张伟代表留言：楼道的灯坏了，晚上看不见')
    const said = await ask(t, wang, asked.includes('同意请回复') ? '同意' : '1').then((s) => (s.includes('编号：') ? s : ask(t, wang, '1')))
    const ticket = /编号：(\d{8}-\d{4})/.exec(said)![1]
    expect(await ask(t, deputy, `回复 ${ticket.slice(-4)} 已经派人修好了。`)).to.include(`已答复留言 ${ticket}`)
    await dispatch(app)
    await waitFor(() => t.world.said('王阿姨').find((m) => m.includes(`您的留言 ${ticket} 有答复了`)), 'the answer')
    await waitFor(async () => ((await t.bot.client.dialogue('wx-wang')).state?.rating as { ticket?: string } | undefined)?.ticket === ticket, 'the rating')
    expect(await ask(t, wang, '2')).to.include('1. 重新办理')

    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    expect(await ask(t, wang, '1')).to.equal('请简单说说还有哪些问题没有解决：')
    expect(await ask(t, wang, '灯还是不亮')).to.equal(`已申请重新办理留言 ${ticket}，联络站会安排代表办理并答复您。`)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ status: 'submitted', deputyId: null })
  })
})
