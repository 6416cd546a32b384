import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { quizOffice, quizWithAttempts } from '../helpers/quizzes.js'

/**
 * 孙丽 opens a quiz that thousands have taken: its page says 参与人数 and whether anyone has started
 * (what can no longer be changed). Both come from the same papers, read once: at a province's scale
 * each read of every paper is a noticeable wait for her page.
 */
describe('a quiz’s page reads its papers once', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  // A read count, not what she sees: a guard of the page's speed (her numbers held before the single read too).
  it('guards the read count: one read of the papers says both 参与人数 and 已有人开始答题', async () => {
    const [wang, zhao, li] = [await asResident(app), await asResident(app), await asResident(app)]
    const { quiz } = await quizWithAttempts(app, sunli, { handedIn: [wang, zhao], started: [li] })
    const repo = app.liaison.store.quizzes
    const read = repo.attempts.bind(repo)
    let reads = 0
    repo.attempts = (quizId: string) => {
      reads++
      return read(quizId)
    }
    try {
      const detail = await sunli.get(`/api/admin/quizzes/${quiz.id}`)
      expect(detail.status).to.equal(200)
      expect(detail.body, 'two handed in; the third has only started').to.include({ participants: 2, started: true })
      expect(reads, 'every paper of the quiz read once').to.equal(1)
    } finally {
      repo.attempts = read
    }
  })
})
