import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { wholeDirectoryReads } from '../helpers/directory-reads.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * An organizer who holds two districts follows a city survey: with no filter he reads the
 * answers of both his districts together, and may narrow them to one; a third district's
 * answers never reach him.
 */
describe("an organizer of two districts reads a city survey's results", () => {
  let app: TestApp
  beforeEach(async () => {
    const city = meetingCity()
    city.staff.push({ id: 'sf09', name: '冯军', role: 'organizer', stationIds: [], regionIds: ['d01', 'd02'], username: 'fengjun', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** One resident answers at 湛河区's station, another at 新华区's, each with words of their own. */
  async function answerInBothDistricts(surveyId: string) {
    const answered = [
      { via: 'ST001', answers: { q1: 'o2', q2: ['a'], q3: 4, q4: '湛河区多种树' } }, // 湛河区
      { via: 'ST004', answers: { q1: 'o2', q2: ['b'], q3: 2, q4: '新华区修步道' } }, // 新华区
    ]
    for (const { via, answers } of answered)
      expect((await (await asResident(app)).post(`/api/mp/surveys/${surveyId}/responses?via=${via}`, { answers })).status).to.equal(201)
  }

  it('counts both his districts when he picks none, and one when he picks it', async () => {
    const survey = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))
    expect(survey.status, JSON.stringify(survey.body)).to.equal(201)
    await answerInBothDistricts(survey.body.id)

    const fengjun = await asStaff(app, 'fengjun')
    const read = async (path: string) => {
      const answer = await fengjun.get(`/api/admin/surveys/${survey.body.id}/${path}`)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      return answer.body
    }
    const both = await read('results')
    expect(both.responses, '湛河区 and 新华区 together, not only the first').to.equal(2)
    expect(both.questions.find((q: { questionId: string }) => q.questionId === 'q3').average).to.equal(3)
    const texts = (await read('texts?questionId=q4')).items.map((t: { text: string }) => t.text)
    expect(texts.sort()).to.deep.equal(['新华区修步道', '湛河区多种树'])

    expect((await read('results?districtId=d02')).responses, '新华区 alone').to.equal(1)
    expect((await read('texts?questionId=q4&districtId=d02')).items.map((t: { text: string }) => t.text)).to.deep.equal(['新华区修步道'])
    const outside = await fengjun.get(`/api/admin/surveys/${survey.body.id}/results?districtId=d03`)
    expect(outside.status, '卫东区 is not his').to.equal(403)
    expect(outside.body.error.code).to.equal('outside_district')
  })

  it("reads only his own districts' text answers of an anonymous city survey, whose counts are the city's", async () => {
    const survey = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ title: '全市匿名意见征集', anonymous: true }))
    expect(survey.status, JSON.stringify(survey.body)).to.equal(201)
    await answerInBothDistricts(survey.body.id)

    const sunli = await asStaff(app, 'sunli') // 湛河区 alone
    const texts = await sunli.get(`/api/admin/surveys/${survey.body.id}/texts?questionId=q4`)
    expect(texts.status, JSON.stringify(texts.body)).to.equal(200)
    expect(
      texts.body.items.map((t: { text: string }) => t.text),
      "新华区's words are not his to read",
    ).to.deep.equal(['湛河区多种树'])
    expect((await sunli.get(`/api/admin/surveys/${survey.body.id}/results`)).body.responses, 'anonymous: counted for the whole city').to.equal(2)
    const narrowed = await sunli.get(`/api/admin/surveys/${survey.body.id}/texts?questionId=q4&districtId=d02`)
    expect(narrowed.status, 'an anonymous survey is never filtered by place').to.equal(422)
    const all = await (await asAdmin(app)).get(`/api/admin/surveys/${survey.body.id}/texts?questionId=q4`)
    expect(all.body.items, 'the office reads them all').to.have.length(2)
  })

  it('reads results, text answers and the CSV again and again from the shared directory, never the whole directory per request', async () => {
    const survey = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ title: '全市绿化问卷' }))
    const answers = { q1: 'o2', q2: ['a'], q3: 4, q4: '湛河区多种树' }
    expect((await (await asResident(app)).post(`/api/mp/surveys/${survey.body.id}/responses?via=ST001`, { answers })).status).to.equal(201)
    const sunli = await asStaff(app, 'sunli') // 湛河区 alone
    const fengjun = await asStaff(app, 'fengjun')
    const paths = ['results', 'results?stationId=st001', 'results?districtId=d01', 'texts?questionId=q4', 'responses.csv']
    expect((await fengjun.get(`/api/admin/surveys/${survey.body.id}/results`)).body.responses, 'the directory read once here').to.equal(1)

    const reads = await wholeDirectoryReads(app, async () => {
      for (const who of [fengjun, sunli, fengjun])
        for (const path of paths) {
          const answer = await who.get(`/api/admin/surveys/${survey.body.id}/${path}`)
          expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).to.equal(200)
        }
      const csv = ((await fengjun.get(`/api/admin/surveys/${survey.body.id}/responses.csv`)).body as Buffer).toString('utf8')
      expect(csv, 'the station named in the sheet').to.include('联络站二维码,轻工街道代表联络站')
    })
    expect(reads, 'whole-directory reads while reading results').to.equal(0)
  })
})
