import { expect } from 'chai'
import { recordCasesText, recordCasesTextForResidents } from '../../src/domain/deputy-record-words.js'

const figures = (over: Partial<Parameters<typeof recordCasesText>[0]> = {}) => ({
  handled: 24,
  answered: 19,
  answeredOnTime: 18,
  answeredLate: 0,
  sentBack: 1,
  sentBackOverdue: 0,
  open: 6,
  overdueOpen: 0,
  averageSatisfaction: 4.2,
  ...over,
})

/** 朱丽华's year as 周主任 read it (review 38 § 3), and the other shapes a year takes: each sentence adds up to 共. */
describe('办理群众留言 in a deputy record: one sentence that adds up', () => {
  it('says 朱丽华’s answer sent back among 已答复, once, and 还没答复 5: 19 + 5 = 24', () => {
    expect(recordCasesText(figures())).to.equal('共 24 条：已答复 19 条（按时 18 条，另 1 条群众要求重新办理、正在重办）；还没答复 5 条；群众满意度 4.2 分')
  })

  it('says answers late and on time, and the overdue among those not yet answered', () => {
    expect(recordCasesText(figures({ answered: 10, answeredOnTime: 8, answeredLate: 2, sentBack: 0, open: 14, overdueOpen: 3 }))).to.equal(
      '共 24 条：已答复 10 条（按时 8 条，超过答复期限 2 条）；还没答复 14 条（其中超期 3 条）；群众满意度 4.2 分',
    )
  })

  it('says a round sent back that is late again with it, not among those never answered', () => {
    expect(recordCasesText(figures({ sentBack: 2, sentBackOverdue: 1, answered: 20, open: 6, overdueOpen: 1 }))).to.equal(
      '共 24 条：已答复 20 条（按时 18 条，另 2 条群众要求重新办理、正在重办，其中 1 条已超期）；还没答复 4 条；群众满意度 4.2 分',
    )
  })

  it('says a year with nothing yet in plain words', () => {
    const none = figures({ handled: 0, answered: 0, answeredOnTime: 0, sentBack: 0, open: 0, averageSatisfaction: null })
    expect(recordCasesText(none)).to.equal('共 0 条：已答复 0 条；没有还没答复的留言；群众满意度 暂无')
    expect(recordCasesTextForResidents(none)).to.equal(null)
  })

  it('names another district’s messages among 共', () => {
    expect(recordCasesText(figures(), [{ name: '澜东区', handled: 3 }])).to.match(/^共 24 条（其中澜东区 3 条）：/)
  })
})
