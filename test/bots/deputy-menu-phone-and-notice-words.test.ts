import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { deputyGist } from '../../src/domain/deputy-gist.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

const LAMP = '建设路18号楼道里的灯坏了半个月，老人晚上上下楼很危险，我的电话13812345678'

/**
 * 张伟 works from the chat. His 帮助 lists "电话 0001" as his 待办 does; he may still ask for the resident's number
 * after answering her, while the message waits for her score, as the mini-program's 打电话给群众 allows (and not
 * once she has rated it); and a notice naming one message by its number (催办, a score, 重新办理) also gives its
 * first words, the phone number masked, so he knows which one without opening it.
 */
describe('bot: 张伟’s 帮助 lists 电话, he may phone after answering, and notices say which message', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-wang', '王阿姨'] })

  it('帮助 lists "电话 0001" in the words 待办 uses', async () => {
    const { app, bot: t, deputy } = story
    const c = (await buildCase(app, { deputyCode: 'DP0001', text: LAMP, phone: '13812345678' })).case
    const short = c.ticket.slice(-4)
    expect(await ask(t, deputy, '待办')).to.include(`电话 ${short}（看群众留的电话）`)
    expect(await ask(t, deputy, '帮助')).to.include(`电话 ${short} —— 看群众留的电话`)
  })

  it('"电话 0001" works after his answer, while she has not scored it; not once she has', async () => {
    const { app, bot: t, deputy, resident } = story
    const c = (await buildCase(app, { deputyCode: 'DP0001', text: LAMP, phone: '13812345678' })).case
    const short = c.ticket.slice(-4)
    expect(await ask(t, deputy, `回复 ${short} 已联系物业，明天换灯。`)).to.include(`发给留言 ${c.ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${c.ticket}`)
    const phone = await ask(t, deputy, `电话 ${short}`)
    expect(phone, 'answered, awaiting her score: still open, as in the mini-program').to.equal(
      `留言 ${c.ticket} 群众留的电话：13812345678\n请只用于办理这条留言，不要转给别人。`,
    )

    const ticket = await story.writesToZhangWei('小区门口的路灯坏了，晚上看不见路')
    await story.zhangWeiAnswers(ticket, '已经联系供电所，明天来修。')
    await ask(t, resident, '5')
    const closed = await ask(t, deputy, `电话 ${ticket.slice(-4)}`)
    expect(closed, 'rated and closed: refused, as the mini-program').to.include(`留言 ${ticket} 您已经答复过了`)
    expect(closed).not.to.include('群众没有留电话')
  })

  it('催办 and a score name the message by its first words, the phone number masked', async () => {
    const { app, bot: t, deputy, resident } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const c = (await buildCase(app, { deputyCode: 'DP0001', text: LAMP, phone: '13812345678' })).case
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${c.id}/urge`, { note: '请尽快联系' })).status).to.equal(200)
    await dispatch(app)
    const urged = await waitFor(() => t.world.said('张伟').find((m) => m.startsWith('催办')), 'the 催办 notice')
    expect(urged).to.include('这条留言写的是：“建设路18号楼道里的灯坏了半个月…”')

    // A phone number near the start is masked, never shown or cut in half.
    expect(deputyGist('我的电话13812345678，楼道灯坏了半个月了')).to.equal('我的电话（已隐去），楼道灯坏了半个月了')
    expect(deputyGist('楼道灯坏了，请打电话010-12345678找我，谢谢大家的帮忙')).to.equal('楼道灯坏了，请打电话（已隐去）找我…')
    expect(deputyGist('楼道灯坏了好久，门牌号是建设路1234567号')).to.equal('楼道灯坏了好久，门牌号是建设路…')
    expect(deputyGist('请联系我13812345678')).to.equal('请联系我（已隐去）')

    const ticket = await story.writesToZhangWei('小区门口的路灯坏了，晚上看不见路，我的电话13912345678')
    await story.zhangWeiAnswers(ticket, '已经联系供电所，明天来修。')
    await ask(t, resident, '2')
    await dispatch(app)
    const rated = await waitFor(() => t.world.said('张伟').find((m) => m.includes(`您答复的留言 ${ticket} 获得 2 分评价`)), 'the score notice')
    expect(rated).to.include('这条留言写的是：“小区门口的路灯坏了，晚上看不见路…”')
    expect(rated).not.to.include('13912345678')
  })

  it('the new-message notice quotes her words without a phone number, and never cuts a number', async () => {
    const { app, bot: t } = story
    const phone = (await buildCase(app, { deputyCode: 'DP0001', text: '路灯坏了，联系人王先生电话13812345678' })).case
    const account = (await buildCase(app, { deputyCode: 'DP0001', text: '我们小区门口的路灯坏了半个多月了，缴费户号是88123456789012' })).case
    await dispatch(app)
    const noticeOf = (ticket: string) => waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${ticket}`)), `the notice of ${ticket}`)
    const first = await noticeOf(phone.ticket)
    expect(first).to.include('：路灯坏了，联系人王先生电话（已隐去），请在').and.not.include('13812345678')
    expect(await noticeOf(account.ticket))
      .to.include('：我们小区门口的路灯坏了半个多月了…，请在')
      .and.not.include('8812')
  })
})
