import { expect } from 'chai'
import { asAdmin, type Client } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'

/** Every rule as the console sends it back, with 参加会议活动 worth `points`. */
const withMeetingPoints = async (who: Client, points: number) =>
  (await who.get('/api/admin/records/rules')).body.rules.map((r: { item: string; points: number; cap: number | null }) => ({
    item: r.item,
    points: r.item === 'meeting_attended' ? points : r.points,
    cap: r.cap,
  }))

/**
 * Point rules count by a deputy's district (or the city's): rules saved for anything else
 * would never count. 吴敏 organizes 轻工街道 (s0101) of 湛河区 (d01), whose deputies count by
 * 湛河区's rules; 孙丽 organizes 湛河区 itself.
 */
describe('point rules belong to the city or a district', () => {
  const streets = streetCityForEachTest()

  it('refuses rules for an unknown office, a station or a street, and stores none', async () => {
    const { app } = streets
    const admin = await asAdmin(app)
    const rules = await withMeetingPoints(admin, 7)
    // Said in words: the street by its name, anything else as gone; never the id, which nobody typed.
    const said = { d99: '这个区县已不存在或不在您的管理范围内', st001: '这个区县已不存在或不在您的管理范围内', s0101: '轻工街道不是区县' }
    for (const [office, words] of Object.entries(said)) {
      const refused = await admin.put('/api/admin/records/rules', { office, rules })
      expect([refused.status, refused.body.error?.code], office).to.deep.equal([422, 'unknown_office'])
      expect(refused.body.error.message).to.equal('积分规则只能按全市或区县设置')
      expect(refused.body.error.details).to.deep.equal([{ path: 'body.office', message: words }])
    }
    const read = await admin.get('/api/admin/records/rules?office=s0101')
    expect([read.status, read.body.error?.code], 'nor are they read').to.deep.equal([422, 'unknown_office'])
    expect((await admin.get('/api/admin/audit?action=record.rules_saved')).body.items, 'nothing saved').to.deep.equal([])
    expect((await admin.get('/api/admin/records/rules?office=d01')).body).to.include({ office: 'd01', inherited: true })

    const district = await admin.put('/api/admin/records/rules', { office: 'd02', rules })
    expect(district.body, 'a district is fine').to.include({ office: 'd02', inherited: false })
    const saved = (await admin.get('/api/admin/audit?action=record.rules_saved')).body.items
    expect(
      saved.map((e: { targetId: string }) => e.targetId),
      'the only rules saved',
    ).to.deep.equal(['d02'])
  })

  it("shows a street organizer his district's rules, which he may not change", async () => {
    const { app, wumin } = streets
    const mine = await wumin.get('/api/admin/records/rules')
    expect(mine.body, "轻工街道's deputies count by 湛河区's rules").to.include({ office: 'd01', inherited: true })
    const rules = await withMeetingPoints(wumin, 7)

    const refused = await wumin.put('/api/admin/records/rules', { rules })
    expect([refused.status, refused.body.error?.code]).to.deep.equal([403, 'outside_scope'])
    expect(refused.body.error.message, 'whose rules, and the office that sets them, by name').to.equal('湛河区的积分规则由湛河区人大常委会办公室设置')
    const ownStreet = await wumin.put('/api/admin/records/rules', { office: 's0101', rules })
    expect([ownStreet.status, ownStreet.body.error?.code], 'a street has no rules of its own').to.deep.equal([422, 'unknown_office'])
    expect((await wumin.put('/api/admin/records/rules', { office: 'd02', rules })).status, 'another district').to.equal(403)
    expect((await wumin.get('/api/admin/records/rules?office=d02')).status).to.equal(403)
    expect((await (await asAdmin(app)).get('/api/admin/audit?action=record.rules_saved')).body.items, 'nothing saved').to.deep.equal([])
    expect((await wumin.get('/api/admin/records/rules')).body).to.include({ office: 'd01', inherited: true })

    // The district's organizer sets them; the street's organizer then reads what counts for his deputies.
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.put('/api/admin/records/rules', { rules: await withMeetingPoints(sunli, 6) })).status).to.equal(200)
    const after = (await wumin.get('/api/admin/records/rules')).body
    expect(after).to.include({ office: 'd01', inherited: false })
    expect(after.rules.find((r: { item: string }) => r.item === 'meeting_attended').points).to.equal(6)

    // A clerk has no rules to read: she is sent to her station's district office, by its name.
    const lina = await asStaff(app, 'lina')
    const clerk = await lina.get('/api/admin/records/rules')
    expect([clerk.status, clerk.body.error?.code]).to.deep.equal([403, 'organizers_only'])
    expect(clerk.body.error.message).to.equal('积分规则由湛河区人大常委会办公室设置')
  })
})
