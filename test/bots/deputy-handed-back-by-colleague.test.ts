import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

const HOUR = 3_600_000

/**
 * 张伟 hands a message on to 王芳 ("这件事王芳代表更熟悉"), and 王芳 hands it back ("还是张代表就近办理更方便"). In the
 * chat, 张伟 is not told "您有一条新留言" under a number he has handled already: he reads that 王芳 handed it back
 * to him, why, and by when to 受理 it now (his own new time, not the one he had when it first came).
 */
describe('bot: a deputy is told who handed a message back to him, and why', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })

  it('"王芳代表把留言 … 交回给您办理：还是张代表就近办理更方便。请在…前受理。"', async () => {
    const { app, bot: t, deputy, resident } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const { ticket, notice } = await story.messageReachesZhangWei(resident, '小区东门的路灯坏了半个月了，晚上看不见路')
    expect(notice).to.include('请在11月24日（星期二）上午10:00前受理')
    const short = ticket.slice(-4)
    expect(await ask(t, deputy, `受理 ${short}`)).to.include(`已受理留言 ${ticket}`)

    const id = (await story.stored(ticket))!.id
    app.clock.advance(2 * HOUR)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { deputyCode: 'DP0002', reason: '这件事王芳代表更熟悉' })).status).to.equal(200)
    app.clock.advance(HOUR)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/deputy/cases/${id}/transfer`, { deputyCode: 'DP0001', reason: '还是张代表就近办理更方便。' })).status).to.equal(200)
    await dispatch(app)

    const back = await waitFor(() => t.world.said('张伟').find((m) => m.includes('交回给您办理')), 'the hand-back to reach 张伟')
    const [first, ...rest] = back.split('\n')
    expect(first).to.equal(
      `张伟代表，王芳代表把留言 ${ticket}（城乡建设：小区东门的路灯坏了半个月了，晚上看不见路）交回给您办理：还是张代表就近办理更方便。请在11月24日（星期二）下午1:00前受理。`,
    )
    expect(rest, 'how to act on it').to.include(`受理请回复：受理 ${short}`)
    expect(
      t.world.said('张伟').filter((m) => m.includes(`新留言 ${ticket}`)),
      'said once as new, when it came',
    ).to.have.length(1)

    // 王芳 was given it by a colleague the first time: she reads 张伟 handed it to her, and why.
    const toWang = (await app.liaison.store.outbox.search({ limit: 50, recipientId: 'dp0002', kind: 'case.assigned' })).items
    expect(toWang.map((m) => m.payload.text)).to.deep.equal([
      `王芳代表，张伟代表把留言 ${ticket}（城乡建设：小区东门的路灯坏了半个月了，晚上看不见路）转给您办理：这件事王芳代表更熟悉。请在11月24日（星期二）中午12:00前受理。`,
    ])
  })
})
