import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'

/**
 * Any deputy may co-sign while a suggestion asks for co-signers, from any district: what they
 * read of the residents' messages it links is the words, never who wrote them.
 */
describe('代表建议: what a co-signing deputy reads of the residents behind it', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it("reads a linked message's opening with the resident's name and phone masked, as the lead deputy and the office do", async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '我叫张三电话13912345678，建设路路灯不亮', regionId: 'c010101', anonymous: true })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    const s = await zhang.post('/api/mp/deputy/suggestions', {
      title: '建设路加装路灯',
      body: '建设路夜间照明不足，老年人出行不便，建议统一加装路灯。',
      caseIds: [sent.body.id],
    })
    expect(s.status, JSON.stringify(s.body)).to.equal(201)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${s.body.id}/cosign-invitation`, {})).status).to.equal(200)

    const chen = await asDeputy(app, 'dp0006') // 新华区: another district, another station
    const cosigned = await chen.post(`/api/mp/deputy/suggestions/${s.body.id}/cosign`)
    expect(cosigned.status, JSON.stringify(cosigned.body)).to.equal(200)
    for (const seen of [
      cosigned.body,
      (await chen.get(`/api/mp/deputy/suggestions/${s.body.id}`)).body,
      (await zhang.get(`/api/mp/deputy/suggestions/${s.body.id}`)).body,
    ]) {
      expect(seen.cases, 'the message it rests on is still named').to.have.length(1)
      expect(seen.cases[0].title).to.include('建设')
      expect(JSON.stringify(seen.cases)).not.to.include('13912345678').and.not.include('张三')
    }
  })
})
