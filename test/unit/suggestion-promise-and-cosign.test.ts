import { expect } from 'chai'
import { afterRating } from '../../src/domain/suggestion.js'
import { cosignStanding, cosignWords } from '../../src/domain/suggestion-cosign.js'
import { decodeSuggestion, encodeSuggestion } from '../../src/store/suggestion-codec.js'
import { suggestionRecord } from '../store/contract-suggestions.js'

/** Review 37, findings 6 and 16: the rules behind 等待附议 and 已答复，正在办理. */
describe('代表建议: a promise stays open; co-signing says what it still waits for', () => {
  it('keeps a rated 正在解决或列入计划 open; 不满意 in the first round still sends it back, anything else closes', () => {
    expect(afterRating('basically_satisfied', 1, 'in_progress')).to.equal('following')
    expect(afterRating('dissatisfied', 2, 'in_progress')).to.equal('following')
    expect(afterRating('dissatisfied', 1, 'in_progress')).to.equal('rehandling')
    expect(afterRating('satisfied', 1, 'resolved')).to.equal('closed')
    expect(afterRating('satisfied', 2, 'for_reference')).to.equal('closed')
  })

  it('waits while someone asked has not answered or the rule wants more, and is ready once they have or the window closed', () => {
    const at = new Date('2026-11-25T02:00:00Z')
    const until = new Date('2026-12-02T02:00:00Z')
    const asked = (declinedAt: Date | null = null) => ({ deputyId: 'dp0003', name: '李强', at, declinedAt })
    const wang = { deputyId: 'dp0002', name: '王芳', at }
    const waiting = cosignStanding({ coSigners: [wang], invitees: [asked()], cosignUntil: until }, 0, at)
    expect(waiting).to.deep.include({ cosigned: 1, missing: 0, ready: false })
    expect(cosignWords(waiting)).to.equal('已有 1 位代表附议。李强还没有回复。附议不是必须的；想等其他代表附议，就先不要提交。')
    expect(cosignStanding({ coSigners: [wang], invitees: [asked(at)], cosignUntil: until }, 0, at).ready).to.equal(true)
    expect(cosignStanding({ coSigners: [wang], invitees: [asked()], cosignUntil: until }, 0, until).ready, 'the window closed').to.equal(true)
    expect(cosignStanding({ coSigners: [], invitees: [], cosignUntil: until }, 0, at).ready, 'nobody asked, nobody co-signed yet').to.equal(false)
    const rule = cosignStanding({ coSigners: [wang], invitees: [asked(at)], cosignUntil: until }, 3, until)
    expect(rule).to.deep.include({ missing: 2, ready: false })
    expect(cosignWords(rule)).to.equal('已有 1 位代表附议，还需 2 位代表附议才能提交。')
  })

  it('reads a suggestion kept before anyone was asked by name as asking nobody', () => {
    const { invitees: _none, ...older } = suggestionRecord()
    expect(decodeSuggestion(encodeSuggestion(older as never)).invitees).to.deep.equal([])
  })
})
