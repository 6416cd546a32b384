import { expect } from 'chai'
import { isIndexedWord, isShortNumber, parseCaseSearch, shortNumberSearch } from '../../src/domain/case-search.js'

/** What the inbox's search box makes of what staff type. */
describe('the search box: a ticket or words', () => {
  it('reads a ticket as residents quote it, with or without the dash', () => {
    expect(parseCaseSearch('20250301-0012')).to.deep.equal({ ticket: '20250301-0012' })
    expect(parseCaseSearch(' 202503010012 ')).to.deep.equal({ ticket: '20250301-0012' })
    // A busy day's 10,000th message and after: the ticket's number grows a digit.
    expect(parseCaseSearch('20250301-10002')).to.deep.equal({ ticket: '20250301-10002' })
    expect(parseCaseSearch('2025030110002')).to.deep.equal({ ticket: '20250301-10002' })
  })

  it('reads anything else as words, split on ordinary and full-width spaces, each once', () => {
    expect(parseCaseSearch('停车位')).to.deep.equal({ words: ['停车位'] })
    expect(parseCaseSearch('停车位　晚上  停车位')).to.deep.equal({ words: ['停车位', '晚上'] })
    // Almost a ticket is text: the digits may be in a message (a phone number, a house number).
    expect(parseCaseSearch('2025030100')).to.deep.equal({ words: ['2025030100'] })
    expect(parseCaseSearch('00123')).to.deep.equal({ words: ['00123'] })
  })

  it('reads a bare number of one to four digits as the number after the date, which residents are told', () => {
    expect(parseCaseSearch('0012')).to.deep.equal({ shortNumber: '0012' })
    expect(parseCaseSearch(' 2 ')).to.deep.equal({ shortNumber: '0002' })
    expect(isShortNumber('12')).to.equal(true)
    expect(isShortNumber('12a')).to.equal(false)
  })

  it("expands a short number to the tickets of the last 90 local dates, today's first, across a month's end", () => {
    const s = shortNumberSearch('0002', '2026-12-05')
    expect(s.tickets).to.have.length(90)
    expect(s.tickets.slice(0, 6)).to.deep.equal(['20261205-0002', '20261204-0002', '20261203-0002', '20261202-0002', '20261201-0002', '20261130-0002'])
    expect(s).to.include({ number: '0002', days: 90, since: '2026-09-07', until: '2026-12-05' })
    expect(s.tickets.at(-1)).to.equal('20260907-0002')
  })

  it('sends words of three characters or more to the text index, counting characters, not UTF-16 units', () => {
    expect(isIndexedWord('停车位')).to.equal(true)
    expect(isIndexedWord('路灯')).to.equal(false)
    expect(isIndexedWord('𠀀𠀀')).to.equal(false)
  })
})
