import { expect } from 'chai'
import { asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'

const DAY = 86_400_000

/**
 * 陈主任 (孙丽, 湛河区) runs a monthly study. In December she ends it early: this month's issue
 * ends with it, so 张伟 is no longer asked to study what the office stopped. An issue cannot be
 * stretched into next month, and a date already gone by is said, not quietly taken as "now".
 */
describe('ending a monthly study early (提前结束 每月学习)', () => {
  let app: TestApp
  let chen: Client
  let zhang: Client
  beforeEach(async () => {
    app = await startApp({ directory: levelsCity() })
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
    chen = await asStaff(app, 'sunli')
    zhang = await asDeputy(app, 'dp0001')
  })
  afterEach(() => app.close())

  async function seriesWithReading() {
    const series = await createCampaign(chen, app, { title: '月学', repeat: 'monthly' })
    const [december] = (await chen.get(`/api/admin/campaigns/${series.id}`)).body.periods
    await addItem(chen, december.id, '代表法修正草案说明')
    return { series, december }
  }

  it("ends this month's issue with the series: gone from 本月学习 and 我的待办, and nobody to remind", async () => {
    const { series, december } = await seriesWithReading()
    expect((await zhang.get('/api/mp/study/this-month')).body.items.map((i: { title: string }) => i.title)).to.deep.equal(['月学（2026年12月）'])
    expect((await zhang.get('/api/mp/tasks')).body.reading.map((r: { title: string }) => r.title)).to.deep.equal(['代表法修正草案说明'])

    app.clock.advance(DAY)
    chen = await asStaff(app, 'sunli') // the next morning: logged in again
    zhang = await asDeputy(app, 'dp0001')
    const ended = await chen.patch(`/api/admin/campaigns/${series.id}`, { endNow: true })
    expect(ended.status, JSON.stringify(ended.body)).to.equal(200)
    expect(ended.body).to.include({ phase: 'ended', phaseLabel: '已结束' })

    const issue = (await chen.get(`/api/admin/campaigns/${december.id}`)).body
    expect(issue, 'the issue ends with its series').to.include({ phase: 'ended', phaseLabel: '已结束' })
    expect((await zhang.get('/api/mp/study/this-month')).body.items, 'not in 本月学习').to.deep.equal([])
    expect((await zhang.get('/api/mp/tasks')).body.reading, 'nor in 我的待办').to.deep.equal([])
    const reminders = (await chen.get(`/api/admin/campaigns/${december.id}/reminders`)).body
    expect(reminders).to.include({ ready: 0, closed: '活动已经结束，不能再提醒' })
  })

  it('renames the running issue with its series, and extends it again to the month end only', async () => {
    const { series, december } = await seriesWithReading()
    const renamed = await chen.patch(`/api/admin/campaigns/${series.id}`, { title: '学习新修订的代表法', endsAt: '2027-01-10T00:00:00+08:00' })
    expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200)
    const issue = (await chen.get(`/api/admin/campaigns/${december.id}`)).body
    expect(issue).to.include({ title: '学习新修订的代表法（2026年12月）', endsAt: '2026-12-31T16:00:00.000Z', phase: 'running' })
  })

  it('refuses to stretch an issue into next month, changing nothing', async () => {
    const { december } = await seriesWithReading()
    const stretched = await chen.patch(`/api/admin/campaigns/${december.id}`, { endsAt: '2027-02-01T00:00:00+08:00' })
    expect(stretched.status).to.equal(422)
    expect(stretched.body.error).to.include({
      code: 'period_bound',
      message: '每月这一期最晚到当月底（或整个活动结束时）结束，不能延到以后；要延长，请修改整个每月学习活动',
    })
    expect((await chen.get(`/api/admin/campaigns/${december.id}`)).body.endsAt).to.equal('2026-12-31T16:00:00.000Z')
  })

  it('says a past end date is past instead of ending the campaign at once, and a new one with no start the same', async () => {
    const campaign = await createCampaign(chen, app, { title: '学习宣传新修订的代表法' })
    const typo = await chen.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: '2026-11-01T00:00:00+08:00' })
    expect(typo.status).to.equal(422)
    expect(typo.body.error).to.include({ code: 'campaign_window_over', message: '结束时间已经过去，请选以后的时间；要现在结束，请用“提前结束”' })
    expect((await chen.get(`/api/admin/campaigns/${campaign.id}`)).body).to.include({ phase: 'running' })

    const late = await chen.post('/api/admin/campaigns', { title: '学', endsAt: '2026-11-01T00:00:00+08:00', audience: { districtIds: ['d01'] } })
    expect(late.status).to.equal(422)
    expect(late.body.error.message).to.equal('结束时间已经过去，请选以后的时间')
  })
})
