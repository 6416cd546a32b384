import { expect } from 'chai'
import { deputyReopenNote } from '../../src/domain/deputy-case-words.js'
import { deputyDueDates, deputyPageDeadlines } from '../../src/http/presenters/deputy-case-state.js'
import { caseEvent, caseRecord } from '../store/records.js'

/**
 * 李建国's message, answered, rated 2 and sent back (重新办理): the top of his page says her score, her words and
 * the answer she did not like (a rule of the case, pure); and the deadlines that are his are chosen once
 * (deputyDueDates), for the chat's words and the page's alike.
 */
describe('a message sent back, and a deputy’s deadlines, as the rules say them', () => {
  const TZ = 'Asia/Shanghai'
  const NOW = new Date('2026-11-23T02:00:00Z')
  const names = { 'deputy:dp0001': '李建国', 'deputy:dp0002': '张伟' }
  const sentBack = (replyBy: string) => [
    caseEvent('c1', 'submitted', { actorRole: 'resident' }),
    caseEvent('c1', 'replied', { actorRole: 'deputy', actorId: replyBy, note: '已联系物业疏通下水道' }),
    caseEvent('c1', 'rated', { actorRole: 'resident' }),
    caseEvent('c1', 'reopened', { actorRole: 'resident', note: '疏通了两天又堵了', data: { previousRating: 2 } }),
  ]

  it('her score and words, and his own last answer as 您', () => {
    const c = caseRecord({ status: 'reopened', deputyId: 'dp0001', ratings: [{ rating: 2, comment: '没解决', at: NOW }] })
    expect(deputyReopenNote(c, sentBack('dp0001'), names)).to.deep.equal({
      opinion: '群众的意见（2 分）：疏通了两天又堵了；评价时说：没解决',
      lastReply: '您上次的答复：已联系物业疏通下水道',
    })
  })

  it('a colleague’s answer by name; her last rating when the reopening kept no score; nothing once it no longer waits on him', () => {
    const events = sentBack('dp0002').map((e) => (e.type === 'reopened' ? { ...e, data: {} } : e))
    const c = caseRecord({ status: 'reopened', deputyId: 'dp0001', ratings: [{ rating: 1, comment: null, at: NOW }] })
    expect(deputyReopenNote(c, events, names)).to.deep.equal({
      opinion: '群众的意见（1 分）：疏通了两天又堵了',
      lastReply: '张伟代表上次的答复：已联系物业疏通下水道',
    })
    expect(deputyReopenNote({ ...c, status: 'withdrawn' }, events, names)).to.equal(null)
    const bySystem = events.map((e) => (e.type === 'reopened' ? { ...e, actorRole: 'system' as const } : e))
    expect(deputyReopenNote(c, bySystem, names), 'a merge undone is not hers').to.equal(null)
  })

  it('his deadlines only while it waits on him: to acknowledge until he has, to reply until answered', () => {
    const c = caseRecord({ status: 'assigned' })
    expect(deputyDueDates(c)).to.deep.equal({ acknowledgeBy: c.ackDueAt, replyBy: c.replyDueAt })
    expect(deputyDueDates({ ...c, status: 'acknowledged', acknowledgedAt: NOW })).to.deep.equal({ acknowledgeBy: null, replyBy: c.replyDueAt })
    expect(deputyDueDates({ ...c, status: 'withdrawn' })).to.deep.equal({ acknowledgeBy: null, replyBy: null })
    // The page's words (which the chat and his notices say alike), made from that one choice.
    const acknowledged = { ...c, status: 'acknowledged' as const, acknowledgedAt: NOW }
    expect(deputyPageDeadlines(acknowledged, TZ, NOW).acknowledgeByText).to.equal(null)
    expect(deputyPageDeadlines(acknowledged, TZ, NOW).replyByText).to.be.a('string')
    expect(deputyPageDeadlines({ ...c, status: 'closed' }, TZ, NOW)).to.include({ acknowledgeByText: null, replyByText: null })
  })
})
