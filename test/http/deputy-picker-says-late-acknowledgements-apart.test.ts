import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

interface Choice {
  name: string
  openCases: number
  overdueCases: number
  ackLateCases: number
  loadText: string
}

/**
 * 李娜 opens 分派 for a new message. 张伟 holds two: one of four weeks ago nobody answered (超期, its answer's deadline
 * gone, as 只看已超期 counts it) and one of Monday he has not acknowledged, its answer not due for weeks (未按时受理, as
 * 只看未按时受理 counts it). Beside his name: "在办 2 条，已超期 1 条，未按时受理 1 条", each message counted once, in the
 * inbox's words. 李强, with one message acknowledged in time, reads "在办 1 条".
 */
describe('the deputy picker says 未按时受理 apart from 已超期', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const write = async (text: string, deputyCode: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('在办 2 条，已超期 1 条，未按时受理 1 条, as the inbox counts them', async () => {
    app.clock.set(new Date('2026-10-26T02:00:00Z')) // Monday four weeks before, 10:00 in Asia/Shanghai
    await write('小区门口的路灯坏了两个星期，晚上老人出门看不见', 'DP0001')
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00: to be acknowledged by Tuesday 10:00
    await write('建设路菜市场门口污水横流', 'DP0001')
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday 10:00
    const urgent = await write('6号楼电梯坏了，楼上住着一位78岁的老人下不了楼', 'DP0003')

    const lina = await asStaff(app, 'lina')
    const answer = await lina.get(`/api/admin/cases/${urgent.id}/deputy-choices`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const byName = new Map((answer.body.items as Choice[]).map((d) => [d.name, d]))
    const zhang = byName.get('张伟')!
    expect([zhang.openCases, zhang.overdueCases, zhang.ackLateCases, zhang.loadText]).to.deep.equal([2, 1, 1, '在办 2 条，已超期 1 条，未按时受理 1 条'])
    expect(byName.get('李强')!.loadText).to.equal('在办 1 条')

    // The inbox's own filters find the same two, one each: the picker's words are theirs.
    const count = async (filter: string) => (await lina.get(`/api/admin/cases?deputyId=dp0001&${filter}=true`)).body.items.length
    expect([await count('overdue'), await count('ackLate')]).to.deep.equal([1, 1])
  })
})
