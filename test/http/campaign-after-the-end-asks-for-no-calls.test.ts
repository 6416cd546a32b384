import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

/**
 * 陈红 of the city office reads 学习进度 of a campaign she has ended. While it ran, each deputy no
 * message reaches carried 请电话联系 (and each station's cell 请电话告知): a call was the only way to
 * remind him. After the end nobody is reminded any more and nobody needs a call to read a closed
 * campaign: the tags, the cells, the 逐级汇总 and the 未读名单 say what is still true (no message
 * reaches him) and that nothing is to be done, never 请电话联系.
 */
describe('学习进度 after a campaign’s end asks for no calls', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('says who no message reaches, and that the campaign is over, in every tag, cell and sheet', async () => {
    await asDeputy(app, 'dp0001') // 张伟 uses the mini-program, whose notices are not switched on
    const chen = await asStaff(app, 'chenhong')
    const campaign = await createCampaign(chen, app)
    await addItem(chen, campaign.id, '代表法修正草案说明')
    const progress = async (by: string) => (await chen.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=${by}`)).body
    const tagOf = (people: Array<{ name: string; reachWords: string | null }>, name: string) => people.find((p) => p.name === name)!.reachWords
    const cellOf = (cells: Array<{ name: string; reachWords: string | null }>, name: string) => cells.find((g) => g.name === name)!.reachWords
    const sheet = async () =>
      parse(((await chen.get(`/api/admin/campaigns/${campaign.id}/not-read.csv`)).body as Buffer).subarray(3).toString('utf8')) as string[][]

    // While it runs: a call is the way to remind them.
    const running = await progress('person')
    expect(tagOf(running.items, '赵敏')).to.equal('没有绑定微信，收不到，请电话联系')
    expect(tagOf(running.items, '张伟')).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到，请电话联系')
    expect(cellOf((await progress('station')).items, '马庄街道代表联络站')).to.equal('都没有绑定微信，请电话告知')

    app.clock.advance(60_000)
    const ended = await chen.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: app.clock.now().toISOString() })
    expect(ended.status, JSON.stringify(ended.body)).to.equal(200)
    app.clock.advance(3_600_000)

    const after = await progress('person')
    expect(after.phase).to.equal('ended')
    expect(tagOf(after.items, '赵敏')).to.equal('没有绑定微信，收不到；活动已结束，不用再联系')
    expect(tagOf(after.items, '张伟')).to.equal('用小程序，但系统的小程序提醒还没开通（请找系统管理员），提醒发不到；活动已结束，不用再联系')
    const cells = (await progress('station')).items
    expect(cellOf(cells, '马庄街道代表联络站'), '李强 and 赵敏').to.equal('都没有绑定微信')
    expect(cellOf(cells, '轻工街道代表联络站'), '张伟 and 王芳').to.equal('1 人用小程序但系统的小程序提醒还没开通，1 人没有绑定微信')
    const rollUp = (await chen.get(`/api/admin/campaigns/${campaign.id}/roll-up`)).body
    expect(rollUp.total.reachWords).to.equal('1 人用小程序但系统的小程序提醒还没开通，4 人没有绑定微信')
    const rows = await sheet()
    expect(rows.find((r) => r[0] === '赵敏')![5], 'the 未读名单 as at the end').to.equal('没有绑定微信，收不到；活动已结束，不用再联系')
    expect(JSON.stringify({ after, cells, rollUp, rows }), 'nobody is asked to phone').not.to.match(/请电话/)
  })
})
