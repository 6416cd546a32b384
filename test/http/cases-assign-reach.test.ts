import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/** A subscribe template for every kind: a deputy who uses the mini-program can then be reached. */
const TEMPLATES = {
  wechat: {
    enabled: true,
    appId: 'wx-test-app',
    secret: 'test-secret',
    templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } },
  },
}

/**
 * 李敏 opens 分派: beside each deputy no reminder can reach (neither the mini-program nor the WeChat
 * helper), the list says so in words before she chooses, so she knows to phone; a deputy who uses the
 * mini-program says nothing of the kind.
 */
describe('分派 list: deputies no reminder reaches say so', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: TEMPLATES })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('marks the unreachable deputy 提醒发不到，需电话联系, and not the one on the mini-program', async () => {
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program: subscribe messages reach him
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区垃圾好几天没人清运，臭气熏天', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)

    const lina = await asStaff(app, 'lina')
    const choices = await lina.get(`/api/admin/cases/${sent.body.id}/deputy-choices`)
    expect(choices.status, JSON.stringify(choices.body)).to.equal(200)
    const said = new Map((choices.body.items as Array<{ name: string; unreachable: string | null }>).map((d) => [d.name, d.unreachable]))
    expect(said.get('张伟'), 'reached through the mini-program').to.equal(null)
    expect(said.get('王芳')).to.equal('没有开通小程序和微信助手，提醒发不到，需电话联系')
  })
})
