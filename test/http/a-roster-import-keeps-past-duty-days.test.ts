import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * A roster import (名册导入, the nightly sync too) used to write a deputy's duty days as the file gave them, the days gone
 * by included: a file made before 张伟 sat on 11月25日 undid the record of it. Now the days gone by stay as recorded, in
 * the office's time zone as the console's duty_day_past is judged; today and the days ahead are the file's, and the
 * answer says, in words the clerk reads on the import page, what was kept.
 */
describe('a roster import keeps the duty days gone by as they were', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const dutyOf = async (id: string) => (await (await asAdmin(app)).get(`/api/admin/deputies/${id}`)).body.dutyByStation

  it('changes only today and the days ahead, and says which days gone by it kept (a new deputy’s come as given)', async () => {
    // 李娜 arranges her station's days on the calendar: 王芳 on 11月24日, 张伟 on 11月26日 too (he has 11月25日).
    const lina = await asStaff(app, 'lina')
    expect((await lina.put('/api/admin/stations/st001/duty-days/2026-11-24', { deputyIds: ['dp0002'], seen: [] })).status).to.equal(200)
    expect((await lina.put('/api/admin/stations/st001/duty-days/2026-11-26', { deputyIds: ['dp0001'], seen: [] })).status).to.equal(200)

    // 01:00 on Friday 27 November in Asia/Shanghai, still the 26th in UTC: the 26th is gone by for the office.
    app.clock.set(new Date('2026-11-26T17:00:00Z'))
    const file = smallCity()
    file.deputies[0]!.dutyByStation = { st001: ['2026-11-20', '2026-11-30', '2026-12-02'] }
    file.deputies[1]!.dutyByStation = {}
    // A deputy new to the roster has no record to keep: his days come as the file gives them, and nothing is said.
    file.deputies.push({ ...file.deputies[1]!, id: 'dp0009', code: 'DP0009', name: '陈新', phone: null, dutyByStation: { st001: ['2026-11-20'] } })
    const imported = await (await asAdmin(app)).post('/api/admin/directory/import', file)
    expect(imported.status, JSON.stringify(imported.body)).to.equal(200)

    expect(await dutyOf('dp0001'), 'his days gone by as sat, the days ahead as the file gives them').to.deep.equal({
      st001: ['2026-11-25', '2026-11-26', '2026-11-30', '2026-12-02'],
    })
    expect(await dutyOf('dp0002'), 'her day gone by kept').to.deep.equal({ st001: ['2026-11-24'] })
    expect(await dutyOf('dp0009')).to.deep.equal({ st001: ['2026-11-20'] })
    const zhang = '张伟（DP0001）在轻工街道代表联络站：名册里新填的11月20日没有记上；名册里没有的11月25日、11月26日仍然保留'
    const wang = '王芳（DP0002）在轻工街道代表联络站：名册里没有的11月24日仍然保留'
    expect(
      imported.body.pastDutyKept.map((k: { name: string; added: string[]; dropped: string[]; text: string }) => [k.name, k.added, k.dropped, k.text]),
    ).to.deep.equal([
      ['张伟', ['2026-11-20'], ['2026-11-25', '2026-11-26'], zhang],
      ['王芳', [], ['2026-11-24'], wang],
    ])
    // The import page lists `notes`: the clerk reads there what was kept.
    expect(imported.body.notes).to.include(
      `2 位代表已经过去的值班日期和名册里填的不一样，过去的值班记录不能通过导入修改，已按原来的记录保留（今天及以后的值班日期已按名册更新）：${zhang}。${wang}`,
    )

    // The same file again changes nothing, and says again what of it was not taken.
    const again = await (await asAdmin(app)).post('/api/admin/directory/import', file)
    expect(again.body.updated.deputies).to.equal(0)
    expect(again.body.pastDutyKept.map((k: { text: string }) => k.text)).to.deep.equal([zhang, wang])
    expect(await dutyOf('dp0001')).to.deep.equal({ st001: ['2026-11-25', '2026-11-26', '2026-11-30', '2026-12-02'] })
  })
})
