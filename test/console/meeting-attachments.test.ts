import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
/** A Windows program: what a clerk's computer may hold under a harmless name. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)])

/** "2026-12-04 09:30" in Beijing time, some days after the app's clock. */
const beijingLocal = (from: Date, days: number, hhmm: string) =>
  `${new Date(from.getTime() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)} ${hhmm}`

/** Picks a file in the dialog that 上传附件 opens, as the clerk does. */
async function uploadThrough(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '上传附件' }).click()
  await (await chooser).setFiles(file)
}

/**
 * The clerk puts the agenda on the meeting itself: in the new meeting's form she uploads it
 * with 上传附件, is told in plain words when a file cannot go (too big, not a document), sees
 * the agenda listed, saves, and finds it on the meeting's page, where it opens.
 */
describe('console: the clerk uploads the agenda in the meeting form (上传附件)', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('refuses what cannot go in words, lists the agenda uploaded, and the saved meeting carries it', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'organizer'),
    )
    await page.goto('/console/meetings/new')
    await page.getByRole('heading', { name: '新建会议' }).waitFor()
    await page.getByPlaceholder('如：市人大常委会第十次会议').fill('全国人大代表座谈会')
    await typeDateTime(page.getByLabel('开始时间'), beijingLocal(story.app.clock.now(), 3, '09:30'))
    await typeDateTime(page.getByLabel('结束时间'), beijingLocal(story.app.clock.now(), 3, '11:30'))
    await page.getByPlaceholder('如：市人大常委会第一会议室').fill('市民中心三楼')
    await page.getByText('全国人大代表', { exact: true }).click()
    await page.locator('[data-test=invitee-preview]').getByText('共 2 人（代表 2 人，工作人员 0 人）').waitFor()

    const box = page.locator('[data-test=meeting-attachments]')
    const error = box.locator('[data-test=upload-error]')
    // Refused before anything is sent: not a document, or too big.
    await uploadThrough(page, { name: '安装程序.exe', mimeType: 'application/octet-stream', buffer: EXE })
    await error.getByText('“安装程序.exe”没有上传：只能上传 PDF、Word、Excel、PPT 或图片').waitFor()
    await uploadThrough(page, { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]) })
    await error.getByText('“扫描件.pdf”没有上传：文件太大，最大 20 MB').waitFor()
    // Refused by the server, which reads what the file is: a program named like a PDF.
    await uploadThrough(page, { name: '通知.pdf', mimeType: 'application/pdf', buffer: EXE })
    await error.getByText('“通知.pdf”没有上传：只能上传 PDF、Word、Excel、PPT 或图片').waitFor()
    await screenshot(page, 'console-meeting-attachment-refused')
    expect(await box.locator('[data-test=attachment]').count(), 'nothing refused is listed').to.equal(0)

    await uploadThrough(page, { name: '会议议程（第一次座谈会）.pdf', mimeType: 'application/pdf', buffer: PDF })
    const listed = box.locator('[data-test=attachment]')
    await listed.getByText('会议议程（第一次座谈会）.pdf').waitFor()
    expect((await listed.innerText()).replace(/\s+/g, ' ').trim()).to.equal('已上传 会议议程（第一次座谈会）.pdf 删除')
    expect(await error.count(), 'the last refusal is gone').to.equal(0)
    await screenshot(page, 'console-meeting-attachment-uploaded')

    await page.getByRole('button', { name: '保存为草稿' }).click()
    await page.getByRole('heading', { name: /全国人大代表座谈会/ }).waitFor()
    const shown = page.locator('[data-test=meeting-attachments-shown]').getByRole('link', { name: '会议议程（第一次座谈会）.pdf' })
    await shown.waitFor()
    await screenshot(page, 'console-meeting-attachment-saved')
    const opened = await page.request.get((await shown.getAttribute('href'))!)
    expect(opened.status()).to.equal(200)
    expect(opened.headers()['content-type']).to.equal('application/pdf')
    expect(Buffer.from(await opened.body())).to.deep.equal(PDF)
    expect(page.problems).to.deep.equal([])
  })

  it('in 修改会议 shows the old link among the attachments, takes an upload in its place, and saves without telling anyone', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const api = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const startAt = new Date(story.app.clock.now().getTime() + 2 * 86_400_000)
    const created = await api.post('/api/admin/meetings', {
      title: '代表小组活动',
      kind: 'deputy_activity',
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 2 * 3_600_000).toISOString(),
      place: '市民中心三楼',
      attachments: [{ name: '活动方案', url: 'https://rd.example.gov.cn/files/plan.pdf' }],
      selector: { levels: ['national'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await api.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.goto(`/console/meetings/${created.body.id}`)
    await page.locator('[data-test=meeting-attachments-shown]').getByRole('link', { name: '活动方案' }).waitFor()
    await page.getByRole('button', { name: '修改会议' }).click()
    const edit = page.locator('.t-dialog', { hasText: '修改会议' })
    const listed = edit.locator('[data-test=attachment]')
    expect((await listed.innerText()).replace(/\s+/g, ' ').trim()).to.equal('网页链接 活动方案 删除')

    await uploadThrough(page, { name: '活动方案.pdf', mimeType: 'application/pdf', buffer: PDF })
    await listed.getByText('活动方案.pdf').waitFor()
    await listed.filter({ hasText: '网页链接' }).getByRole('button', { name: '删除' }).click()
    expect((await listed.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).to.deep.equal(['已上传 活动方案.pdf 删除'])
    await screenshot(page, 'console-meeting-attachment-edit')
    await edit.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('已保存修改', { exact: true }).waitFor()
    await page.locator('[data-test=meeting-attachments-shown]').getByRole('link', { name: '活动方案.pdf' }).waitFor()
    const saved = (await api.get(`/api/admin/meetings/${created.body.id}`)).body.attachments
    expect(saved.map((a: { name: string; url: string }) => a.name)).to.deep.equal(['活动方案.pdf'])
    expect(saved[0].url).to.match(/^\/api\/mp\/meeting-files\/[\w-]{22}\.pdf$/)
    const changed = (await story.app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.changed' })).items
    expect(
      changed.filter((m) => m.dedupeKey.includes(created.body.id)),
      'new papers are no change of time or place',
    ).to.deep.equal([])
    expect(page.problems).to.deep.equal([])
  })
})
