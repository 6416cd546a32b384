import { expect } from 'chai'
import { asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

const HOUR = 3_600_000

/**
 * Review 37 § 10: 陈敏's 工作概览 counted 11 messages in its weekly bars and 9 in the deputies' rows, with no word of
 * the 2 merged ones; and after a resident sent 朱丽华's answer back (重新办理), 朱丽华's row read 按时受理 —,
 * 按时答复 —, 平均满意度 2: the acknowledgement within minutes and the answer the same day were gone, the 2 points
 * of that very answer kept. The page now says what the rows leave out, and a round sent back keeps its
 * acknowledgement and answer where they happened, beside the score they got.
 */
describe("a station's figures add up and keep what a deputy did (review 37 § 10)", () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function written(text: string, deputyCode: string, resident?: Client) {
    const sent = await (resident ?? (await asResident(app))).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('says under 按代表 the merged messages its rows leave out, so that they add up with the weekly bars', async () => {
    const old = await written('建设路社区6号楼的电梯坏了两个星期，我七十八岁住六楼下不了楼，请代表帮帮忙', 'DP0002') // 王芳
    const dup1 = await written('6号楼电梯坏了两个星期没人修', 'DP0001') // 张伟
    const dup2 = await written('6号楼电梯停运，物业不管', 'DP0001')
    await written('小区东门的路灯坏了三盏', 'DP0001')
    for (const dup of [dup1, dup2]) expect((await lina.post(`/api/admin/cases/${dup.id}/merge`, { intoCaseId: old.id })).status).to.equal(200)

    const d = (await lina.get('/api/admin/dashboard/cases')).body
    const received = d.weeks.reduce((n: number, w: { count: number }) => n + w.count, 0)
    const rows = d.responsiveness.deputy.reduce((n: number, b: { total: number }) => n + b.total, 0)
    expect([received, rows]).to.deep.equal([4, 2])
    expect(d.mergedAside).to.deep.equal({
      count: 2,
      text: '另有 2 条已并入其他留言、随那条留言办理：同一个问题只算那一条，上面不再单列；“每周收到的留言”把它们也算在内。',
    })
    expect(rows + d.mergedAside.count).to.equal(received)
  })

  it("keeps 王芳's acknowledgement and answer in time when the resident sends her answer back, beside its 2 points", async () => {
    const resident = await asResident(app)
    const { id } = await written('建设路社区6号楼的电梯坏了两个星期，我七十八岁住六楼下不了楼，请代表帮帮忙', 'DP0002', resident)
    const wang = await asDeputy(app, 'dp0002')
    app.clock.advance(HOUR / 6) // within minutes
    expect((await wang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})).status).to.equal(200)
    app.clock.advance(5 * HOUR) // the same day
    expect((await wang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系物业和维保单位，电梯配件下周到，到了马上修。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/rate`, { rating: 2, comment: '说了等于没说' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '电梯还是没修，老人还是下不了楼' })).status).to.equal(200)

    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // hours later: a new login
    const stats = (await lina.get('/api/admin/cases/stats?groupBy=deputy')).body
    const row = stats.groups.find((g: { name: string }) => g.name === '王芳').stats
    expect([row.acknowledgedInTimeShare, row.repliedInTimeShare, row.averageSatisfaction], '按时受理, 按时答复, 平均满意度').to.deep.equal([1, 1, 2])
    // The dashboard's row judges the same answer the same way.
    const dash = await lina.get('/api/admin/dashboard/cases')
    expect(dash.status, JSON.stringify(dash.body)).to.equal(200)
    const bar = dash.body.responsiveness.deputy.find((b: { name: string }) => b.name === '王芳')
    expect(bar.repliedInTimeShare).to.equal(1)
  })
})
