import { expect } from 'chai'
import { ConflictError, NotFoundError } from '../../src/errors.js'
import { inWords } from '../../src/services/conflict-texts.js'
import { StoreConflict } from '../../src/store/conflicts.js'

describe('conflicts: adapters name them by code, the service layer words them once', () => {
  it('words a store conflict for the person, keeping its code and details', () => {
    const worded = inWords(new StoreConflict('attempts_used_up', [{ path: 'quizId', message: 'qz-1' }], { allowed: 3 }))
    expect(worded).to.be.instanceOf(ConflictError)
    expect(worded).to.include({ code: 'attempts_used_up', message: '每人最多答题 3 次，您的次数已用完' })
    expect(worded.details).to.deep.equal([{ path: 'quizId', message: 'qz-1' }])
    expect(inWords(new StoreConflict('quiz_started', [], { frozen: 'draw' })).message).to.equal('已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比')
  })

  it('leaves every other error as it is', () => {
    const own = new ConflictError('留言已在该代表名下')
    expect(inWords(own)).to.equal(own)
    const missing = new NotFoundError('留言不存在')
    expect(inWords(missing)).to.equal(missing)
  })
})
