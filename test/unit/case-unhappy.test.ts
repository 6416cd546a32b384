import { expect } from 'chai'
import { unhappyText } from '../../src/domain/case-unhappy.js'

/** The inbox line's words for a resident's low score, as the clerk reads them. */
describe('群众不满意 on the inbox line', () => {
  const rated = (rating: number) => ({ rating, comment: null, at: new Date('2026-12-01T02:00:00Z') })

  it('names a low score, and nothing for 一般 or better', () => {
    expect(unhappyText({ rating: 2, ratings: [rated(2)], reopenCount: 0 } as never)).to.equal('群众不满意 2分')
    expect(unhappyText({ rating: 3, ratings: [rated(3)], reopenCount: 0 } as never)).to.equal(null)
  })

  it('says a reopened message is one she was unhappy with, naming her score only when it was low', () => {
    expect(unhappyText({ rating: null, ratings: [rated(1)], reopenCount: 1 } as never)).to.equal('群众不满意 1分，重新办理')
    // An office that lets a 3 (一般) reopen: asking again says she was unhappy, but not "不满意 3分".
    expect(unhappyText({ rating: null, ratings: [rated(3)], reopenCount: 1 } as never)).to.equal('群众不满意，重新办理')
  })
})
