import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asDeputy, Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/** Picks a file in the dialog that 上传附件 opens, as the clerk does. */
async function uploadThrough(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '上传附件' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: PDF })
}

/**
 * The clerk adds the inspection outline to a published inspection and ticks 通知参会人员：新增会议材料 (offered only
 * once she has added a paper, and never for a draft, whose publishing tells everything). After saving she reads to how
 * many the notice goes, the deputy on leave left out; once the inspection is over, a tick is refused in words.
 */
describe('console: new papers of a published meeting, told when the clerk ticks 通知参会人员：新增会议材料', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('offers the tick only for papers added to a published meeting, says how many were told, and says why not once it is over', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const api = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const now = story.app.clock.now().getTime()
    const created = await api.post('/api/admin/meetings', {
      title: '全国人大代表专题视察',
      kind: 'inspection',
      // Begins in half an hour, over an hour later: the refusal below needs it over before the session idles out.
      startAt: new Date(now + 30 * 60_000).toISOString(),
      endAt: new Date(now + 90 * 60_000).toISOString(),
      place: '市民中心三楼',
      attachments: [{ name: '视察方案', url: 'https://rd.example.gov.cn/files/plan.pdf' }],
      selector: { levels: ['national'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const id = created.body.id
    expect((await api.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
    const invited = (await api.get(`/api/admin/meetings/${id}/invitees`)).body.items.map((i: { personId: string }) => i.personId)
    expect(invited.length, 'the demo city has more than one national deputy').to.be.greaterThan(1)
    const away = invited[0]
    expect((await (await asDeputy(story.app, away)).post(`/api/mp/meetings/${id}/rsvp`, { response: 'leave', reason: '外出学习' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.goto(`/console/meetings/${id}`)
    await page.getByRole('heading', { name: /全国人大代表专题视察/ }).waitFor()
    await page.getByRole('button', { name: '修改会议' }).click()
    const edit = page.locator('.t-dialog', { hasText: '修改会议' })
    const tick = edit.locator('[data-test=tell-new-papers]')
    await edit.getByPlaceholder('如：市人大常委会第一会议室').waitFor()
    expect(await tick.count(), 'no paper added yet: nothing to tell').to.equal(0)

    await uploadThrough(page, '视察提纲.pdf')
    await edit.locator('[data-test=attachment]').getByText('视察提纲.pdf').waitFor()
    expect((await tick.innerText()).replace(/\s+/g, ' ').trim()).to.equal(
      '通知参会人员：新增会议材料 勾选后，除已请假的人员外，每位参会人员会收到一条「会议材料已更新」消息，列出这次新增的 1 份材料',
    )
    await tick.getByText('通知参会人员：新增会议材料').click()
    await dialogShown(page)
    await tick.scrollIntoViewIfNeeded()
    await screenshot(page, 'console-meeting-new-papers-tick', { window: true })
    await edit.getByRole('button', { name: '保存修改' }).click()

    const told = invited.length - 1
    await page.getByText(`已保存修改；新增材料的通知正在发送给 ${told} 位参会人员（已请假的不通知）`, { exact: true }).waitFor()
    await page.locator('[data-test=meeting-attachments-shown]').getByRole('link', { name: '视察提纲.pdf' }).waitFor()
    await screenshot(page, 'console-meeting-new-papers-told')
    const papers = async () =>
      (await story.app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.papers' })).items.filter((m) => m.dedupeKey.includes(id))
    const sent = await papers()
    expect(sent.map((m) => m.recipientId).sort(), 'everyone but the deputy on leave, once').to.deep.equal(invited.filter((d: string) => d !== away).sort())
    expect((sent[0].payload as { text: string }).text).to.include('新增材料《视察提纲》')

    // Over now: a paper may still be put up, but nobody is told of it any more, and the clerk reads why.
    story.app.clock.set(new Date(now + 100 * 60_000))
    await page.reload()
    await page.getByRole('button', { name: '修改会议' }).click()
    await uploadThrough(page, '视察情况小结.pdf')
    await edit.locator('[data-test=attachment]').getByText('视察情况小结.pdf').waitFor()
    await tick.getByText('通知参会人员：新增会议材料').click()
    await edit.getByRole('button', { name: '保存修改' }).click()
    await edit.locator('[data-test=edit-error]').getByText('会议已结束，不再通知参会人员新增材料', { exact: true }).waitFor()
    await screenshot(page, 'console-meeting-new-papers-ended', { window: true })
    expect(await papers(), 'nobody told again').to.have.length(told)
    expect(
      (await api.get(`/api/admin/meetings/${id}`)).body.attachments.map((a: { name: string }) => a.name),
      'nothing saved',
    ).to.deep.equal(['视察方案', '视察提纲.pdf'])

    // A draft's papers all go out with its notice when it is published: no tick is offered.
    const draft = await api.post('/api/admin/meetings', {
      title: '代表小组活动',
      kind: 'deputy_activity',
      startAt: new Date(now + 2 * 86_400_000).toISOString(),
      endAt: new Date(now + 2 * 86_400_000 + 2 * 3_600_000).toISOString(),
      place: '市民中心三楼',
      selector: { levels: ['national'] },
    })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    await page.goto(`/console/meetings/${draft.body.id}`)
    await page.getByRole('heading', { name: /代表小组活动/ }).waitFor()
    await page.getByRole('button', { name: '修改会议' }).click()
    await uploadThrough(page, '活动方案.pdf')
    await edit.locator('[data-test=attachment]').getByText('活动方案.pdf').waitFor()
    expect(await tick.count(), 'a draft tells all its papers when published').to.equal(0)
    expect(page.problems).to.deep.equal([])
  })
})
