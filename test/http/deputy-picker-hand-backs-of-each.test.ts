import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

/**
 * The 改派 list reads every listed deputy's hand-ons of the week together (CaseRepo.handedOnByEach), not one deputy at a
 * time: 李娜 still reads beside each name his own 交回了留言 with his own reason, and nothing beside one who handed a
 * message to a colleague (转交 to 张伟: not back to the station).
 */
describe('the deputy picker says each deputy’s own recent hand-back', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  const write = async (text: string, deputyCode: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const handOn = async (deputyId: string, caseId: string, reason: string, deputyCode?: string) => {
    const moved = await (await asDeputy(app, deputyId)).post(`/api/mp/deputy/cases/${caseId}/transfer`, { reason, ...(deputyCode ? { deputyCode } : {}) })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
  }

  it('says 张伟’s and 王芳’s each beside their own names, and nothing beside 李强, who handed his to a colleague', async () => {
    const his = await write('小区车棚的充电桩坏了', 'DP0001')
    const hers = await write('幼儿园门口早上堵车很厉害', 'DP0002')
    const toColleague = await write('菜市场门口的井盖松了', 'DP0003')
    await handOn('dp0001', his.id, '这段时间在外地学习，请站里另派代表')
    app.clock.advance(3_600_000)
    await handOn('dp0002', hers.id, '不熟悉这一片')
    await handOn('dp0003', toColleague.id, '张伟代表住得近', 'DP0001')

    const urgent = await write('6号楼电梯坏了，楼上住着一位78岁的老人下不了楼', 'DP0003')
    const answer = await lina.get(`/api/admin/cases/${urgent.id}/deputy-choices`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const said = new Map(
      (answer.body.items as Array<{ name: string; recentHandBack: { text: string } | null }>).map((d) => [d.name, d.recentHandBack?.text ?? null]),
    )
    expect(said.get('张伟')).to.equal(`今天交回了留言 ${his.ticket}，说：这段时间在外地学习，请站里另派代表`)
    expect(said.get('王芳')).to.equal(`今天交回了留言 ${hers.ticket}，说：不熟悉这一片`)
    expect(said.get('李强'), 'handed to a colleague, not back to the station').to.equal(null)
  })
})
