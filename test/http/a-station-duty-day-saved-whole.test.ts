import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * 李娜 keeps 轻工街道代表联络站's reception duty (st001: 张伟, 王芳, 李强). A day is saved whole, in one write over who sat
 * as she saw it: when the office changed the same day after she opened it, she is told who sits now and nothing of
 * hers is written (it used to be one write per deputy, the last silently winning). A day gone by is the station's
 * record: neither the day's save nor a deputy's own list of days may change it.
 */
describe('a station’s day of reception duty, saved whole (值班日)', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    lina = await asStaff(app, 'lina')
  })
  afterEach(() => app.close())

  const saveDay = (client: Client, date: string, deputyIds: string[], seen: string[], station = 'st001') =>
    client.request('PUT', `/api/admin/stations/${station}/duty-days/${date}`, { deputyIds, seen })
  const daysAt = async (id: string, station = 'st001') => (await app.liaison.store.deputies.get(id))!.dutyByStation[station] ?? []

  it('saves who sits that day in one write, keeping his other days and other stations’ days', async () => {
    const saved = await saveDay(lina, '2026-11-26', ['dp0001', 'dp0003'], [])
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)
    expect(saved.body.items.map((d: { name: string; dutyDates: string[] }) => [d.name, d.dutyDates])).to.deep.equal([
      ['张伟', ['2026-11-25', '2026-11-26']],
      ['李强', ['2026-11-26']],
    ])
    // 李强 sits at 马庄 too: its days are 周杰's, and stay.
    const zhoujie = await asStaff(app, 'zhoujie')
    expect((await saveDay(zhoujie, '2026-11-26', ['dp0003'], [], 'st002')).status).to.equal(200)
    expect((await saveDay(lina, '2026-11-26', ['dp0002'], ['dp0001', 'dp0003'])).status).to.equal(200)
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
    expect(await daysAt('dp0002')).to.deep.equal(['2026-11-26'])
    expect(await daysAt('dp0003')).to.deep.equal([])
    expect(await daysAt('dp0003', 'st002'), '马庄’s day of his stays').to.deep.equal(['2026-11-26'])
    // The list she reads back says so.
    const list = (await lina.get('/api/admin/deputies?stationId=st001')).body.items as Array<{ name: string; dutyDates: string[] }>
    expect(list.find((d) => d.name === '王芳')!.dutyDates).to.deep.equal(['2026-11-26'])
  })

  it('tells the second clerk who sits now when the day was changed after she read it, and writes nothing of hers', async () => {
    // Both open 11月27日 with nobody on duty; the office saves first.
    const office = await asAdmin(app)
    expect((await saveDay(office, '2026-11-27', ['dp0001', 'dp0002'], [])).status).to.equal(200)
    const late = await saveDay(lina, '2026-11-27', ['dp0003'], [])
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({
      code: 'duty_day_changed',
      message: '11月27日的值班刚刚被别人改过，现在值班的是张伟代表、王芳代表。您这次的安排没有保存，请重新载入后再安排',
    })
    expect(await daysAt('dp0003'), 'nothing of hers').to.deep.equal([])
    expect([await daysAt('dp0001'), await daysAt('dp0002')]).to.deep.equal([['2026-11-25', '2026-11-27'], ['2026-11-27']])

    // Two saves of the same day at the same moment: one stands whole, the other is told.
    const both = await Promise.all([saveDay(office, '2026-11-30', ['dp0001'], []), saveDay(lina, '2026-11-30', ['dp0002', 'dp0003'], [])])
    expect(both.map((r) => r.status).sort()).to.deep.equal([200, 409])
    const onDuty = [
      (await daysAt('dp0001')).includes('2026-11-30'),
      (await daysAt('dp0002')).includes('2026-11-30'),
      (await daysAt('dp0003')).includes('2026-11-30'),
    ]
    expect(JSON.stringify(onDuty), 'one save whole, never a mix').to.be.oneOf([JSON.stringify([true, false, false]), JSON.stringify([false, true, true])])
  })

  it('refuses to change a day gone by, by the day’s save or a deputy’s list of days, and changes nothing', async () => {
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday: 11月25日 and 26日 are gone
    lina = await asStaff(app, 'lina')
    const past = await saveDay(lina, '2026-11-25', [], ['dp0001'])
    expect(past.status).to.equal(422)
    expect(past.body.error).to.deep.include({ code: 'duty_day_past', message: '11月25日已经过去，过去的值班记录不能再改' })
    const dropped = await lina.patch('/api/admin/deputies/dp0001', { dutyDates: ['2026-12-02'], seenDutyDates: ['2026-11-25'] })
    expect([dropped.status, dropped.body.error?.code, dropped.body.error?.message]).to.deep.equal([
      422,
      'duty_day_past',
      '11月25日已经过去，过去的值班记录不能再改',
    ])
    const added = await lina.patch('/api/admin/deputies/dp0002', { dutyDates: ['2026-11-26'], seenDutyDates: [] })
    expect([added.status, added.body.error?.message]).to.deep.equal([422, '11月26日已经过去，过去的值班记录不能再改'])
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
    expect(await daysAt('dp0002')).to.deep.equal([])
    // Today and the days ahead are hers to arrange, his past day kept as it is.
    expect((await saveDay(lina, '2026-11-27', ['dp0002'], [])).status).to.equal(200)
    expect((await lina.patch('/api/admin/deputies/dp0001', { dutyDates: ['2026-11-25', '2026-12-02'], seenDutyDates: ['2026-11-25'] })).status).to.equal(200)
  })

  it('arranges only the station’s own deputies in office, and only at the clerk’s own station', async () => {
    const other = await saveDay(lina, '2026-11-26', ['dp0004'], [])
    expect(other.status).to.equal(422)
    expect(other.body.error).to.deep.include({ code: 'not_station_deputy', message: '只能安排本站在任的代表值班' })
    expect(other.body.error.details).to.deep.equal([{ path: 'body.deputyIds[0]', message: '不是轻工街道代表联络站的代表' }])
    expect((await saveDay(await asStaff(app, 'zhoujie'), '2026-11-26', ['dp0001'], [])).status, 'not 周杰’s station').to.equal(404)
    expect((await saveDay(lina, '2026-11-31', ['dp0001'], [])).status, 'no such day').to.equal(400)
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
    expect(await daysAt('dp0004', 'st002')).to.deep.equal([])
  })
})
