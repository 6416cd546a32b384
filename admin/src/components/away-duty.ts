/** A deputy's pause (暂停接收留言) as GET /deputies gives it: local dates, both included, and its kind. */
export interface AwaySpan {
  from: string
  until: string
  reason: 'leave' | 'study' | 'other'
}

/**
 * The word beside his name on a duty day the pause covers, else null: the domain's own rule (a pure module, no server
 * code comes with it), which the dashboard's 近期接待值班 uses too, so both say 请假 / 外出学习 the same way.
 */
export { awayDutyWord } from '../../../src/domain/deputy-away'
