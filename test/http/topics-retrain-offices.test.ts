import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'

/**
 * A case teaches, and is classified by, its district's topic model (or the city's): a model
 * trained for any other id is used by nothing. 吴敏 organizes 轻工街道 (s0101) of 湛河区 (d01).
 */
describe('topic models are retrained for districts only', () => {
  const streets = streetCityForEachTest()

  it('refuses an unknown office, a street or a station, and records no training', async () => {
    const { app, wumin } = streets
    const admin = await asAdmin(app)
    // Said in words: the street by its name, anything else as gone; never the id, which nobody typed.
    const said = { d99: '这个区县已不存在或不在您的管理范围内', s0101: '轻工街道不是区县', st001: '这个区县已不存在或不在您的管理范围内' }
    for (const [districtId, words] of Object.entries(said)) {
      const refused = await admin.post('/api/admin/topics/retrain', { districtId })
      expect([refused.status, refused.body.error?.code], districtId).to.deep.equal([422, 'not_a_district'])
      expect(refused.body.error.message).to.equal('只能按区县改进主题分类')
      expect(refused.body.error.details).to.deep.equal([{ path: 'body.districtId', message: words }])
    }
    const ownStreet = await wumin.post('/api/admin/topics/retrain', { districtId: 's0101' })
    expect([ownStreet.status, ownStreet.body.error?.code], "a street organizer's own street").to.deep.equal([422, 'not_a_district'])
    const district = await wumin.post('/api/admin/topics/retrain', { districtId: 'd01' })
    expect([district.status, district.body.error?.code], 'the district above his street is not his alone').to.deep.equal([403, 'outside_scope'])
    expect(district.body.error.details).to.deep.equal([{ path: 'body.districtId', message: '湛河区不在您的辖区' }])
    expect((await admin.get('/api/admin/topics')).body.trainings, 'nothing trained').to.deep.equal([])
    expect((await admin.get('/api/admin/audit?action=topics.retrained')).body.items).to.deep.equal([])

    expect((await admin.post('/api/admin/topics/retrain', { districtId: 'd01' })).status, 'a district is fine').to.equal(200)
    const listed = (await admin.get('/api/admin/topics')).body.trainings
    expect(listed.map((t: { districtId: string }) => t.districtId)).to.deep.equal(['d01'])
  })
})
