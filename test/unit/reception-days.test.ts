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
