import { expect } from 'chai'
import { importingAdmin } from '../helpers/app.js'
import { excel, stationSheet } from '../helpers/sheets.js'

/**
 * The regions sheet's key column is 地区代码, as the others say 联络站代码 and 代表代码: the template, the page's words
 * and the problems say so. A sheet filled from an older template, whose first column says 地区编号, imports the same.
 */
describe('the regions sheet’s key column is 地区代码, and an old 地区编号 sheet still imports', () => {
  const story = importingAdmin()

  const ROWS = ['XH,新华区,区县,', 'XH-JS,建设路街道,街道乡镇,XH', 'XH-JS-MZ,马庄社区,社区,建设路街道']
  const regionsIn = async () =>
    (await story.app.liaison.store.directory.snapshot()).regions
      .filter((r) => r.id.startsWith('XH'))
      .map((r) => [r.id, r.name, r.kind, r.parentId])
      .sort()

  it('hands out the template with 地区代码 and says 名称或代码 wherever a region is named', async () => {
    const template = ((await story.admin.get('/api/admin/directory/templates/regions')).body as Buffer).toString('utf8')
    expect(template.split('\r\n')[0]).to.equal('\uFEFF地区代码,地区名称,类型,上级地区')
    const specs: Array<{ columns: Array<{ heading: string; meaning: string }> }> = (await story.admin.get('/api/admin/directory/templates')).body.items
    const words = JSON.stringify(specs)
    expect(words).not.to.include('编号')
    const meaning = (heading: string) => specs.flatMap((s) => s.columns).filter((c) => c.heading === heading)
    expect(meaning('上级地区')[0].meaning).to.include('上一级地区的名称或代码')
    expect(meaning('覆盖地区')[0].meaning).to.include('地区的名称或代码')
  })

  for (const key of ['地区代码', '地区编号']) {
    it(`imports a regions sheet whose first column says ${key}, and a station covering one of them`, async () => {
      const regions = excel('地区名册.csv', [`${key},地区名称,类型,上级地区`, ...ROWS])
      const res = await story.admin.post('/api/admin/directory/import', { sheets: [regions, stationSheet('ST801,马庄联络站,社区,马庄路1号,XH-JS-MZ,周三')] })
      expect(res.status, JSON.stringify(res.body)).to.equal(200)
      expect(res.body.created).to.deep.include({ regions: 3, stations: 1 })
      expect(await regionsIn()).to.deep.equal([
        ['XH', '新华区', 'district', null],
        ['XH-JS', '建设路街道', 'street', 'XH'],
        ['XH-JS-MZ', '马庄社区', 'community', 'XH-JS'],
      ])
      const station = (await story.app.liaison.store.directory.snapshot()).stations.find((s) => s.code === 'ST801')
      expect(station?.regionIds).to.deep.equal(['XH-JS-MZ'])

      // Uploaded again, the same sheet updates the same regions: found by their code, not added twice.
      const again = await story.admin.post('/api/admin/directory/import', {
        sheets: [excel('地区名册.csv', [`${key},地区名称,类型,上级地区`, 'XH,新华区人民政府辖区,区县,'])],
      })
      expect(again.status, JSON.stringify(again.body)).to.equal(200)
      expect(again.body.created.regions).to.equal(0)
      expect((await regionsIn())[0]).to.deep.equal(['XH', '新华区人民政府辖区', 'district', null])
    })
  }

  it('asks for the region code, by that name, when two regions share a name', async () => {
    const regions = excel('地区名册.csv', [
      '地区代码,地区名称,类型,上级地区',
      'XH,新华区,区县,',
      'XA,新安区,区县,',
      'XH-MZ,马庄社区,社区,XH',
      'XA-MZ,马庄社区,社区,XA',
    ])
    const res = await story.admin.post('/api/admin/directory/import', { sheets: [regions, stationSheet('ST802,马庄联络站,社区,,马庄社区,周三')] })
    expect(res.status).to.equal(422)
    expect(JSON.stringify(res.body)).to.include('有 2 个地区叫“马庄社区”，请改填地区代码')
  })
})
