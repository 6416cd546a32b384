import { expect } from 'chai'
import { slaActions } from '../../src/domain/sla-actions.js'
import { caseRecord } from '../store/records.js'

const HOUR = 3_600_000
const policy = { reminderLeadHours: 4, escalationRepeatHours: 72, autoCloseDays: 7 }
const T0 = new Date('2026-11-22T02:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR)

describe('what the SLA clocks ask for', () => {
  const c = { ...caseRecord({ ackDueAt: at(24), replyDueAt: at(24 * 21) }), ticket: 'x' }

  it('reminds before the acknowledgement is due, then escalates once per level', () => {
    expect(slaActions(c, at(19), policy)).to.deep.equal([])
    expect(slaActions(c, at(21), policy)).to.deep.equal([{ kind: 'remind', clock: 'ack', dueAt: at(24) }])
    expect(slaActions(c, at(25), policy)).to.deep.equal([{ kind: 'escalate', clock: 'ack', level: 1 }])
    expect(slaActions({ ...c, ackEscalation: 1 }, at(25), policy)).to.deep.equal([])
    expect(slaActions({ ...c, ackEscalation: 1 }, at(97), policy)).to.deep.equal([{ kind: 'escalate', clock: 'ack', level: 2 }])
  })

  it("never skips the station's staff, even when the job was down past both thresholds", () => {
    expect(slaActions(c, at(200), policy)).to.deep.equal([{ kind: 'escalate', clock: 'ack', level: 1 }])
  })

  it('runs the reply clock once acknowledged, and closes an unrated reply after seven days', () => {
    const acked = { ...c, status: 'acknowledged' as const, acknowledgedAt: at(1) }
    expect(slaActions(acked, at(24 * 21 - 1), policy)).to.deep.equal([{ kind: 'remind', clock: 'reply', dueAt: at(24 * 21) }])
    const replied = { ...c, status: 'replied' as const, repliedAt: at(2) }
    expect(slaActions(replied, at(2 + 24 * 7 - 1), policy)).to.deep.equal([])
    expect(slaActions(replied, at(2 + 24 * 7), policy)).to.deep.equal([{ kind: 'autoClose' }])
  })
})
