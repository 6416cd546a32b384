import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000
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
 * What the station's 李娜 is told by the case actions is true (review 31): 催办 and 分派 say when the
 * deputy cannot be reached at all, and the page says when the last notice to him failed, both ending
 * in the number to ring (请打电话告诉张伟代表（电话 138****0001）); 改派 never takes a message from a deputy it was handed to while her dialog was open;
 * a refused 上报 tells her what she can do instead.
 */
describe('case actions tell the clerk the truth', () => {
  let app: TestApp
  afterEach(() => app.close())
  async function start(overrides?: Record<string, unknown>) {
    app = await startApp({ directory: meetingCity(), overrides })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  }
  /** A message 张伟 (dp0001) holds, written to him by his code. */
  async function toZhangWei(text: string) {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('催办 of a deputy with no mini-program and no bot says the reminder cannot arrive: 请打电话告诉张伟代表（电话 …）', async () => {
    await start()
    const c = await toZhangWei('小区垃圾好几天没人清运，臭气熏天')
    app.clock.advance(26 * HOUR)
    const lina = await asStaff(app, 'lina')
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.deputyNotice, 'the page says it before she urges').to.deep.equal({
      reachable: false,
      text: '张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉张伟代表（电话 138****0001）',
    })
    const urged = await lina.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.deputyNotice.text).to.equal('张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉张伟代表（电话 138****0001）')
  })

  it('says nothing of reaching the deputy once he has answered: nothing is left to remind him of', async () => {
    await start()
    const c = await toZhangWei('小区门口的路灯坏了一个月，晚上看不见')
    const lina = await asStaff(app, 'lina')
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.deputyNotice?.text).to.equal(
      '张伟代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉张伟代表（电话 138****0001）',
    )
    const zhang = await asDeputy(app, 'dp0001')
    const replied = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系物业，本周五前修好路灯' })
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200)
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.statusLabel).to.equal('已答复')
    expect(page.deputyNotice, 'no orange box on an answered message').to.equal(null)
  })

  it('a deputy who can be reached: nothing to say until the last notice about the message fails, then that it failed', async () => {
    await start(TEMPLATES)
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program: subscribe messages reach him
    const c = await toZhangWei('楼道灯坏了一个月，晚上看不见')
    expect((await (await asStaff(app, 'lina')).get(`/api/admin/cases/${c.id}`)).body.deputyNotice).to.equal(null)

    app.clock.advance(26 * HOUR)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${c.id}/urge`, {})).status).to.equal(200)
    const { outbox } = app.liaison.store
    for (const m of await outbox.claimDue(app.clock.now(), { limit: 100, leaseMs: 60_000, holder: 'test', channels: ['auto'] })) {
      const dies = m.kind === 'case.urged' && m.recipientId === 'dp0001'
      await outbox.complete(
        m.id,
        'test',
        dies
          ? { status: 'dead', error: '未能送达：微信拒绝发送（用户未订阅该消息）' }
          : { status: 'sent', at: app.clock.now(), channel: 'mp_subscribe', address: 'o-x' },
      )
    }
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.deputyNotice).to.deep.equal({
      reachable: true,
      text: '最近一次给张伟代表的催办提醒未能送达（微信拒绝发送（用户未订阅该消息）），请打电话告诉张伟代表（电话 138****0001）',
    })
  })

  it('改派 made while the deputy handed it on is refused, saying who moved it where; nothing changes', async () => {
    await start()
    const c = await toZhangWei('小区门口的路面塌陷了一个坑，电动车经过很危险')
    const lina = await asStaff(app, 'lina')
    // She opened the dialog seeing 张伟; meanwhile he hands it to 李强 (DP0003, also of her station).
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0003', reason: '李代表熟悉这一片' })).status).to.equal(200)

    const stale = await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '请王代表处理', fromDeputyId: 'dp0001' })
    expect(stale.status, JSON.stringify(stale.body)).to.equal(409)
    expect(stale.body.error.code).to.equal('holder_changed')
    expect(stale.body.error.message).to.equal('这条留言刚刚已由张伟代表转交给李强代表，请看一下再决定。您选的代表和写的话还在，没有提交')
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.handledBy.deputy, 'still with 李强').to.equal('李强')

    // Seeing 李强 now, she may still decide to move it.
    const fresh = await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', fromDeputyId: 'dp0003' })
    expect(fresh.status, JSON.stringify(fresh.body)).to.equal(200)
    expect(fresh.body.handledBy.deputy).to.equal('王芳')
  })

  it('a refused 上报 of a message its deputy handed to a department says why, in words', async () => {
    await start()
    const c = await toZhangWei('建议地铁5号线延伸到我们街道，出行太不方便了')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const forwarded = await zhang.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '市交通运输局' })
    expect(forwarded.status, JSON.stringify(forwarded.body)).to.equal(200)
    const lina = await asStaff(app, 'lina')
    const refused = await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '涉及全区规划' })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.message).to.equal('代表已经交有关部门办理，不用再上报')
  })
})
