import { expect } from 'chai'
import { asDeputy, type Answer } from '../helpers/app.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * A page left open while someone else moves the message: the resident, the deputy and the
 * station's staff each tap a button that no longer applies, and are told what happened to the
 * message in plain words (and what to do instead), not "留言当前为「已答复」，不能执行此操作".
 * Programs still read the code and the state. The city: 轻工街道代表联络站 (st001) with 张伟
 * (dp0001) and 王芳 (dp0002), and 李娜 its staff.
 */
describe('a move refused because the message moved on, in words', () => {
  const station = useZhangWeiStation()
  const written = (text: string) => station.written(text)
  /** A refusal as programs read it: 409, the code, the state the message is in now. */
  const refusedIn = (answer: Answer, status: string) => {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(409)
    expect(answer.body.error).to.deep.include({ code: 'illegal_transition', details: [{ path: 'status', message: status }] })
    return answer.body.error.message as string
  }

  it('a resident who withdraws a message the deputy has just answered is told so, and what she can do; rating twice is said as done', async () => {
    const { resident, id } = await written('小区门口的垃圾好几天没人清运，气味很大')
    expect((await station.zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系环卫所，明天起每天清运两次。' })).status).to.equal(200)

    const withdrawn = await resident.post(`/api/mp/cases/${id}/withdraw`, { reason: '不想等了' })
    expect(refusedIn(withdrawn, 'replied')).to.equal('这条留言代表已经答复了，不能再撤回。您可以查看答复并评价')

    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 5 })).status).to.equal(200)
    const again = await resident.post(`/api/mp/cases/${id}/rate`, { rating: 4 })
    expect(refusedIn(again, 'closed')).to.equal('这条留言您已经评价过了')
  })

  it('a deputy who acknowledges a message the station has since given to another deputy is told it is no longer his', async () => {
    const { id } = await written('楼道里的灯坏了一个星期')
    expect((await station.zhang.get(`/api/mp/deputy/cases/${id}`)).status, 'his page is open').to.equal(200)
    expect((await station.lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '王芳代表住在附近' })).status).to.equal(200)

    const acknowledged = await station.zhang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    expect(refusedIn(acknowledged, 'assigned')).to.equal('这条留言已改由其他代表办理，您不用再处理')
    const reopened = await station.zhang.get(`/api/mp/deputy/cases/${id}`)
    expect([reopened.status, reopened.body.error?.message], 'opening the old notice again says the same').to.deep.equal([
      403,
      '这条留言已改由其他代表办理，您不用再处理',
    ])
    expect((await (await asDeputy(station.app, 'dp0003')).get(`/api/mp/deputy/cases/${id}`)).status, 'one who never had it: not found').to.equal(404)
    expect((await (await asDeputy(station.app, 'dp0002')).post(`/api/mp/deputy/cases/${id}/acknowledge`, {})).body.statusLabel, '王芳 has it').to.equal(
      '已受理，待答复',
    )

    const stranger = await (await asDeputy(station.app, 'dp0003')).post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    expect([stranger.status, stranger.body.error.message], 'a deputy who never had it learns nothing of it').to.deep.equal([404, '留言不存在'])
  })

  it("station staff who assign a message the resident has since rated are told it is closed, in words that read inside the console's sentence", async () => {
    const { resident, id } = await written('小区健身器材坏了，老人孩子用着不安全')
    expect((await station.lina.get(`/api/admin/cases/${id}`)).status, 'her page is open').to.equal(200)
    expect((await station.zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已请街道更换，本周内装好。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 5 })).status).to.equal(200)

    const assigned = await station.lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002' })
    const words = refusedIn(assigned, 'closed')
    expect(words).to.equal('已经办结了，不能再交给代表办理')
    // As CaseDetail.vue says it when someone else moved the message first.
    expect(`这条留言刚有人办理过，${words}。页面已更新为它现在的情况`).to.equal(
      '这条留言刚有人办理过，已经办结了，不能再交给代表办理。页面已更新为它现在的情况',
    )
  })
})
