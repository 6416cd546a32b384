import { expect } from 'chai'
import { deputyCaseTodo } from '../../src/domain/tasks.js'
import { deputyStanding } from '../../src/http/presenters/deputy-case-state.js'

const TZ = 'Asia/Shanghai'
const now = new Date('2026-11-23T02:00:00Z') // Monday 10:00 in Asia/Shanghai

/** A message written on Monday 10:00: to acknowledge by Tuesday 10:00, to answer by the end of 12月14日 (16:00Z the 14th). */
const fresh = {
  status: 'assigned' as const,
  mergedInto: null,
  acknowledgedAt: null,
  ackDueAt: new Date('2026-11-24T02:00:00Z'),
  replyDueAt: new Date('2026-12-14T16:00:00Z'),
}
const taken = { ...fresh, status: 'acknowledged' as const, acknowledgedAt: now }

/**
 * 张伟 (58) reads his 待办 between meetings: "请受理 新留言 明天到期" left him asking what was due and by when. The line says
 * the act and its day as his papers' lines do ("请在…前受理"), and his message page says the day once, with its state.
 */
describe('a deputy reads what to do with a message and by when', () => {
  it('his 待办: the act, its day and the days left, in one line', () => {
    expect(deputyCaseTodo(fresh, now, TZ)).to.equal('请在11月24日（星期二）上午10:00前受理，明天到期')
    // A close at 00:00 is the day before: 21 days to 12月14日, the day the line names.
    expect(deputyCaseTodo(taken, now, TZ)).to.equal('请在12月14日（星期一）前（含当日）答复，还有 21 天到期')
  })

  it('late: only 请尽快…, the red words beside it say how late', () => {
    expect(deputyCaseTodo(fresh, new Date('2026-11-27T02:00:00Z'), TZ)).to.equal('请尽快受理')
    expect(deputyCaseTodo(fresh, new Date('2026-12-16T02:00:00Z'), TZ)).to.equal('请尽快受理并答复')
    expect(deputyCaseTodo(taken, new Date('2026-12-16T02:00:00Z'), TZ)).to.equal('请尽快答复')
    expect(deputyCaseTodo({ ...taken, status: 'replied' as const }, now, TZ), 'nothing due').to.equal(null)
  })

  it('his message page: the state and the day in one line, the answer’s day under it only while he is to 受理 first', () => {
    expect(deputyStanding(fresh, null, TZ, now)).to.deep.equal({
      standing: '新留言，请在11月24日（星期二）上午10:00前受理',
      replyByLine: '请在12月14日（星期一）前（含当日）答复群众',
    })
    expect(deputyStanding(taken, null, TZ, now)).to.deep.equal({ standing: '已受理，请在12月14日（星期一）前（含当日）答复群众', replyByLine: null })
    // Gone by: the bare state, the red line says the rest (deputyPageDeadlines).
    expect(deputyStanding(fresh, null, TZ, new Date('2026-11-27T02:00:00Z'))).to.deep.equal({
      standing: '新留言，还没受理',
      replyByLine: '请在12月14日（星期一）前（含当日）答复群众',
    })
    expect(deputyStanding({ ...taken, status: 'replied' as const }, null, TZ, now)).to.deep.equal({ standing: '已答复，等群众评价', replyByLine: null })
  })
})
