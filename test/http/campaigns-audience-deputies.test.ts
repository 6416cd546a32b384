import { expect } from 'chai'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'

/**
 * A campaign names its deputies within its creator's districts or streets, as it names
 * stations and districts. 孙丽 organizes 湛河区 (d01); 吴敏 轻工街道 (s0101: st001, st003).
 * 陈静 (dp0006) is at 新华区's st004 only; 赵敏 (dp0004) at 马庄街道's st002 only; 李强
 * (dp0003) at st002 and st001.
 */
describe('deputies named in a campaign audience', () => {
  const streets = streetCityForEachTest()

  const create = (app: TestApp, organizer: Client, title: string, audience: Record<string, unknown>) => {
    const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
    return organizer.post('/api/admin/campaigns', { title, description: '', startsAt: at(0), endsAt: at(30 * 86_400_000), audience })
  }
  const titles = async (app: TestApp) =>
    ((await (await asAdmin(app)).get('/api/admin/campaigns?limit=50')).body.items as Array<{ title: string }>).map((c) => c.title)

  it("refuses a deputy of another district as it refuses that district's station, and stores nothing", async () => {
    const { app } = streets
    const sunli = await asStaff(app, 'sunli')
    const station = await create(app, sunli, '新华区联络站', { stationIds: ['st004'] })
    const deputy = await create(app, sunli, '新华区代表', { deputyIds: ['dp0006'] })
    expect([deputy.status, deputy.body.error?.code]).to.deep.equal([403, 'forbidden'])
    expect(deputy.body.error, 'the same answer as for the station').to.deep.equal(station.body.error)
    expect(deputy.body.error.message).to.equal('只能面向您负责的区县发布活动')
    const mixed = await create(app, sunli, '本区和新华区代表', { deputyIds: ['dp0001', 'dp0006'] })
    expect(mixed.status, 'one deputy outside is enough').to.equal(403)
    expect(await titles(app), 'nothing stored').to.deep.equal([])

    const own = await create(app, sunli, '本区代表', { deputyIds: ['dp0001'] })
    expect(own.status).to.equal(201)
    expect(own.body.audience.deputyIds).to.deep.equal(['dp0001'])
    expect(await titles(app)).to.deep.equal(['本区代表'])
  })

  it("holds a street organizer to his street's deputies: one station there is enough", async () => {
    const { app, wumin } = streets
    const otherStreet = await create(app, wumin, '马庄街道代表', { deputyIds: ['dp0004'] })
    expect([otherStreet.status, otherStreet.body.error?.code]).to.deep.equal([403, 'forbidden'])
    expect(await titles(app), 'nothing stored').to.deep.equal([])
    const both = await create(app, wumin, '两个街道的代表', { deputyIds: ['dp0003'] })
    expect(both.status, '李强 is at 轻工街道 too').to.equal(201)
    expect(await titles(app)).to.deep.equal(['两个街道的代表'])
  })
})
