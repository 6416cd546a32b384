import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { TOPIC_RETRAIN_JOB } from '../../src/jobs/topic-retrain-job.js'

describe('the nightly topic retraining', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('retrains every office with corrections, and the next message there is classified by what staff taught it', async () => {
    const resident = await asResident(app)
    const text = '每天晚上都有人在小区广场放音乐跳舞'
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区里的广场上晚上有人放音乐跳舞', regionId: 'c010101' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const before = (await lina.get(`/api/admin/cases/${c.id}`)).body.topic
    expect(before).to.not.equal('社区治理')
    expect((await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '社区治理' })).status).to.equal(200)

    const job = app.liaison.jobs.find((j) => j.name === TOPIC_RETRAIN_JOB)!
    expect(job.schedule).to.equal('40 2 * * *')
    app.clock.set(new Date('2026-11-23T18:40:00Z'))
    expect(await job.run()).to.deep.equal({ offices: 1 })
    expect(await app.liaison.store.topicCorrections.latestTrainings()).to.deep.equal([
      { office: 'd01', trainedAt: new Date('2026-11-23T18:40:00Z'), upTo: new Date('2026-11-23T18:40:00Z'), corrections: 1, trainedBy: null },
    ])

    const { body: next } = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010102' })
    expect((await (await asAdmin(app)).get(`/api/admin/cases/${next.id}`)).body.topic).to.equal('社区治理')
  })

  it('picks up a retraining another instance made', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区里的广场上晚上有人放音乐跳舞', regionId: 'c010101' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    await lina.put(`/api/admin/cases/${c.id}/topic`, { topic: '社区治理' })
    // As the other instance would: the same store, its own models.
    const { TopicModels } = await import('../../src/services/topics/topic-models.js')
    const config = app.liaison.config.business
    const other = new TopicModels(app.liaison.store, app.clock, { topics: config.topics, keywords: config.topicKeywords, reloadMs: 0 })
    expect((await other.forOffice('d01'))('每天晚上都有人在小区广场放音乐跳舞').topic).to.not.equal('社区治理')
    await app.liaison.services.topicModels.retrain('d01', 'sf03')
    expect((await other.forOffice('d01'))('每天晚上都有人在小区广场放音乐跳舞').topic).to.equal('社区治理')
  })
})
