import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 38 (security, finding 2): the older `PATCH /api/admin/deputies/:id {dutyDates}` wrote a deputy's whole list of
 * days at a station from whatever the caller had read, so the office's list read before 李娜 saved 11月26日 on the
 * calendar undid her day without a word. Sent with the days as read (`seenDutyDates`), the list is saved only over
 * those, in the same write, as the day's PUT is: another save in between is 409, said in words, and nothing is written.
 * A list sent without the days as read is refused (400, naming `seenDutyDates`): no list is saved blind any more.
 */
describe('a deputy’s list of duty days saved over the days as they were read', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())
  const daysAt = async (id: string) => (await app.liaison.store.deputies.get(id))!.dutyByStation.st001 ?? []
  const listRead = async () =>
    ((await (await asAdmin(app)).get('/api/admin/deputies?stationId=st001')).body.items as Array<{ id: string; dutyDates: string[] }>).find(
      (d) => d.id === 'dp0001',
    )!.dutyDates

  it('refuses a list read before 李娜 saved a day on the calendar, says his days now, and keeps her day', async () => {
    const office = await asAdmin(app)
    const lina = await asStaff(app, 'lina')
    const before = await listRead()
    expect(before).to.deep.equal(['2026-11-25'])
    expect((await lina.put('/api/admin/stations/st001/duty-days/2026-11-26', { deputyIds: ['dp0001'], seen: [] })).status).to.equal(200)

    const stale = await office.patch('/api/admin/deputies/dp0001', { dutyDates: [...before, '2026-11-30'], stationId: 'st001', seenDutyDates: before })
    expect([stale.status, stale.body.error?.code, stale.body.error?.message]).to.deep.equal([
      409,
      'duty_day_changed',
      '张伟代表在轻工街道代表联络站的值班日期刚刚被别人改过，现在是11月25日、11月26日。您这次的修改没有保存，请重新载入后再改',
    ])
    expect(await daysAt('dp0001'), 'her day kept, nothing of the stale list written').to.deep.equal(['2026-11-25', '2026-11-26'])

    // Read again, the office's list is saved over what it now read.
    const fresh = await listRead()
    const saved = await office.patch('/api/admin/deputies/dp0001', { dutyDates: [...fresh, '2026-11-30'], stationId: 'st001', seenDutyDates: fresh })
    expect(saved.status).to.equal(200)
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25', '2026-11-26', '2026-11-30'])
    // A station's clerk may say what she read too; what she read last is what is there.
    const hers = await lina.patch('/api/admin/deputies/dp0001', { dutyDates: ['2026-11-25'], seenDutyDates: ['2026-11-30', '2026-11-26', '2026-11-25'] })
    expect(hers.status).to.equal(200)
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
  })

  it('refuses a list of days sent without the days as read, names the field, and changes nothing', async () => {
    const office = await asAdmin(app)
    const blind = await office.patch('/api/admin/deputies/dp0001', { dutyDates: ['2026-11-30'], stationId: 'st001' })
    expect([blind.status, blind.body.error?.code]).to.deep.equal([400, 'validation_failed'])
    expect(blind.body.error.details).to.deep.include({
      path: 'body.seenDutyDates',
      message: '保存值班日期时，请同时填写读取时的值班日期（seenDutyDates），以免覆盖别人刚保存的日期',
    })
    expect(await daysAt('dp0001'), 'his day as it was').to.deep.equal(['2026-11-25'])
    // A station's clerk is held to the same: her list without what she read is not saved either.
    const hers = await (await asStaff(app, 'lina')).patch('/api/admin/deputies/dp0001', { dutyDates: [] })
    expect([hers.status, hers.body.error?.code]).to.deep.equal([400, 'validation_failed'])
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
  })

  it('refuses the days as read without a list to save over them, and changes nothing', async () => {
    const alone = await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { seenDutyDates: ['2026-11-25'] })
    expect([alone.status, alone.body.error?.code]).to.deep.equal([400, 'validation_failed'])
    expect(alone.body.error.details).to.deep.include({
      path: 'body.seenDutyDates',
      message: '原来的值班日期（seenDutyDates）只用于保存新的值班日期，请同时填写 dutyDates',
    })
    expect(await daysAt('dp0001')).to.deep.equal(['2026-11-25'])
  })
})
