import { expect } from 'chai'
import { seedDemoCampaign } from '../../src/demo/demo-campaign.js'
import { seedDemoQuiz } from '../../src/demo/demo-quiz.js'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

describe('demo quiz', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('seeds a campaign quiz of ten valid questions on the Deputies Law that a resident can take, once', async () => {
    const { store, services } = app.liaison
    const campaign = await seedDemoCampaign(store, services, app.clock.now())
    const quiz = await seedDemoQuiz(store, services, app.clock.now())
    expect(quiz).to.include({ campaignId: campaign!.id, title: '代表法知识竞赛', drawCount: 5 })
    const pool = await store.quizzes.questions(quiz!.id)
    expect(pool).to.have.length(10)
    expect(pool.every((q) => q.explanation.includes('代表法') || q.explanation.includes('联络站'))).to.equal(true)
    const resident = await asResident(app)
    const paper = await resident.post(`/api/mp/quizzes/${quiz!.id}/attempts`)
    expect(paper.status).to.equal(201)
    expect(paper.body.questions).to.have.length(5)
    expect(await seedDemoQuiz(store, services, app.clock.now()), 'a restart seeds nothing').to.equal(null)
  })
})
