import { expect } from 'chai'
import type { SurveyRepo } from '../../src/store/survey-ports.js'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody } from '../helpers/surveys.js'
import { startCityAndDistrictOffice } from '../helpers/city-and-district-office.js'

const csvText = (body: unknown) => Buffer.from(body as Buffer).toString('utf8')

/**
 * 孙丽, organizer of 湛河区 (d01), follows the city's consultation and downloads its 采纳情况表: it lists the
 * opinions given in her district, as her opinions page does. The store is asked for her district's part a page at
 * a time; it never hands over every opinion of the city and every answer for them to be sorted here.
 */
describe('采纳情况表 of a city-level consultation, as a district organizer downloads it', () => {
  let app: TestApp
  let city: Client
  let sunli: Client
  beforeEach(async () => ({ app, city, sunli } = await startCityAndDistrictOffice()))
  afterEach(() => app.close())

  it('lists her district’s opinions, read as her part from the store', async () => {
    const s = (await city.post('/api/admin/surveys', consultationBody({ title: '全市绿化条例征求意见' }))).body
    const comment = async (via: string, text: string) =>
      expect(
        (await (await asResident(app)).post(`/api/mp/surveys/${s.id}/responses?via=${via}`, { answers: { q1: 'o1' }, comments: [{ articleId: 'a2', text }] }))
          .status,
      ).to.equal(201)
    await comment('ST001', '湛河区居民：绿地率应提高到百分之三十五')
    await comment('ST004', '新华区居民：老旧小区难以达到')

    const surveys = app.liaison.store.surveys as SurveyRepo
    const asked: string[] = []
    const { opinions, responses } = surveys
    surveys.opinions = (id, filter) => (asked.push('every opinion'), opinions.call(surveys, id, filter))
    surveys.responses = (id) => (asked.push('every answer'), responses.call(surveys, id))
    let hers: string
    try {
      hers = csvText((await sunli.get(`/api/admin/surveys/${s.id}/opinions.csv`)).body)
    } finally {
      Object.assign(surveys, { opinions, responses })
    }
    expect(hers).to.contain('第十二条,湛河区居民：绿地率应提高到百分之三十五,').and.not.contain('新华区居民')
    expect(asked, 'her part only, from the store').to.deep.equal([])

    const all = csvText((await city.get(`/api/admin/surveys/${s.id}/opinions.csv`)).body)
    expect(all).to.contain('湛河区居民：绿地率应提高到百分之三十五').and.contain('新华区居民：老旧小区难以达到')
  })
})
