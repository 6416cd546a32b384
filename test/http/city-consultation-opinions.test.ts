import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody } from '../helpers/surveys.js'
import { startCityAndDistrictOffice } from '../helpers/city-and-district-office.js'

/**
 * A city-level consultation followed by a district office (孙丽, 湛河区 d01): its opinions
 * list holds its own district's opinions only, as its results and its CSV do; the city's
 * office reads them all.
 */
describe('opinions of a city-level consultation seen by a district organizer', () => {
  let app: TestApp
  let city: Client
  let sunli: Client
  beforeEach(async () => ({ app, city, sunli } = await startCityAndDistrictOffice()))
  afterEach(() => app.close())

  it('lists only the opinions that came through the district, and the city sees both', async () => {
    const s = (await city.post('/api/admin/surveys', consultationBody({ title: '全市绿化条例征求意见' }))).body
    const mine = await (
      await asResident(app)
    ).post(`/api/mp/surveys/${s.id}/responses?via=ST001`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a2', text: '湛河区居民：绿地率应提高到百分之三十五' }],
    })
    expect(mine.status, JSON.stringify(mine.body)).to.equal(201)
    const theirs = await (
      await asResident(app)
    ).post(`/api/mp/surveys/${s.id}/responses?via=ST004`, { answers: { q1: 'o2' }, comments: [{ articleId: 'a2', text: '新华区居民：老旧小区难以达到' }] })
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)

    const seen = await sunli.get(`/api/admin/surveys/${s.id}/opinions`)
    expect(seen.status, JSON.stringify(seen.body)).to.equal(200)
    expect(seen.body.items.map((o: { text: string }) => o.text)).to.deep.equal(['湛河区居民：绿地率应提高到百分之三十五'])
    const all = (await city.get(`/api/admin/surveys/${s.id}/opinions`)).body.items.map((o: { text: string }) => o.text)
    expect(all).to.have.members(['湛河区居民：绿地率应提高到百分之三十五', '新华区居民：老旧小区难以达到'])
  })
})
