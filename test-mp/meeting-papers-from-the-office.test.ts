import { expect } from 'chai'
import { createRequire } from 'node:module'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

const require = createRequire(import.meta.url)
const { apiBase } = require('../miniprogram/config.js') as { apiBase: string }

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/**
 * The office uploaded the agenda to the meeting itself (not a link to its own website, which
 * WeChat would not download from). 张伟 taps it on the meeting's page: the phone downloads it from
 * the backend's own address, the one the mini-program may download from, and WeChat's reader
 * shows it. Tapped again an hour later, on the page he left open, it still opens.
 */
describe('mini-program: a deputy opens the agenda the office uploaded', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function meetingWithUploadedAgenda() {
    const organizer = await office(app)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '会议议程.pdf')
    const file = await created(organizer.post('/api/admin/meeting-files', form))
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ attachments: [{ name: file.name, url: file.url }] })))
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    return { id: draft.id as string, file: file as { url: string } }
  }

  it('downloads it from the backend and opens it in WeChat’s reader, also after the page was left open an hour', async () => {
    const { id, file } = await meetingWithUploadedAgenda()
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${id}`)
    expect(page.textOf('.attachment-0')).to.equal('附件：会议议程.pdf打开 ›')

    await page.tap('.attachment-0')
    expect(phone.downloads).to.have.length(1)
    expect(phone.downloads[0].startsWith(`${apiBase}${file.url}?`), 'from the backend’s own domain').to.equal(true)
    expect(phone.downloaded.map((d) => d.statusCode)).to.deep.equal([200])
    expect(phone.downloaded[0].bytes).to.deep.equal(PDF)
    const fileName = file.url.split('/').pop()
    expect(phone.documents).to.deep.equal([{ filePath: `wxfile://tmp_${fileName}`, fileType: 'pdf' }])
    expect(page.has('.attachment-note'), 'nothing wrong to say').to.equal(false)

    // The link lasts half an hour; the page does not know that, and fetches a fresh one itself.
    app.clock.advance(60 * 60_000)
    await page.tap('.attachment-0')
    expect(
      phone.downloaded.map((d) => d.statusCode),
      'the old link refused, then a fresh one',
    ).to.deep.equal([200, 403, 200])
    expect(phone.documents).to.have.length(2)
    expect(page.has('.attachment-note'), 'he sees only the agenda open').to.equal(false)
  })
})
