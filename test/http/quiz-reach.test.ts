import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { quizWithBank } from '../helpers/quizzes.js'

/**
 * Before 确认发布 the organizer reads how many people her quiz will reach (as a survey's dialog
 * says 会请 N 位代表填写): the number publish then tells, counted the same way.
 */
describe("a quiz's reach, counted before it is published", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const told = async (quizId: string) =>
    new Set(
      (await app.liaison.store.outbox.search({ limit: 500, kind: 'quiz.published' })).items
        .filter((m) => JSON.stringify(m).includes(quizId))
        .map((m) => m.recipientId),
    )

  it('says how many deputies publishing will tell, and publishing tells that many', async () => {
    const office = await asAdmin(app)
    const quiz = await quizWithBank(app, office, { audience: 'deputies', draft: true })
    const reach = await office.get(`/api/admin/quizzes/${quiz.id}/reach`)
    expect(reach.status).to.equal(200)
    const inOffice = (await app.liaison.store.directory.snapshot()).deputies.filter((d) => d.active !== false).length
    expect(reach.body).to.deep.equal({ count: inOffice })
    expect(inOffice).to.be.greaterThan(0)

    expect((await office.post(`/api/admin/quizzes/${quiz.id}/publish`)).status).to.equal(200)
    expect((await told(quiz.id)).size, 'the number said is the number told').to.equal(inOffice)
  })

  it('says no number for a residents’ quiz: they are not listed one by one', async () => {
    const office = await asAdmin(app)
    const quiz = await quizWithBank(app, office, { audience: 'residents', draft: true })
    expect((await office.get(`/api/admin/quizzes/${quiz.id}/reach`)).body).to.deep.equal({ count: null })
  })

  it('refuses a district organizer the count of a city-level quiz, as publishing refuses her', async () => {
    const quiz = await quizWithBank(app, await asAdmin(app), { audience: 'deputies', draft: true })
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const reach = await sunli.get(`/api/admin/quizzes/${quiz.id}/reach`)
    const publish = await sunli.post(`/api/admin/quizzes/${quiz.id}/publish`)
    expect(publish.status).to.equal(403)
    expect(reach.status, JSON.stringify(reach.body)).to.equal(403)
    expect(reach.body.error).to.deep.include({ code: 'city_level', message: publish.body.error.message })
    expect(reach.body).to.not.have.property('count')
  })
})
