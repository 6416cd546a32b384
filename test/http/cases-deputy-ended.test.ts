import { expect } from 'chai'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * A message that no longer waits on 张伟 (withdrawn by its resident, merged or refused by the
 * station, answered) tells him so in words, asks for no acknowledgement or reply by a date, and
 * no longer shows him the resident's whole phone number.
 */
describe("a deputy's message once it no longer waits on him", () => {
  const station = useZhangWeiStation()
  const written = (text: string) => station.written(text, { phone: '13912345678' })
  const seen = async (id: string) => {
    const d = await station.zhang.get(`/api/mp/deputy/cases/${id}`)
    expect(d.status, JSON.stringify(d.body)).to.equal(200)
    return d.body
  }

  it('while it waits on him: both deadlines, no state note, and the whole number to call back', async () => {
    const { id } = await written('小区门口的垃圾好几天没人清运，气味很大')
    expect(await seen(id)).to.include({ acknowledgeByText: '11月24日（星期二）上午10:00前', replyByText: '12月14日（星期一）前（含当日）', stateNote: null })
    expect((await station.zhang.get(`/api/mp/deputy/cases/${id}/phone`)).body).to.deep.equal({ phone: '13912345678' })
    expect((await station.zhang.get('/api/mp/deputy/cases')).body.items[0]).to.include({
      acknowledgeByText: '11月24日（星期二）上午10:00前',
      replyByText: '12月14日（星期一）前（含当日）',
    })
  })

  it('withdrawn: says so, no deadlines, and the phone number is refused in words', async () => {
    const { resident, id } = await written('小区门口的垃圾好几天没人清运，气味很大')
    expect((await resident.post(`/api/mp/cases/${id}/withdraw`, { reason: '不想被打扰了' })).status).to.equal(200)
    expect(await seen(id)).to.include({ status: 'withdrawn', stateNote: '群众已撤回这条留言，不用再办理。', acknowledgeByText: null, replyByText: null })
    const phone = await station.zhang.get(`/api/mp/deputy/cases/${id}/phone`)
    expect(phone.status).to.equal(409)
    expect(phone.body.error).to.include({ code: 'case_not_open', message: '这条留言已撤回，不再显示群众的完整电话' })
    expect(JSON.stringify(phone.body)).not.to.include('13912345678')
    expect((await station.zhang.get('/api/mp/deputy/cases?status=withdrawn')).body.items[0]).to.include({
      acknowledgeByText: null,
      replyByText: null,
      deadlinesNote: null,
    })
  })

  it('merged into another message: says so, no deadlines, no phone number', async () => {
    const a = await written('建设路社区东门的路灯坏了，晚上很黑')
    const b = await written('建设路社区东门路灯坏了，晚上很黑看不见')
    expect((await station.lina.post(`/api/admin/cases/${b.id}/merge`, { intoCaseId: a.id })).status).to.equal(200)
    expect(await seen(b.id)).to.include({ stateNote: '这条留言已和相同问题的留言合并办理，不用再单独办理。', acknowledgeByText: null, replyByText: null })
    const phone = await station.zhang.get(`/api/mp/deputy/cases/${b.id}/phone`)
    expect(phone.status).to.equal(409)
    expect(phone.body.error.message).to.equal('这条留言已并入其他留言合并办理，不再显示群众的完整电话')
    expect((await station.zhang.get(`/api/mp/deputy/cases/${a.id}/phone`)).body.phone, 'the one carrying the work still has its number').to.equal('13912345678')
  })

  it('refused by the station: says so, no deadlines, no phone number', async () => {
    const { id } = await written('小区门口的垃圾好几天没人清运，气味很大')
    expect((await station.lina.post(`/api/admin/cases/${id}/reject`, { reason: '重复留言' })).status).to.equal(200)
    expect(await seen(id)).to.include({ stateNote: '这条留言不予受理，不用再办理。', acknowledgeByText: null, replyByText: null })
    expect((await station.zhang.get(`/api/mp/deputy/cases/${id}/phone`)).body.error).to.include({
      code: 'case_not_open',
      message: '这条留言不予受理，不再显示群众的完整电话',
    })
  })

  it('answered: waits on the resident now (its status says so, once), so no deadline for him, though he may still call back', async () => {
    const { id } = await written('小区门口的垃圾好几天没人清运，气味很大')
    expect((await station.zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系环卫所，明天起每天清运两次。' })).status).to.equal(200)
    expect(await seen(id)).to.include({ statusLabel: '已答复，等群众评价', stateNote: null, acknowledgeByText: null, replyByText: null })
    expect((await station.zhang.get(`/api/mp/deputy/cases/${id}/phone`)).body.phone).to.equal('13912345678')
  })
})
