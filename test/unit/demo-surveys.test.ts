import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { seedDemoSurveys } from '../../src/demo/demo-surveys.js'
import { startApp, type TestApp } from '../helpers/app.js'

describe('the demo surveys', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: demoDirectory({ today: '2026-11-22' }) })
  })
  afterEach(() => app.close())

  it('opens a consultation on the draft greening regulation and a ballot on six projects for every deputy, only once', async () => {
    const { store, services } = app.liaison
    const now = app.clock.now()
    const [consultation, ballot] = await seedDemoSurveys(store, services, now)
    expect(consultation).to.include({ kind: 'consultation', title: '《青澜市城市绿化条例（草案）》公开征求意见' })
    expect(consultation.articles.map((a) => a.number)).to.deep.equal(['第一条', '第八条', '第十五条', '第二十二条'])
    expect(ballot).to.include({ kind: 'ballot', anonymous: true })
    expect(ballot.questions[0].options).to.have.length(6)
    expect(ballot.ballot!.rollDeputyIds).to.have.length((await store.directory.counts()).deputies)
    expect(await seedDemoSurveys(store, services, now), 'a restart adds nothing').to.deep.equal([])
  })
})
