import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

/** A meeting notice travels like any message: as a subscribe message to a bound deputy. */
describe('sending meeting notices', () => {
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  it('reaches a bound deputy as a subscribe message WeChat accepts; staff who never bound their WeChat to the bot are shown 未能送达', async () => {
    const office = await asAdmin(app)
    const { body: code } = await office.post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, 'o-zhangwei')
    await deputy.post('/api/mp/bind', { bindCode: code.code })
    await subscribe(deputy, 'accept', 3)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'], staffIds: ['sf01'] } }))
    await office.post(`/api/admin/meetings/${m.id}/publish`)

    await app.liaison.services.dispatcher.drain()
    const [sent] = app.fake.sent()
    expect(sent).to.deep.include({ touser: 'o-zhangwei', template_id: TEMPLATE })
    expect(sent.data.thing1.value).to.equal('会议通知：市人大常委会第十次会议')
    expect(sent.data.character_string2.value).to.match(/^HY[0-9A-F]{8}$/)
    expect(sent.data.character_string2.value, 'never the check-in code').not.to.include(m.shortCode)
    const notices = (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice' })).items
    expect(notices.find((n) => n.recipientKind === 'deputy')).to.deep.include({ status: 'sent', channel: 'mp_subscribe' })
    expect(notices.find((n) => n.recipientKind === 'staff')).to.deep.include({
      status: 'dead',
      lastError: '未能送达：该工作人员未绑定微信助手（在后台「绑定微信接收提醒」取得绑定码），请在后台查看',
    })
  })
})
