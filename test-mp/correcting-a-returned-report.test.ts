import { expect } from 'chai'
import type { Client } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { photoOnPhone, uploadedPhoto } from './harness/photos.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang, zhangsReturnedReport } from './office.js'

const REASON = '活动内容写得太简单，请写清楚听到了哪些意见'

/**
 * 张伟's station sends back a report he made: 修改后重新提交 opens that very report, filled in
 * as he sent it, with the station's reason and his photo still attached — he fixes the words
 * and sends it, without taking the photo again. Should the report no longer be his to correct
 * (sent again from another screen, or approved meanwhile), the page says so in plain words
 * and shows no form that would send a blank or stale report over it.
 */
describe('mini-program: correcting a report the station sent back', () => {
  let app: Backend
  let zhang: Client
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    zhang = await phoneOfZhang(app)
  })
  afterEach(() => app.close())

  /** 张伟 reports a visit from the form, with one photo; 李娜 sends it back with REASON. */
  const aReturnedReport = () => zhangsReturnedReport(app, { text: '走访居民', reason: REASON })

  /** 修改后重新提交 from 我的履职档案 (the one returned report there). */
  async function correctFromRecord(): Promise<MpPage> {
    const record = await openPage('pages/records/index')
    await record.tap('.correct')
    record.close()
    return follow()
  }

  const fileOf = (link: string) => link.split('?')[0]

  function showsNoForm(page: MpPage) {
    for (const selector of ['.submit', '.place', '.what', '#add-photo']) expect(page.has(selector), `${selector}: no form`).to.equal(false)
    expect(page.text()).not.to.include('退回理由').and.not.include('null')
  }

  it('opens the report as it was sent, its photo attached: he fixes only the words and the same photo goes back', async () => {
    const { lina, photo } = await aReturnedReport()
    const page = await correctFromRecord()
    expect(page.text()).to.include(`退回理由：${REASON}`)
    expect(page.data.place).to.equal('建设路社区')
    expect(page.data.text).to.equal('走访居民')
    expect(page.textOf('.photo-state'), 'the photo he sent is still attached').to.equal('原来的照片，已附上')
    expect(page.text()).to.include('再加一张照片')

    await page.emit('.what', 'change', { value: '走访建设路社区老旧小区，居民希望尽快加装电梯，费用分摊要公开。' })
    await page.tap('.submit')
    expect(page.text(), page.textOf('.error')).to.include('已提交，联络站工作人员审核通过后计入您的履职档案。')

    const [again] = (await lina.get('/api/admin/records/activities?status=pending')).body.items
    expect(again.text).to.include('费用分摊要公开')
    expect(again.photos.map(fileOf), 'the station sees the same photo, not a blank report').to.deep.equal([fileOf(photo)])
  })

  it('lets him take the old photo off; with none left it asks for one', async () => {
    await aReturnedReport()
    const page = await correctFromRecord()
    await page.tap('.remove-photo')
    expect(page.has('.photo-state')).to.equal(false)
    expect(page.text()).to.include('拍照或选照片').and.not.include('再加一张照片')
    await page.tap('.submit')
    expect(page.textOf('.error')).to.equal('请附一张活动照片')

    phone.photos.push(photoOnPhone('tmp_visit_clear.jpg'))
    await page.tap('#add-photo')
    expect(page.textOf('.photo-state')).to.equal('照片已上传')
    await page.tap('.submit')
    expect(page.text(), page.textOf('.error')).to.include('已提交')
  })

  it('opens a returned report that is not among his twenty newest', async () => {
    const { id } = await aReturnedReport()
    const photo = await uploadedPhoto(app, zhang)
    for (let n = 1; n <= 20; n++) {
      app.clock.advance(1000)
      await created(
        zhang.post('/api/mp/records/activities', { kind: 'reception', date: '2026-11-21', place: `第${n}次进站接待`, text: '接待群众来访', photos: [photo] }),
      )
    }
    const page = await openPage(`pages/records/report?id=${id}`)
    expect(page.data.place, 'filled in, not an empty form').to.equal('建设路社区')
    expect(page.text()).to.include(`退回理由：${REASON}`)
    expect(page.textOf('.photo-state')).to.equal('原来的照片，已附上')
  })

  it('says in words that a report sent again, or approved, needs nothing more, with no form', async () => {
    const { lina, id } = await aReturnedReport()
    const here = await correctFromRecord()
    const there = await openPage(`pages/records/report?id=${id}`)
    await there.emit('.what', 'change', { value: '走访建设路社区老旧小区，听取居民对加装电梯的意见。' })
    phone.photos.push(photoOnPhone('tmp_visit_clear.jpg'))
    await there.tap('#add-photo')
    await there.tap('.submit')
    expect(there.text()).to.include('已提交')

    const later = await openPage(`pages/records/report?id=${id}`)
    expect(later.text(), 'no reason when there is none').not.to.include('null')
    expect(later.textOf('.state')).to.equal('这条活动已经重新提交，正在等联络站审核，不用再改了。')
    showsNoForm(later)

    await here.tap('.submit')
    expect(here.textOf('.state'), 'sent from the other screen meanwhile').to.equal('这条活动已经重新提交，正在等联络站审核，不用再改了。')
    showsNoForm(here)

    await created(lina.post(`/api/admin/records/activities/${id}/review`, { decision: 'approve' }))
    const approved = await openPage(`pages/records/report?id=${id}`)
    expect(approved.textOf('.state')).to.equal('这条活动已经审核通过，计入了您的履职档案，不用再改了。')
    showsNoForm(approved)
  })

  it('says it cannot find a report that is not his, with no form', async () => {
    const page = await openPage('pages/records/report?id=ra-00000000-0000-0000-0000-000000000000')
    expect(page.textOf('.state')).to.include('找不到这条活动')
    showsNoForm(page)
    expect(page.text()).not.to.include('再试一次')
  })

  it('a link whose id is cut short says it cannot find the report, not a 再试一次 that never works', async () => {
    const page = await openPage('pages/records/report?id=ra-0000')
    expect(page.textOf('.state')).to.include('找不到这条活动')
    showsNoForm(page)
    expect(page.text()).not.to.include('再试一次').and.not.include('格式无效')
  })
})
