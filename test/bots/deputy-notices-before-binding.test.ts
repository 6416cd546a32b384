import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

const NO_WAY = '未能送达：该代表未使用小程序，也未绑定微信助手'

/**
 * Residents write to 张伟 before he has bound the bot or the mini-program. Their notices are 未能送达 at once
 * (the console's list tells staff whom to phone); when he binds, those of the last week reach him after all,
 * but only those still true then: a message the resident took back is not announced.
 */
describe('bot: notices written before a deputy bound his WeChat', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-liu', '刘阿姨'], deputyBound: false })

  const noticeOf = async (ticket: string) => {
    const c = (await story.stored(ticket))!
    const { items } = await story.app.liaison.store.outbox.search({ recipientId: 'dp0001', kind: 'case.assigned', limit: 50 })
    return items.find((m) => (m.payload as { caseId?: string }).caseId === c.id)!
  }

  it('are 未能送达 until he binds, then the ones still true reach him in the chat', async () => {
    const { app, bot: t } = story
    const kept = await story.writes('建设路18号楼道里的扶手断了，老人上下楼很危险')
    const taken = await story.writes('小区门口的垃圾好几天没人清运')
    await dispatch(app)
    expect(await noticeOf(kept), 'staff are told at once whom the notice cannot reach').to.include({ status: 'dead', lastError: NO_WAY })
    expect(await noticeOf(taken)).to.include({ status: 'dead', lastError: NO_WAY })

    // She takes the second one back before he is on WeChat: its notice is no longer true.
    const { personId } = await t.bot.client.resolvePerson({ contactId: 'wx-liu' })
    await t.bot.client.withdraw(personId, taken)

    const deputy = await bindZhangWei(app, t, story.deputy)
    await dispatch(app)
    const notice = await waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${kept}`)), 'the earlier notice to reach 张伟')
    expect(notice).to.include('建设路18号楼道里的扶手断了')
    await waitFor(async () => (await noticeOf(kept)).status === 'sent', 'the notice to be marked sent')
    expect((await noticeOf(taken)).status, 'the withdrawn one is not announced').to.equal('dead')
    expect((await noticeOf(taken)).lastError).to.not.equal(NO_WAY)
    expect(t.world.said('张伟').join('\n')).to.not.include(`新留言 ${taken}`)
    expect(await ask(t, deputy, '待办')).to.include('您有 1 条待办留言')
  })

  it('one written more than a week before he binds stays 未能送达', async () => {
    const { app, bot: t } = story
    const old = await story.writes('路灯坏了两个星期了')
    await dispatch(app)
    app.clock.advance(8 * 86_400_000)
    await bindZhangWei(app, t, story.deputy)
    await dispatch(app)
    expect(await noticeOf(old)).to.include({ status: 'dead', lastError: NO_WAY })
  })
})
