import { expect } from 'chai'
import { cameWords } from '../../src/domain/meeting-standing.js'

/**
 * Review 37, finding 25. How his coming reads on his meeting page and list: "工作人员补签到会" read as something staff did,
 * not that he counts as present. Now first that he came, then how; never the time staff typed the entry.
 */
describe('how a deputy’s coming to a meeting reads', () => {
  const tz = 'Asia/Shanghai'
  const now = new Date('2026-12-01T06:30:00Z') // 14:30
  const paperSheet = {
    kind: 'attended' as const,
    note: '纸质签到表已签名',
    staffId: 'st-sunli',
    staffName: '孙丽',
    at: new Date('2026-12-01T06:00:00Z'),
    before: null,
  }

  it('entered by staff (补签): 已到会 first, then that staff entered it, without the time they typed it', () => {
    expect(cameWords({ checkedInAt: new Date('2026-12-01T06:00:00Z'), staffEntry: paperSheet }, tz, now)).to.equal('已到会（工作人员为您补签）')
  })

  it('his own scan: 已到会 with when he came; none without a check-in', () => {
    expect(cameWords({ checkedInAt: new Date('2026-12-01T01:20:00Z'), staffEntry: null }, tz, now)).to.equal('已到会，12月1日（星期二）上午9:20签到')
    expect(cameWords({ checkedInAt: null, staffEntry: null }, tz, now)).to.equal(null)
  })
})
