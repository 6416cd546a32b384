import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { BOT_SECRET, dispatch, startBot, waitFor, type BotUnderTest } from './helpers.js'
import { bindZhangWei, writesByCode } from './zhang-wei.js'

/**
 * An office whose deputies bind at a fortnightly meeting sets outbox.revivalDays to 14: a message written to
 * 张伟 ten days before he binds the bot still reaches him in the chat then (a week, the default, would leave it
 * 未能送达).
 */
describe('bot: how far back notices reach a deputy when he binds is a setting', function () {
  this.timeout(30_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET }, outbox: { revivalDays: 14 } } })
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t?.stop()
    await app?.close()
  })

  it('a notice of ten days ago reaches him when he binds, with revivalDays 14', async () => {
    const liu = t.world.person('wx-liu', '刘阿姨')
    const ticket = await writesByCode(t, liu, '路灯坏了两个星期了')
    await dispatch(app)
    app.clock.advance(10 * 86_400_000)
    await bindZhangWei(app, t)
    await dispatch(app)
    const notice = await waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${ticket}`)), 'the ten-day-old notice to reach 张伟')
    expect(notice).to.include('路灯坏了两个星期了')
  })
})
