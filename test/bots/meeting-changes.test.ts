import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { ask, bindingCode, BOT_SECRET, dispatch, startBot, waitFor, type BotUnderTest } from './helpers.js'

/** Changes to a meeting reach the deputy through the bot, each one, even when two read alike. */
describe('bot: meeting changes to a deputy', function () {
  this.timeout(60_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: BOT_SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(async () => {
    await t?.stop()
    await app.close()
  })

  it('a meeting moved Q → R → back to Q within a minute: the deputy reads all three changes and ends on Q', async () => {
    t = await startBot(app.baseUrl)
    const zw = t.world.person('wx-zhangwei', '张伟')
    expect(await ask(t, zw, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功')
    const office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody())
    const id = (await office.post(`/api/admin/meetings/${body.id}/publish`)).body.id as string
    const meetingMessages = async () =>
      (await app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.filter((m) => m.kind.startsWith('meeting.'))
    const settle = async (n: number) => {
      await dispatch(app)
      await waitFor(async () => {
        const items = await meetingMessages()
        return items.length >= n && items.every((m) => m.status === 'sent' || m.status === 'dead')
      }, `${n} meeting messages to settle`)
    }
    await settle(1)
    for (const [i, place] of ['第二会议室', '第三会议室', '第二会议室'].entries()) {
      const r = await office.patch(`/api/admin/meetings/${id}`, { place })
      expect(r.status, JSON.stringify(r.body)).to.equal(200)
      await settle(i + 2)
    }

    const changes = t.world.said('张伟').filter((m) => m.startsWith('会议变更'))
    expect(changes).to.have.length(3)
    expect(changes[0]).to.include('第二会议室')
    expect(changes[1]).to.include('第三会议室')
    expect(changes[2], 'the last word is the place the meeting is in').to.include('第二会议室')
  })
})
