import { expect } from 'chai'
import { receptionDaysText } from '../../src/domain/reception-days.js'

describe('a station’s reception days in words', () => {
  it('says the days in the week’s order, as a resident is told where to go', () => {
    expect(receptionDaysText(['wed'])).to.equal('每星期三接待')
    expect(receptionDaysText(['sat', 'wed'])).to.equal('每星期三、星期六接待')
    expect(receptionDaysText(['sun', 'mon'])).to.equal('每星期一、星期日接待')
  })

  it('says nothing for a station that names no day', () => {
    expect(receptionDaysText([])).to.equal(null)
  })
})

describe('a station’s reception hours in words', () => {
  it('says the hours after the days, the hour without a leading zero', () => {
    expect(receptionDaysText(['sat', 'wed'], { from: '8:30', to: '11:30' })).to.equal('每星期三、星期六 8:30–11:30接待')
    expect(receptionDaysText(['wed'], { from: '08:00', to: '14:05' })).to.equal('每星期三 8:00–14:05接待')
  })

  it('says the days alone when no hours are named, and nothing for hours without a day', () => {
    expect(receptionDaysText(['wed'], null)).to.equal('每星期三接待')
    expect(receptionDaysText([], { from: '8:30', to: '11:30' })).to.equal(null)
  })
})
