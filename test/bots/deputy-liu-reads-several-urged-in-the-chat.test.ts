import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

const DAY = 86_400_000

/**
 * The station urges three of the deputy's messages at once (一起催办). In the chat she reads one line a message: its
 * number as she writes it (whole when two of them end alike), its first words, and which is late and by how many days; then what to send, numbered as one of those lines, in
 * the words the bot's other examples use. The example she copies works.
 */
describe('bot: several messages urged at once read a line each, then what to send', function () {
  this.timeout(60_000)
  const story = useCaseStory()

  it('names each by its number and first words, says which is late, and gives a 回复 that works', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const lamp = (await buildCase(app, { deputyCode: 'DP0001', text: '路灯不亮两个星期了，晚上老人出门看不见路' })).case
    const rubbish = (await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的垃圾三天没人清运' })).case
    app.clock.advance(2 * DAY) // Wednesday: both past their day to acknowledge
    const lift = (await buildCase(app, { deputyCode: 'DP0001', text: '电梯坏了，老人下不了楼' })).case
    await dispatch(app)

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post('/api/admin/cases-together/urge', { ids: [lamp.id, rubbish.id, lift.id] })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    await dispatch(app)
    const notice = await waitFor(() => t.world.said('张伟').find((m) => m.startsWith('催办')), 'the 催办 notice')
    // The lamp's and the lift's numbers both end in 0001 (numbers start again each day): each is named whole.
    expect([lamp.ticket, lift.ticket].map((n) => n.slice(-4))).to.deep.equal(['0001', '0001'])
    expect(notice.split('\n').slice(1)).to.deep.equal([
      `${lamp.ticket} 路灯不亮两个星期了，晚上老人出门看不见路（已过受理期限 1 天）`,
      `${rubbish.ticket.slice(-4)} 小区门口的垃圾三天没人清运（已过受理期限 1 天）`,
      `${lift.ticket} 电梯坏了，老人下不了楼`,
      '',
      '发送"待办"可以看全部待办留言',
      `受理请回复：受理 ${lamp.ticket}`,
      `办好后请发送：回复 编号 再写上答复，如：回复 ${lamp.ticket} 已联系供电所，本周修好。`,
    ])
    expect(notice.split('\n')[0]).to.equal('催办：张伟代表，工作人员李娜催办您的 3 条留言，其中 2 条已过受理期限，请尽快办理：')

    // The example, copied as it is, tells of a deed nobody did: refused, never shown back for her "是".
    expect(await ask(t, deputy, `回复 ${lamp.ticket} 已联系供电所，本周修好。`)).to.equal(
      `"已联系供电所，本周修好。"是例子里的话，没有发出。请换成您实际办理的情况，写在"回复 ${lamp.ticket}"后面发送。`,
    )
    // Her own words are.
    expect(await ask(t, deputy, `回复 ${lamp.ticket} 已请供电所换了灯泡，今晚就亮`)).to.include(`发给留言 ${lamp.ticket}`)
  })

  it('names one whole when another she holds, not urged, ends the same', async () => {
    const { app, bot: t } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const lamp = (await buildCase(app, { deputyCode: 'DP0001', text: '路灯不亮两个星期了' })).case
    const rubbish = (await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的垃圾三天没人清运' })).case
    app.clock.advance(2 * DAY)
    const lift = (await buildCase(app, { deputyCode: 'DP0001', text: '电梯坏了，老人下不了楼' })).case
    await dispatch(app)
    expect(lift.ticket.slice(-4)).to.equal(lamp.ticket.slice(-4))

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post('/api/admin/cases-together/urge', { ids: [lamp.id, rubbish.id] })).status).to.equal(200)
    await dispatch(app)
    const notice = await waitFor(() => t.world.said('张伟').find((m) => m.startsWith('催办')), 'the 催办 notice')
    expect(notice.split('\n').slice(1, 3)).to.deep.equal([
      `${lamp.ticket} 路灯不亮两个星期了（已过受理期限 1 天）`,
      `${rubbish.ticket.slice(-4)} 小区门口的垃圾三天没人清运（已过受理期限 1 天）`,
    ])
  })
})
