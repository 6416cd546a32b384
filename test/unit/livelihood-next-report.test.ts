import { expect } from 'chai'
import { nextReport } from '../../src/domain/livelihood-next-report.js'

const zone = 'Asia/Shanghai'
const local = (s: string) => new Date(`${s}+08:00`)

/** 赵's line above the form: the quarter she reports next, and by when (each quarter's end plus 15 days). */
describe('the quarter a unit reports next', () => {
  it('after the first quarter is reported, names the second and its last day', () => {
    expect(nextReport(2027, [1], local('2027-04-10T10:00:00'), zone, 15)).to.deep.equal({
      quarter: 2,
      text: '下次填报：第2季度进展，请在2027年7月15日前填报',
      notBegun: [
        { quarter: 3, from: '7月1日' },
        { quarter: 4, from: '10月1日' },
      ],
    })
  })

  it('says from which day a quarter not yet begun may be reported', () => {
    expect(nextReport(2027, [1], local('2027-01-15T10:00:00'), zone, 15)).to.deep.equal({
      quarter: 2,
      text: '下次填报：第2季度进展，2027年4月1日起可以填报，请在2027年7月15日前填报',
      notBegun: [
        { quarter: 2, from: '4月1日' },
        { quarter: 3, from: '7月1日' },
        { quarter: 4, from: '10月1日' },
      ],
    })
  })

  it('from the first minute of its first day a quarter is no longer not begun', () => {
    expect(nextReport(2027, [1], local('2027-03-31T23:59:00'), zone, 15).notBegun.map((n) => n.quarter)).to.deep.equal([2, 3, 4])
    expect(nextReport(2027, [1], local('2027-04-01T00:00:00'), zone, 15).notBegun.map((n) => n.quarter)).to.deep.equal([3, 4])
  })

  it('a year not begun: its quarters’ first days carry the year', () => {
    expect(nextReport(2027, [], local('2026-12-20T10:00:00'), zone, 15).notBegun.map((n) => n.from)).to.deep.equal([
      '2027年1月1日',
      '2027年4月1日',
      '2027年7月1日',
      '2027年10月1日',
    ])
  })

  it('takes the first quarter not reported, and the last day still counts as on time', () => {
    expect(nextReport(2027, [], local('2027-04-15T23:59:00'), zone, 15).text).to.equal('下次填报：第1季度进展，请在2027年4月15日前填报')
    expect(nextReport(2027, [2], local('2027-04-15T12:00:00'), zone, 15).quarter).to.equal(1)
  })

  it('says 已超期 once the day has passed', () => {
    expect(nextReport(2027, [], local('2027-04-16T00:00:00'), zone, 15)).to.deep.equal({
      quarter: 1,
      text: '下次填报：第1季度进展，已超期（应在2027年4月15日前填报），请尽快填报',
      notBegun: [
        { quarter: 3, from: '7月1日' },
        { quarter: 4, from: '10月1日' },
      ],
    })
  })

  it('the fourth quarter is due in the next January, by the office’s rule', () => {
    expect(nextReport(2027, [1, 2, 3], local('2027-12-01T10:00:00'), zone, 10).text).to.equal('下次填报：第4季度进展，请在2028年1月10日前填报')
  })

  it('all four reported: nothing more is asked', () => {
    expect(nextReport(2027, [1, 2, 3, 4], local('2027-12-20T10:00:00'), zone, 15)).to.deep.equal({
      quarter: null,
      text: '全年 4 个季度的进展都已填报',
      notBegun: [],
    })
  })
})
