import { expect } from 'chai'
import { asDeputy, Client } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * 李娜, the clerk of 轻工街道代表联络站, pauses 张伟's new messages for the days he is away (暂停接收留言). He is
 * told, in the chat where his notices come: the dates, that new messages go elsewhere, that those he holds stay
 * his, and whom to ask to change it; his workbench says it too; when she ends it early he hears that as well.
 * "请假 下周住院" with no meeting waiting is about his messages: he is told how to pause them himself in the mini-program
 * (its workbench's words), or to ask the station, not "no meeting".
 */
describe('bot: a deputy is told the station paused his new messages', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  it('tells him the dates and that his messages stay his; his workbench says it; "请假 …" says how to pause them himself', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai

    const asked = await ask(t, deputy, '请假 下周要住院')
    expect(asked).to.equal(
      [
        '目前没有需要您回复的会议通知。"请假"是给会议请假用的。',
        '要暂停接收新留言，请打开小程序"代表工作台"，点"暂停接收新留言（外出、生病时）"，选好日子和原因；联络站会收到通知。也可以请联络站代为设置。',
        '收到会议通知后，回复"参加"或"请假 原因"即可。',
      ].join('\n'),
    )

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const marked = await lina.put('/api/admin/deputies/dp0001/away', { from: '2026-11-30', until: '2026-12-04', reason: 'leave', note: '住院' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
    await dispatch(app)
    const told = await waitFor(() => t.world.said('张伟').find((m) => m.includes('已为您暂停接收新留言')), 'the notice to reach 张伟')
    expect(told).to.equal(
      '张伟代表，轻工街道代表联络站已为您暂停接收新留言：11月30日至12月4日。这几天群众的新留言会交给联络站或其他代表办理；' +
        '您手上的留言仍由您办理。日期要改或提前恢复，请联系轻工街道代表联络站。',
    )
    expect(told, 'why he is away is the staff’s note, not repeated to him').not.to.include('住院')

    const workbench = (await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body
    expect(workbench.away).to.deep.equal({
      from: '2026-11-30',
      until: '2026-12-04',
      now: false,
      text: '联络站将为您暂停接收新留言（11月30日至12月4日），您手上的留言仍由您办理',
    })

    expect((await ask(t, deputy, '请假')).split('\n')[1]).to.equal(
      '联络站将为您暂停接收新留言（11月30日至12月4日），您手上的留言仍由您办理。日期要改，请联系轻工街道代表联络站。',
    )

    expect((await lina.request('DELETE', '/api/admin/deputies/dp0001/away')).status).to.equal(200)
    await dispatch(app)
    const ended = await waitFor(() => t.world.said('张伟').find((m) => m.includes('已取消')), 'the end to reach 张伟')
    expect(ended).to.equal('张伟代表，轻工街道代表联络站已取消您11月30日至12月4日的暂停接收新留言，群众的新留言会照常交给您。')
    expect((await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body.away).to.equal(null)
  })
})
