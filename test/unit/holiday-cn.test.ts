import { expect } from 'chai'
import { checkHolidayFile } from '../../src/domain/holiday-cn.js'
import { bundledHolidayYears } from '../../src/services/calendar/calendar-seed.js'

describe('checking a holiday-cn year file', () => {
  it('accepts the published 2026 file as holiday-cn ships it ($schema, papers and all)', () => {
    const years = bundledHolidayYears()
    expect(years.map((y) => y.year)).to.deep.equal([2025, 2026])
    const y2026 = years[1]
    expect(y2026.days.find((d) => d.date === '2026-10-10')).to.deep.equal({ name: '国庆节', date: '2026-10-10', isOffDay: false })
  })

  it('names every problem of a bad file at once, with its place', () => {
    const result = checkHolidayFile({
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2026-12-31', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-30', isOffDay: true },
        { name: '', date: '2027-02-06', isOffDay: 'yes' },
        { name: '春节', date: '2027-02-08', isOffDay: false },
      ],
    })
    expect(result.ok).to.equal(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path)).to.deep.equal([
      'days[1].date',
      'days[2].date',
      'days[3].date',
      'days[4].name',
      'days[4].isOffDay',
      'days[5].isOffDay',
    ])
    expect(result.problems[0].message).to.equal('2026-12-31 不在 2027 年内：一个文件只放一年的安排')
    expect(result.problems[1].message).to.contain('重复')
    expect(result.problems[5].message).to.contain('星期一')
  })

  it('refuses a year whose schedule is not published yet (holiday-cn ships an empty list)', () => {
    const result = checkHolidayFile({ year: 2027, papers: [], days: [] })
    expect(result).to.deep.equal({ ok: false, problems: [{ path: 'days', message: '列表是空的：这一年的放假安排可能尚未发布，发布后再导入' }] })
  })

  it('refuses what is not a year file at all', () => {
    expect(checkHolidayFile([1, 2])).to.have.property('ok', false)
    const r = checkHolidayFile({ year: '2027', days: {} })
    expect(r.ok ? [] : r.problems.map((p) => p.path)).to.deep.equal(['year', 'days'])
  })
})
