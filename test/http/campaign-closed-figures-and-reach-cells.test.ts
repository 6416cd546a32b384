import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

/**
 * 学习进度 of 湛河区's campaign, as 陈主任 (孙丽) reads it and reports it upward.
 * - Once the campaign has ended its figures stay as at the end (截至结束时): 张伟 may still open the
 *   reading afterwards, and that is recorded and said apart (结束后又读了 1 人), never added to 已读完,
 *   so the figures match the 未读名单 she exported at the end.
 * - Each station's cell, and the 逐级汇总, say why a message does not reach someone, as the per-person
 *   tag does: 张伟 uses the mini-program but its notices are not switched on (the office's to fix), the
 *   others bound nothing, 刘洋 talks to the WeChat assistant.
 */
describe('学习进度 of a closed campaign, and the cause in every reach cell', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('keeps a closed campaign’s figures as at its end and counts later reads apart', async () => {
    const chen = await asStaff(app, 'sunli')
    const campaign = await createCampaign(chen, app)
    const item = await addItem(chen, campaign.id, '代表法修正草案说明')
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/reading/${item.id}`)).status, '王芳 reads in time').to.equal(200)
    app.clock.advance(60_000)
    const ended = await chen.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: app.clock.now().toISOString() })
    expect(ended.status, JSON.stringify(ended.body)).to.equal(200)
    const sheetAtEnd: string[][] = parse(((await chen.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)).body as Buffer).subarray(3).toString('utf8'))

    app.clock.advance(3_600_000)
    expect((await (await asDeputy(app, 'dp0001')).get(`/api/mp/reading/${item.id}`)).status, '张伟 may still read').to.equal(200)

    const progress = (await chen.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(progress.phase).to.equal('ended')
    expect(progress.totals).to.include({ audience: 5, read: 1, asOfEnd: true, readAfterEnd: 1 })
    const zhang = progress.items.find((p: { id: string }) => p.id === 'dp0001')
    expect(zhang.read, 'not read by the end').to.equal(false)
    expect(
      sheetAtEnd.some((r) => r[0] === '张伟'),
      'the sheet of the end lists him unread, as the figures still do',
    ).to.equal(true)
    const sheetNow: string[][] = parse(((await chen.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)).body as Buffer).subarray(3).toString('utf8'))
    expect(sheetNow.length, 'the same sheet later').to.equal(sheetAtEnd.length)
  })

  it('says in each station’s cell and in the roll-up why a message does not reach them', async () => {
    const { user } = await app.liaison.services.botPeople.resolve('wxid_liuyang', null)
    await app.liaison.store.mpUsers.update(user.id, { deputyId: 'dp0005' }) // 刘洋, the WeChat assistant
    await asDeputy(app, 'dp0001') // 张伟, the mini-program
    const city = await asStaff(app, 'chenhong')
    const campaign = await createCampaign(city, app)
    await addItem(city, campaign.id, '代表法修正草案说明')

    const cells = (await city.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=station`)).body.items
    const cellOf = (name: string) => cells.find((g: { name: string }) => g.name === name).reachWords
    expect(cellOf('轻工街道代表联络站'), '张伟 and 王芳').to.equal('1 人用小程序但系统的小程序提醒还没开通，1 人没有绑定微信，请电话告知')
    expect(cellOf('马庄街道代表联络站'), '李强 and 赵敏').to.equal('都没有绑定微信，请电话告知')
    expect(cellOf('光明社区代表联络点'), '刘洋').to.equal('都能收到微信消息')

    const rollUp = (await city.get(`/api/admin/campaigns/${campaign.id}/roll-up`)).body
    const words = '1 人能收到微信消息，1 人用小程序但系统的小程序提醒还没开通，3 人没有绑定微信，请电话告知'
    expect(rollUp.parts[0].reachWords).to.equal(words)
    expect(rollUp.total.reachWords).to.equal(words)
    expect(JSON.stringify({ cells, rollUp })).not.to.include('没绑微信')
  })
})
