import { expect } from 'chai'
import { drawQuestions } from '../../src/domain/quiz.js'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { nextPaperHolds, quizOffice, quizWithBank } from '../helpers/quizzes.js'

/**
 * Stories that read a 单选题 or a 多选题 ask for a paper that holds one (nextPaperHolds): the test app hands QuizTaking
 * the seed of each paper's draw, so a paper of 5 from the bank of 10 is no longer the luck of the run. Production draws
 * at random as before; here, once no seed is queued, too.
 */
describe('a quiz paper asked to hold a kind of question holds it', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('draws the paper of the seed queued for it, then at random', async () => {
    const quiz = await quizWithBank(app, sunli)
    const pool = await app.liaison.store.quizzes.questions(quiz.id)
    for (const kinds of [['multiple'], ['single', 'multiple', 'true_false']] as const) {
      const seed = await nextPaperHolds(app, quiz.id, [...kinds])
      const paper = (await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
      expect(paper.questions.map((q: { id: string }) => q.id)).to.deep.equal(drawQuestions(pool, 5, seed).questionIds)
      for (const kind of kinds)
        expect(
          paper.questions.map((q: { type: string }) => q.type),
          kind,
        ).to.include(kind)
    }
    expect(app.quizDrawSeeds, 'each seed taken by its paper').to.deep.equal([])
    const random = await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(random.status, JSON.stringify(random.body)).to.equal(201)
    expect(random.body.questions).to.have.length(5)
  })
})
