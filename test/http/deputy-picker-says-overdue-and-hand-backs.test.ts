import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

const HOUR = 3_600_000

interface Choice {
  name: string
  openCases: number
  overdueCases: number
  loadText: string
  away: string | null
  handedBack: { text: string } | null
  recentHandBack: { ticket: string; text: string } | null
}

/**
 * Review 37, finding 8. 李娜 is about to give an urgent message to 张伟, "在办 1 件". That one is weeks late, and
 * this morning he handed another back: "这段时间在外地学习，请站里另派代表". The 分派/改派 list says both beside his name
 * (在办 …，已超期 1 条; 今天交回了留言 … with his reason), as it says 暂停接收留言 for 王芳, who is on leave: she chooses
 * someone else. A hand-back of a message of another station is none of her business and is not said.
 */
describe('the deputy picker says who is behind, away, or has just handed a message back', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string, deputyCode: string, regionId = 'c010101') => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId, deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const handBack = async (deputyId: string, caseId: string, reason: string) => {
    const back = await (await asDeputy(app, deputyId)).post(`/api/mp/deputy/cases/${caseId}/transfer`, { reason })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
  }

  it('says 已超期, 暂停接收留言 and 交回了留言 with his reason beside each name', async () => {
    app.clock.set(new Date('2026-10-26T02:00:00Z')) // four weeks before
    await write('小区门口的路灯坏了两个星期，晚上老人出门看不见', 'DP0001') // 张伟's, never answered: past its reply deadline
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const ongoing = await write('建设路菜市场门口污水横流', 'DP0003') // 李强's: acknowledged, its answer not due yet
    await write('建设路公交站的座椅坏了', 'DP0003') // 李强's: not acknowledged by Tuesday noon, its answer not due yet
    app.clock.advance(26 * HOUR) // Tuesday noon
    expect((await (await asDeputy(app, 'dp0003')).post(`/api/mp/deputy/cases/${ongoing.id}/acknowledge`, {})).status).to.equal(200)
    const away = await write('小区车棚的充电桩坏了', 'DP0001')
    await handBack('dp0001', away.id, '这段时间在外地学习，请站里另派代表，我的电话13912345678')
    const lina = await asStaff(app, 'lina')
    expect((await lina.put('/api/admin/deputies/dp0002/away', { from: '2026-11-24', until: '2026-11-27', reason: 'leave', note: '住院' })).status).to.equal(200)

    // An urgent one, written to 李强: she opens 改派.
    const urgent = await write('6号楼电梯坏了，楼上住着一位78岁的老人下不了楼', 'DP0003')
    const answer = await lina.get(`/api/admin/cases/${urgent.id}/deputy-choices`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const byName = new Map((answer.body.items as Choice[]).map((d) => [d.name, d]))

    const zhang = byName.get('张伟')!
    expect([zhang.openCases, zhang.overdueCases, zhang.loadText]).to.deep.equal([1, 1, '在办 1 条，已超期 1 条'])
    expect(zhang.recentHandBack).to.deep.include({
      ticket: away.ticket,
      text: `今天交回了留言 ${away.ticket}，说：这段时间在外地学习，请站里另派代表，我的电话（已隐去）`,
    })
    expect(zhang.handedBack, 'not this message: nothing of his about it').to.equal(null)

    const li = byName.get('李强')!
    // One of his is only late in being acknowledged (未按时受理): said so, not 已超期, whose deadline is the answer's.
    expect([li.loadText, li.recentHandBack], 'holds three, none past its reply deadline').to.deep.equal(['在办 3 条，未按时受理 1 条', null])
    const wang = byName.get('王芳')!
    expect([wang.loadText, wang.away]).to.deep.equal(['在办 0 条', '暂停接收留言至11月27日'])

    // On the message he handed back, his own hand-back is said as before, not twice.
    const own = (await lina.get(`/api/admin/cases/${away.id}/deputy-choices`)).body.items as Choice[]
    const zhangOnOwn = own.find((d) => d.name === '张伟')!
    expect(zhangOnOwn.handedBack?.text).to.equal('刚把这条留言交回：这段时间在外地学习，请站里另派代表，我的电话13912345678')
    expect(zhangOnOwn.recentHandBack).to.equal(null)
  })

  it('says nothing of a hand-back of another station’s message, nor of one over a week old', async () => {
    const old = await write('小区绿化带里堆了很多建筑垃圾', 'DP0001')
    await handBack('dp0001', old.id, '请站里另派代表')
    app.clock.advance(8 * 24 * HOUR)
    // 李强 serves 马庄街道 (st002) and 轻工街道: today he hands back a 马庄 message, which 李娜 may not read.
    const mazhuang = await write('马庄社区的健身器材坏了', 'DP0003', 'c010201')
    await handBack('dp0003', mazhuang.id, '最近在外地开会')

    const urgent = await write('楼道里的消防栓没有水', 'DP0002')
    const items = (await (await asStaff(app, 'lina')).get(`/api/admin/cases/${urgent.id}/deputy-choices`)).body.items as Choice[]
    expect(items.find((d) => d.name === '李强')!.recentHandBack, 'another station’s message').to.equal(null)
    expect(items.find((d) => d.name === '张伟')!.recentHandBack, 'eight days ago').to.equal(null)
    // 周杰 of 马庄 reads it: the message is his station's.
    const theirs = await write('马庄路的下水道堵了', 'DP0004', 'c010201')
    const seen = (await (await asStaff(app, 'zhoujie')).get(`/api/admin/cases/${theirs.id}/deputy-choices`)).body.items as Choice[]
    expect(seen.find((d) => d.name === '李强')!.recentHandBack?.text).to.equal(`今天交回了留言 ${mazhuang.ticket}，说：最近在外地开会`)
  })
})
