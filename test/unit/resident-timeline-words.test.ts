import { expect } from 'chai'
import { residentStepLine, residentStepWords, type TimelineStepFacts } from '../../src/domain/resident-timeline-words.js'

const step = (facts: Partial<TimelineStepFacts>): TimelineStepFacts => ({
  type: 'submitted',
  actorRole: 'resident',
  actorDeputy: null,
  from: null,
  to: null,
  department: null,
  rating: null,
  relatedTicket: null,
  deputyLeftOffice: false,
  ...facts,
})
const side = (deputy: string | null, station: string | null = '轻工街道代表联络站', office: string | null = null) => ({ deputy, station, office })

describe('the steps of her message, in the words of the resident who wrote it', () => {
  it('says whom a message went to when it moved from one holder to another, by name', () => {
    expect(residentStepWords(step({ type: 'transferred', actorRole: 'deputy', actorDeputy: '张伟', from: side('张伟'), to: side('王芳') }))).to.equal(
      '张伟代表把留言转给王芳代表办理',
    )
    expect(residentStepWords(step({ type: 'transferred', actorRole: 'station_staff', from: side('张伟'), to: side('王芳') })), 'staff moved it').to.equal(
      '改由王芳代表办理',
    )
    expect(residentStepWords(step({ type: 'transferred', actorRole: 'deputy', actorDeputy: '张伟', from: side('张伟'), to: side(null) }))).to.equal(
      '张伟代表把留言交回轻工街道代表联络站重新安排',
    )
    expect(residentStepWords(step({ type: 'transferred', actorRole: 'system', from: side('张伟'), to: side(null), deputyLeftOffice: true }))).to.equal(
      '张伟代表已离任，轻工街道代表联络站会另外安排代表办理',
    )
    expect(
      residentStepWords(step({ type: 'referred', actorRole: 'station_staff', from: side(null), to: side(null, null, '湛河区人大常委会办公室') })),
    ).to.equal('轻工街道代表联络站把留言转给湛河区人大常委会办公室安排代表')
  })

  it('says "代表" where a name is not known, and nothing for the office’s own steps', () => {
    expect(residentStepWords(step({ type: 'acknowledged', actorRole: 'deputy' }))).to.equal('代表看到了留言，开始办理')
    expect(residentStepWords(step({ type: 'forwarded', actorRole: 'deputy', actorDeputy: '王芳' }))).to.equal('王芳代表已把留言交给有关部门办理')
    expect(residentStepWords(step({ type: 'reopened', actorRole: 'system' })), 'freed from a withdrawn message it was merged with').to.equal('改为单独办理')
    for (const type of ['reminded', 'escalated', 'flagged', 'recategorized', 'urged'] as const) expect(residentStepWords(step({ type }))).to.equal(null)
  })

  it('makes one chat line of the words and the note she may read', () => {
    expect(residentStepLine('您的评价：2 分', '灯还是不亮')).to.equal('您的评价：2 分，灯还是不亮')
    expect(residentStepLine('张伟代表已答复', '路灯已修好')).to.equal('张伟代表已答复：路灯已修好')
    expect(residentStepLine('张伟代表看到了留言，开始办理', null)).to.equal('张伟代表看到了留言，开始办理')
  })
})
