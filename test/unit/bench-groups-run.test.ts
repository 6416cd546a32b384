import { expect } from 'chai'
import { benchQuizzes } from '../../bench/quizzes.js'
import { benchRouting } from '../../bench/routing.js'
import { benchSurveys } from '../../bench/surveys.js'

/**
 * The bench's in-process groups drive the real services, whose rules keep changing (a quiz
 * can no longer be published empty at creation, which broke the quiz group for a round and
 * cost a quiet bench run). Each runs here at a small size: it must finish and make its rows.
 * Nothing here looks at a time.
 */
describe('bench groups still run against the services as they are', function () {
  // Not a time target: room for a busy machine (the routing group compiles the topic model).
  this.timeout(120_000)

  it('the quiz group: everyone starts and submits, no submission lost', async () => {
    const { rows, lines } = await benchQuizzes(200)
    expect(rows.map((r) => r.name)).to.deep.equal(['200 quiz starts + submits, none lost'])
    expect(lines[0]).to.contain('200 submissions stored, 0 lost')
  })

  it('the survey results group counts every response', async () => {
    const { rows } = await benchSurveys(500)
    expect(rows).to.have.length.greaterThan(0)
  })

  it('the routing group routes over a small directory', async () => {
    const rows = await benchRouting({ deputies: 300, stations: 10 })
    expect(rows).to.have.length.greaterThan(0)
  })
})
