import { expect } from 'chai'
import { caseMessageHolds, deadlineMessageOutdated, type CaseWhereabouts } from '../../src/domain/message-truth.js'

const NOW = new Date('2026-11-26T02:00:00Z')
/** A message of 轻工街道 (st001, in 湛河区 d01) in 张伟's hands. */
const atQinggong: CaseWhereabouts = {
  status: 'assigned',
  deputyId: 'dp0001',
  stationId: 'st001',
  officeRegionId: null,
  handlingDistrictId: null,
  districtId: 'd01',
}
const station = { kind: 'station', id: 'st001' }
const office = { kind: 'office', id: 'd01' }

/**
 * A 督办 waits for a retry at times (WeCom busy, a bot logged out). When its turn comes it must still be true: the
 * station or office it asks to chase the deputy must still have the message, and the deputy must not have done since
 * what it chases. Each case below is what message-truth.ts answers just before the report goes.
 */
describe('a 督办 is true only while the message is still late where it is sent', () => {
  it("holds for 轻工街道 and 湛河区's office while the message is at 轻工街道, late", () => {
    expect(caseMessageHolds('case.escalated', station, atQinggong)).to.equal(true)
    expect(caseMessageHolds('case.escalated', office, atQinggong)).to.equal(true)
    expect(deadlineMessageOutdated('case.escalated', { clock: 'ack' }, atQinggong, NOW)).to.equal(null)
  })

  it("is untrue for 轻工街道 once the message is 马庄街道's, and for 湛河区's office once another district handles it", () => {
    const atMazhuang = { ...atQinggong, deputyId: 'dp0004', stationId: 'st002' }
    expect(caseMessageHolds('case.escalated', station, atMazhuang)).to.equal(false)
    expect(caseMessageHolds('case.escalated', { kind: 'station', id: 'st002' }, atMazhuang)).to.equal(true)
    const inXinhua = { ...atQinggong, deputyId: null, stationId: 'st004', handlingDistrictId: 'd02' }
    expect(caseMessageHolds('case.escalated', office, inXinhua)).to.equal(false)
    expect(caseMessageHolds('case.escalated', { kind: 'office', id: 'd02' }, inXinhua)).to.equal(true)
  })

  it("is untrue for 轻工街道 once handed up to 湛河区's office, which the message waits for now", () => {
    const handedUp = { ...atQinggong, status: 'submitted' as const, deputyId: null, stationId: null, officeRegionId: 'd01', handlingDistrictId: 'd01' }
    expect(caseMessageHolds('case.escalated', station, handedUp)).to.equal(false)
    expect(caseMessageHolds('case.queued', office, handedUp)).to.equal(true)
  })

  it('says why once the deputy has acknowledged (a 受理 report) or answered (an 答复 report)', () => {
    const acknowledged = { ...atQinggong, status: 'acknowledged' as const }
    expect(deadlineMessageOutdated('case.escalated', { clock: 'ack' }, acknowledged, NOW)).to.equal('（代表已受理，不用再督办）')
    expect(deadlineMessageOutdated('case.escalated', { clock: 'reply' }, acknowledged, NOW), 'still owes the answer').to.equal(null)
    expect(deadlineMessageOutdated('case.escalated', { clock: 'reply' }, { ...atQinggong, status: 'replied' }, NOW)).to.equal('（代表已答复，不用再督办）')
  })
})
