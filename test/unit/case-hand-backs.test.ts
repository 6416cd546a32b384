import { expect } from 'chai'
import type { CaseEvent } from '../../src/domain/case.js'
import { handBacks, handBackText } from '../../src/domain/case-hand-backs.js'

const TZ = 'Asia/Shanghai'
let seq = 0
const event = (over: Partial<CaseEvent>): CaseEvent => ({
  id: `ev${++seq}`,
  caseId: 'cs-1',
  at: new Date('2026-12-03T02:00:00Z'),
  type: 'assigned',
  actorRole: 'system',
  actorId: null,
  fromStatus: null,
  toStatus: null,
  note: null,
  data: {},
  ...over,
})
const handedBack = (deputyId: string, note: string, at = new Date('2026-12-03T02:00:00Z')) =>
  event({ type: 'transferred', actorRole: 'deputy', actorId: deputyId, at, note, data: { fromDeputyId: deputyId, toStation: 'st1' } })

/** Who gave a message up themselves, as the assign dialog says it beside their names. */
describe('hand-backs: the deputies who gave this message up, and why', () => {
  it('finds a deputy who handed it back, "刚" while nobody has held it since', () => {
    const found = handBacks([event({ data: { deputyId: 'dp1' } }), handedBack('dp1', '这段时间在外地学习，请站里另派代表')])
    expect([...found.keys()]).to.deep.equal(['dp1'])
    expect(handBackText(found.get('dp1')!, TZ, new Date('2026-12-03T05:00:00Z'))).to.equal('刚把这条留言交回：这段时间在外地学习，请站里另派代表')
  })

  it('says the day once someone else was given it since, and "今天" on the same day', () => {
    const events = [handedBack('dp1', '在外地学习'), event({ data: { fromDeputyId: null, deputyId: 'dp2' }, actorRole: 'station_staff', actorId: 'sf1' })]
    const h = handBacks(events).get('dp1')!
    expect(h.latest).to.equal(false)
    expect(handBackText(h, TZ, new Date('2026-12-03T09:00:00Z'))).to.equal('今天曾把这条留言交回：在外地学习')
    expect(handBackText(h, TZ, new Date('2026-12-05T09:00:00Z'))).to.equal('12月3日曾把这条留言交回：在外地学习')
  })

  it("tells a hand-on to a colleague from a hand-back, and counts neither staff moves nor a departed deputy's return", () => {
    const onward = event({ type: 'transferred', actorRole: 'deputy', actorId: 'dp1', note: '王代表更熟悉', data: { fromDeputyId: 'dp1', deputyId: 'dp2' } })
    expect(handBackText(handBacks([onward]).get('dp1')!, TZ, new Date())).to.equal('刚把这条留言转给了其他代表：王代表更熟悉')
    const staffMoved = event({ type: 'transferred', actorRole: 'station_staff', actorId: 'sf1', data: { fromDeputyId: 'dp1', deputyId: 'dp2' } })
    const departed = event({
      type: 'transferred',
      actorRole: 'system',
      note: '代表已离任',
      data: { fromDeputyId: 'dp3', toStation: 'st1', deputyLeftOffice: true },
    })
    expect(handBacks([staffMoved, departed]).size).to.equal(0)
  })
})
