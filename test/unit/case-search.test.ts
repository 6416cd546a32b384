import { expect } from 'chai'
import { isIndexedWord, parseCaseSearch } from '../../src/domain/case-search.js'

/** What the inbox's search box makes of what staff type. */
describe('the search box: a ticket or words', () => {
  it('reads a ticket as residents quote it, with or without the dash', () => {
    expect(parseCaseSearch('20250301-0012')).to.deep.equal({ ticket: '20250301-0012' })
    expect(parseCaseSearch(' 202503010012 ')).to.deep.equal({ ticket: '20250301-0012' })
  })

  it('reads anything else as words, split on ordinary and full-width spaces, each once', () => {
    expect(parseCaseSearch('停车位')).to.deep.equal({ words: ['停车位'] })
    expect(parseCaseSearch('停车位　晚上  停车位')).to.deep.equal({ words: ['停车位', '晚上'] })
    // Almost a ticket is text: the digits may be in a message (a phone number, a house number).
    expect(parseCaseSearch('2025030100')).to.deep.equal({ words: ['2025030100'] })
    expect(parseCaseSearch('0012')).to.deep.equal({ words: ['0012'] })
  })

  it('sends words of three characters or more to the text index, counting characters, not UTF-16 units', () => {
    expect(isIndexedWord('停车位')).to.equal(true)
    expect(isIndexedWord('路灯')).to.equal(false)
    expect(isIndexedWord('𠀀𠀀')).to.equal(false)
  })
})
