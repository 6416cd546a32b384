import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * A resident gives her home landline as people write it, in two groups and without the area code (我家座机8765-4321).
 * 张伟 reads her message with it masked, on his page and in his list, and reaches it only by 打电话给群众, which
 * gives him the number and writes it down in 操作记录.
 */
describe('a deputy reads a landline she wrote in two groups only by calling it', () => {
  const s = useZhangWeiStation()

  it('masks 座机8765-4321 on his page and list; 打电话 gives 87654321 and is audited', async () => {
    const { id } = await s.written('路灯坏了很久了，我家座机8765-4321，晚上在家')
    const page = (await s.zhang.get(`/api/mp/deputy/cases/${id}`)).body
    expect(page.text).to.equal('路灯坏了很久了，我家座机（已隐去），晚上在家')
    const listed = (await s.zhang.get('/api/mp/deputy/cases')).body.items.find((c: { id: string }) => c.id === id)
    expect(listed.excerpt).to.equal('路灯坏了很久了，我家座机（已隐去），晚上在家')

    const call = await s.zhang.get(`/api/mp/deputy/cases/${id}/phone`)
    expect(call.body).to.deep.equal({ phone: '87654321' })
    const reads = (await (await asAdmin(s.app)).get('/api/admin/audit?action=case.phone.read')).body.items
    expect(reads, 'his read of her number is written down').to.have.length(1)
  })

  it('masks 电话：8765 4321 and 电话：876-5432 alike', async () => {
    const spaced = await s.written('楼道灯不亮，电话：8765 4321')
    expect((await s.zhang.get(`/api/mp/deputy/cases/${spaced.id}`)).body.text).to.equal('楼道灯不亮，电话：（已隐去）')
    const short = await s.written('楼下垃圾没人收，电话：876-5432')
    expect((await s.zhang.get(`/api/mp/deputy/cases/${short.id}`)).body.text).to.equal('楼下垃圾没人收，电话：（已隐去）')
    expect((await s.zhang.get(`/api/mp/deputy/cases/${short.id}/phone`)).body).to.deep.equal({ phone: '8765432' })
  })
})
