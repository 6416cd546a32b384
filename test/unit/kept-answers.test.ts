import { expect } from 'chai'
import { KeptAnswers } from '../../src/services/cases/kept-answers.js'
import type { PreparedDirectory } from '../../src/services/directory/directory-cache.js'

const names = {} as PreparedDirectory

describe('kept report answers', () => {
  it('gives an answer again while the mark and the names stay, and not after either changed', () => {
    const kept = new KeptAnswers<string>(8)
    kept.keep('by station', 'm1', names, '3,000 个联络站')
    expect(kept.get('by station', 'm1', names)).to.equal('3,000 个联络站')
    expect(kept.get('by station', 'm2', names), 'a case was written since').to.equal(undefined)
    expect(kept.get('by station', 'm1', {} as PreparedDirectory), 'the directory was reloaded').to.equal(undefined)
  })

  it('lets go of every answer kept under an older mark as soon as one is kept under a newer: they are never given again', () => {
    const kept = new KeptAnswers<string>(8)
    kept.keep('admin by deputy', 'm1', names, '100,000 位代表的排名')
    kept.keep('organizer by deputy', 'm1', names, '3,000 位代表的排名')
    expect(kept.held).to.equal(2)
    kept.keep('admin by station', 'm2', names, '3,000 个联络站')
    expect(kept.held, 'only the answer under the new mark').to.equal(1)
    expect(kept.get('admin by station', 'm2', names)).to.equal('3,000 个联络站')
  })

  it('keeps at most its size, the least recently kept let go first', () => {
    const kept = new KeptAnswers<number>(2)
    kept.keep('a', 'm', names, 1)
    kept.keep('b', 'm', names, 2)
    kept.keep('c', 'm', names, 3)
    expect([kept.get('a', 'm', names), kept.get('b', 'm', names), kept.get('c', 'm', names)]).to.deep.equal([undefined, 2, 3])
  })
})
