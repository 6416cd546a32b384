import { expect } from 'chai'
import { readdirSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/** A one-page PDF as a scanner writes it, small. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)
/** A Windows program: what a clerk's computer may hold under a harmless name. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)])
/** The start of an older Office file (a compound file), holding a stream of the given name. */
const compoundFile = (stream: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)])

/** A zip of stored (uncompressed) entries: the shape of a .docx, .xlsx or .pptx. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text)
    const fileName = Buffer.from(name)
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt32LE(crc32(data), 14)
    header.writeUInt32LE(data.length, 18)
    header.writeUInt32LE(data.length, 22)
    header.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(header, fileName, data)
    centrals.push(central, fileName)
    offset += header.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 2, 8)
  end.writeUInt16LE(centrals.length / 2, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
const officeFile = (part: string, type: string) =>
  zipOf({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${type}.main+xml"/></Types>`,
    [part]: '<?xml version="1.0"?><document/>',
  })

/**
 * The office puts the meeting's papers on the meeting itself: a clerk uploads the agenda from
 * the meeting form, and every deputy invited opens it on the phone from the backend's own
 * address (the only one WeChat lets the mini-program download from), for a while, under its own
 * name. Nobody else opens it, whatever address they got hold of.
 */
describe('a meeting’s papers, uploaded by the office and opened by those invited', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const upload = (client: Client, bytes: Buffer, name: string, type = 'application/pdf') => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    return client.post('/api/admin/meeting-files', form)
  }
  const open = (path: string, bearer?: string) => fetch(app.baseUrl + path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {})
  const keptFiles = () => {
    try {
      return readdirSync(app.liaison.services.meetingFiles.dir).length
    } catch {
      return 0
    }
  }

  async function publishedWith(attachments: Array<{ name: string; url: string }>) {
    const created = await office.post('/api/admin/meetings', meetingBody({ attachments }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const published = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    return created.body.id as string
  }

  it('an invited deputy downloads the very agenda the clerk uploaded, under its name, from the backend', async () => {
    const uploaded = await upload(office, PDF, '会议议程（第十次会议）.pdf')
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201)
    expect(uploaded.body).to.include({ name: '会议议程（第十次会议）.pdf', type: 'application/pdf', size: PDF.length })
    expect(uploaded.body.url).to.match(/^\/api\/mp\/meeting-files\/[\w-]{22}\.pdf$/)

    const link = { name: '会场位置图', url: 'https://rd.example.gov.cn/files/map.png' }
    const id = await publishedWith([{ name: uploaded.body.name, url: uploaded.body.url }, link])

    const zhang = await asDeputy(app, 'dp0001')
    const [paper, map] = (await zhang.get(`/api/mp/meetings/${id}`)).body.attachments
    expect(paper.name).to.equal('会议议程（第十次会议）.pdf')
    expect(paper.url.startsWith(`${uploaded.body.url}?`), 'a link on the backend itself').to.equal(true)
    expect(map, 'a link to another site is shown as before').to.deep.equal(link)

    const answer = await open(paper.url)
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('content-type')).to.equal('application/pdf')
    expect(Buffer.from(await answer.arrayBuffer())).to.deep.equal(PDF)
    const disposition = answer.headers.get('content-disposition') ?? ''
    expect(disposition).to.match(/^inline; filename="attachment\.pdf"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]), 'saved under its Chinese name').to.equal('会议议程（第十次会议）.pdf')

    // The office's own view keeps what to send back when the meeting is edited, and a link to open it.
    const staffView = (await office.get(`/api/admin/meetings/${id}`)).body.attachments
    expect(staffView[0]).to.include({ name: '会议议程（第十次会议）.pdf', url: uploaded.body.url })
    expect((await open(staffView[0].viewUrl)).status).to.equal(200)
    expect(staffView[1]).to.deep.equal({ ...link, viewUrl: link.url })
    const edited = await office.patch(`/api/admin/meetings/${id}`, {
      attachments: staffView.map(({ name, url }: { name: string; url: string }) => ({ name, url })),
    })
    expect(edited.status, 'saved back as it was given').to.equal(200)
  })

  it('saves a file named without its extension with one, so that the computer opens it', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    const uploaded = (await upload(office, png, 'IMG_0412.png', 'image/png')).body
    const id = await publishedWith([{ name: '会场位置图', url: uploaded.url }])
    const shown = (await (await asDeputy(app, 'dp0001')).get(`/api/mp/meetings/${id}`)).body.attachments[0]
    expect(shown.name).to.equal('会场位置图')
    const answer = await open(shown.url)
    expect(answer.headers.get('content-type')).to.equal('image/png')
    expect(decodeURIComponent((answer.headers.get('content-disposition') ?? '').split("UTF-8''")[1])).to.equal('会场位置图.png')
  })

  it('opens for nobody else: not a deputy who was not invited, not a bare, altered or stale link', async () => {
    const uploaded = (await upload(office, PDF, '议程.pdf')).body
    const id = await publishedWith([{ name: uploaded.name, url: uploaded.url }])
    const zhang = await asDeputy(app, 'dp0001')
    const link = (await zhang.get(`/api/mp/meetings/${id}`)).body.attachments[0].url as string

    const li = await asDeputy(app, 'dp0003')
    expect((await li.get(`/api/mp/meetings/${id}`)).status, 'the meeting is not his, and shows him nothing').to.equal(403)
    const bare = await open(uploaded.url, li.bearer!)
    expect(bare.status, 'the bare address, even signed in').to.equal(403)
    expect((await bare.json()).error).to.deep.equal({ code: 'file_link_invalid', message: '附件链接已失效，请回到会议页面重新打开附件', details: [] })
    expect((await open(link.replace('name=', 'name=x'))).status, 'another name for it').to.equal(403)
    const other = (await upload(office, PDF, '另一份.pdf')).body
    expect((await open(link.replace(uploaded.url, other.url))).status, "one file's link does not open another").to.equal(403)

    app.clock.advance(31 * 60_000)
    expect((await open(link)).status, 'after half an hour the link is spent').to.equal(403)
    const fresh = (await zhang.get(`/api/mp/meetings/${id}`)).body.attachments[0].url
    expect((await open(fresh)).status, 'opening the meeting again gives a fresh one').to.equal(200)
  })

  it('refuses a program named .pdf (415) and a file over 20 MB (413) in words, and keeps neither', async () => {
    const before = keptFiles()
    const program = await upload(office, EXE, '会议议程.pdf')
    expect(program.status).to.equal(415)
    expect(program.body.error).to.deep.equal({ code: 'unsupported_media_type', message: '只能上传 PDF、Word、Excel、PPT 或图片', details: [] })
    const huge = await upload(office, Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), '扫描件.pdf')
    expect(huge.status).to.equal(413)
    expect(huge.body.error).to.deep.equal({ code: 'payload_too_large', message: '文件太大，最大 20 MB', details: [] })
    expect(keptFiles()).to.equal(before)

    const lina = await asStaff(app, 'lina')
    expect((await upload(lina, PDF, '议程.pdf')).status, 'station staff do not run meetings').to.equal(403)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await upload(zhang, PDF, '议程.pdf')).status, 'nor do deputies').to.equal(401)
  })

  it('takes Word, Excel and PowerPoint files and pictures by what they are, whatever they are called', async () => {
    const taken = async (bytes: Buffer, name: string) => {
      const answer = await upload(office, bytes, name, 'application/octet-stream')
      return answer.status === 201 ? `${answer.body.type} ${answer.body.url.split('.').pop()}` : `${answer.status}`
    }
    const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    expect(await taken(officeFile('word/document.xml', WORD), '通知.docx')).to.equal(`${WORD} docx`)
    const EXCEL = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    expect(await taken(officeFile('xl/workbook.xml', EXCEL), '名单')).to.equal(`${EXCEL} xlsx`)
    const SLIDES = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    expect(await taken(officeFile('ppt/presentation.xml', SLIDES), '汇报.pptx')).to.equal(`${SLIDES} pptx`)
    expect(await taken(compoundFile('WordDocument'), '旧通知.doc')).to.equal('application/msword doc')
    expect(await taken(compoundFile('Workbook'), '旧名单.xls')).to.equal('application/vnd.ms-excel xls')
    expect(await taken(compoundFile('SummaryInformation'), '安装包.msi'), 'a compound file that is no document').to.equal('415')
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    expect(await taken(PNG, '会场.png')).to.equal('image/png png')
    expect(await taken(Buffer.from('<html><script>alert(1)</script></html>'), '议程.pdf')).to.equal('415')
  })

  it("attaches only the clerk's own uploads; a colleague's already on the meeting stays when it is edited", async () => {
    const sunli = await asStaff(app, 'sunli')
    const hers = (await upload(sunli, PDF, '孙丽的材料.pdf')).body
    const refused = await office.post('/api/admin/meetings', meetingBody({ attachments: [{ name: '材料.pdf', url: hers.url }] }))
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({ code: 'unknown_file', message: '附件文件无效，请重新上传' })
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.attachments[0].url', message: '找不到这个上传的文件' }])
    const madeUp = await office.post(
      '/api/admin/meetings',
      meetingBody({ attachments: [{ name: '材料.pdf', url: '/api/mp/meeting-files/AAAAAAaaaaaaaaaaaaaaaa.pdf' }] }),
    )
    expect(madeUp.status).to.equal(422)

    const theirs = await sunli.post('/api/admin/meetings', meetingBody({ selector: { levels: ['city'] }, attachments: [{ name: hers.name, url: hers.url }] }))
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)
    const mine = (await upload(office, PDF, '补充材料.pdf')).body
    const both = [
      { name: hers.name, url: hers.url },
      { name: mine.name, url: mine.url },
    ]
    const edited = await office.patch(`/api/admin/meetings/${theirs.body.id}`, { attachments: both })
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)
    expect(edited.body.attachments.map((a: { name: string }) => a.name)).to.deep.equal(['孙丽的材料.pdf', '补充材料.pdf'])
  })
})
