import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asDeputy, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

/** A subscribe template for every kind: whoever uses the mini-program can then be reached. */
const TEMPLATES = {
  wechat: {
    enabled: true,
    appId: 'wx-test-app',
    secret: 'test-secret',
    templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } },
  },
}

/**
 * 陈主任 (孙丽) runs a campaign for 湛河区's deputies, its station staff and residents who follow.
 * 王阿姨 follows, 王芳 reads, 张伟 uses the mini-program but has not read yet. 学习进度, 提醒未读 and
 * 导出未读名单 count the same people not read; and where no reminder can reach someone the words say
 * why as the delivery code does: 张伟 uses the mini-program, its notices are not switched on.
 */
describe('学习进度, 提醒未读 and 导出未读名单 count the same people', () => {
  let app: TestApp
  afterEach(() => app.close())

  async function campaignOfThree() {
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
    const chen = await asStaff(app, 'sunli')
    const campaign = await createCampaign(chen, app, { title: '学习宣传新修订的代表法', audience: { districtIds: ['d01'], staff: true, followers: true } })
    const item = await addItem(chen, campaign.id, '代表法修正草案说明')
    const wang = await asResident(app, 'o-wang-ayi')
    expect((await wang.post(`/api/mp/campaigns/${campaign.id}/follow`, {})).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/reading/${item.id}`)).status, '王芳 reads').to.equal(200)
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program, reads nothing yet
    return { chen, campaign, wang }
  }

  async function figures(chen: Client, id: string) {
    const progress = (await chen.get(`/api/admin/campaigns/${id}/progress?groupBy=person`)).body
    const reminders = (await chen.get(`/api/admin/campaigns/${id}/reminders`)).body
    const sheet: string[][] = parse(((await chen.get(`/api/admin/campaigns/${id}/not-read.csv`)).body as Buffer).subarray(3).toString('utf8'))
    return { progress, reminders, sheet }
  }

  it('counts staff and followers in all three, and says 系统的小程序提醒还没开通 of a deputy who uses the mini-program', async () => {
    app = await startApp({ directory: levelsCity() })
    const { chen, campaign } = await campaignOfThree()
    const { progress, reminders, sheet } = await figures(chen, campaign.id)

    const notRead = progress.totals.reached - progress.totals.read
    const followersLine = sheet.find((r) => r[1] === '关注群众')!
    expect(followersLine[0]).to.equal('关注群众 1 人未读')
    const named = sheet.slice(1).filter((r) => r[1] !== '关注群众')
    expect(
      named.filter((r) => r[1] === '工作人员').map((r) => r[0]),
      'staff by name',
    ).to.include('李娜')
    expect(reminders.waiting, '提醒未读 waits for everyone 学习进度 counts as not read').to.equal(notRead)
    expect(named.length + 1, 'the sheet lists them all').to.equal(notRead)

    const zhang = progress.items.find((p: { id: string }) => p.id === 'dp0001')
    expect(zhang.reachWords).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系')
    expect(sheet.find((r) => r[0] === '张伟')![5]).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系')
    expect(sheet.find((r) => r[0] === '赵敏')![5], 'no mini-program, no bot').to.equal('没有绑定微信，收不到，请电话联系')
    expect(progress.totals.appOff, '张伟, 王芳 and 王阿姨 use the mini-program').to.equal(3)
    expect(reminders.note).to.include('2 人用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系：张伟、关注群众')
  })

  it('reminds the follower who has not read as well, once notices are switched on', async () => {
    app = await startApp({ directory: levelsCity(), overrides: TEMPLATES })
    const { chen, campaign } = await campaignOfThree()
    const { progress, reminders } = await figures(chen, campaign.id)
    expect(reminders.waiting).to.equal(progress.totals.reached - progress.totals.read)
    const pressed = await chen.post(`/api/admin/campaigns/${campaign.id}/remind`)
    expect(pressed.status, JSON.stringify(pressed.body)).to.equal(200)
    const sent = (await app.liaison.store.outbox.search({ limit: 100, kind: 'reading.reminder' })).items
    const follower = sent.filter((m) => m.recipientKind === 'mp_user')
    expect(follower, '王阿姨 is reminded once').to.have.length(1)
    expect(follower[0].payload.text).to.include('还有 1 篇必读学习材料您还没有读：《代表法修正草案说明》')
    expect(
      sent.map((m) => m.recipientId),
      '张伟 too, not 王芳 who read',
    )
      .to.include('dp0001')
      .and.not.include('dp0002')
  })
})
