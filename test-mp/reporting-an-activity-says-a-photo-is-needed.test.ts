import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 报告履职活动 is not sent without a photo. 张伟 reads that by the photos before he fills in the
 * form — "至少 1 张" — not only from the refusal after he taps 提交审核.
 */
describe('mini-program: reporting an activity says up front that a photo is needed', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('labels the photos 至少 1 张，最多 3 张', async () => {
    await phoneOfZhang(app)
    const form = await openPage('pages/records/report')
    expect(form.text()).to.include('活动照片（至少 1 张，最多 3 张）')
  })
})
