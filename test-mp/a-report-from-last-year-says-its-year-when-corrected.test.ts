import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { uploadedPhoto } from './harness/photos.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 张伟 reported a visit on 12月28日; the station sent it back after the new year. Opened to correct in January, its day
 * read "12月28日" and he took it for a date still to come. The form now says a day's year when it is not the office's
 * current year (the backend's today, never the phone's clock), and no year for a day of this year.
 */
describe('mini-program: a report from last year says its year when he corrects it', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  // 2029 and 2030: years the phone's clock is not in, so a form going by the phone's year would fail both halves.
  it('reads 12月28日 the year it was made; after the new year, 2029年12月28日, and a day he picks in January no year', async () => {
    app.clock.set(new Date('2029-12-29T02:00:00Z'))
    const zhang = await phoneOfZhang(app)
    const photo = await uploadedPhoto(app, zhang)
    const visit = { kind: 'research', date: '2029-12-28', place: '建设路社区', text: '走访居民', photos: [photo] }
    const { id } = await created(zhang.post('/api/mp/records/activities', visit))
    const lina = await stationStaff(app)
    await created(lina.post(`/api/admin/records/activities/${id}/review`, { decision: 'return', reason: '请写清楚听到了哪些意见' }))

    const thisYear = await openPage(`pages/records/report?id=${id}`)
    expect(thisYear.textOf('.date')).to.equal('12月28日 ›')
    thisYear.close()

    app.clock.set(new Date('2030-01-04T02:00:00Z'))
    const nextYear = await openPage(`pages/records/report?id=${id}`)
    expect(nextYear.textOf('.date')).to.equal('2029年12月28日 ›')
    await nextYear.emit('.date', 'change', { value: '2030-01-02' })
    expect(nextYear.textOf('.date'), 'a day of the office’s year needs none').to.equal('1月2日 ›')
  })

  // The phone's clock is on another day (and year) than the office's: a phone a day ahead offered tomorrow, refused.
  it('a new report starts on the office’s today, and its picker ends there, whatever the phone’s clock says', async () => {
    app.clock.set(new Date('2029-03-02T02:00:00Z'))
    await phoneOfZhang(app)
    // His record first, as he comes to the form: the office's today arrives with that answer.
    ;(await openPage('pages/records/index')).close()
    const form = await openPage('pages/records/report')
    expect(form.textOf('.date')).to.equal('3月2日 ›')
    expect(form.data.today, 'the latest day the picker offers').to.equal('2029-03-02')
  })
})
