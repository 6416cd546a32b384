import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, typeDateTime, useConsole } from './harness.js'

/**
 * After publishing, the hall is changed and a deputy was forgotten. The organizer corrects the
 * place from the meeting page, is told first that everyone will hear of it, and sees the new
 * place; then invites the forgotten deputy, who appears in the answer table.
 */
describe('console: an organizer corrects a published meeting (修改会议, 增加参会人员)', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('changes the place after a warning that everyone is told, then adds a deputy who gets the notice', async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const api = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const nationals = (await story.app.liaison.store.deputies.search({ level: 'national', limit: 10 })).items
    const startAt = new Date(story.app.clock.now().getTime() + 2 * 86_400_000)
    const created = await api.post('/api/admin/meetings', {
      title: '全国人大代表专题座谈会',
      kind: 'deputy_activity',
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 2 * 3_600_000).toISOString(),
      place: '市民中心三楼',
      selector: { levels: ['national'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const meetingId = created.body.id
    expect((await api.post(`/api/admin/meetings/${meetingId}/publish`)).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.goto(`/console/meetings/${meetingId}`)
    await page.getByRole('heading', { name: /全国人大代表专题座谈会/ }).waitFor()

    // 修改会议: the form holds the meeting as it is; only the place is changed.
    await page.getByRole('button', { name: '修改会议' }).click()
    const edit = page.locator('.t-dialog', { hasText: '修改会议' })
    const place = edit.getByPlaceholder('如：市人大常委会第一会议室')
    expect(await place.inputValue()).to.equal('市民中心三楼')
    expect(await edit.getByPlaceholder('如：市人大常委会第十次会议').inputValue()).to.equal('全国人大代表专题座谈会')
    expect(await edit.getByLabel('开始时间').inputValue(), 'the start, in Beijing time, to the minute').to.match(/^\d{4}-\d\d-\d\d \d{1,2}:\d\d$/)

    // A reply deadline already past is refused, and the server's reason is shown in words.
    const yesterday = new Date(story.app.clock.now().getTime() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    await typeDateTime(edit.getByLabel('回复截止'), yesterday)
    await edit.getByRole('button', { name: '保存修改' }).click()
    // Said at 回复截止, the box to fix, not under the form; gone once that box changes.
    const deadline = edit.locator('.t-form__item', { hasText: '不填则会议开始前都可以回复' })
    await deadline.locator('.t-form-item-tips').getByText('回复截止时间已经过去，请选现在以后、会议开始以前的时间').waitFor()
    expect(await edit.locator('[data-test=edit-error]').count(), 'said once').to.equal(0)
    await typeDateTime(edit.getByLabel('回复截止'), '')
    expect(await deadline.locator('.t-form-item-tips').count()).to.equal(0)

    await place.fill('市民中心五楼第二会议室')
    await screenshot(page, 'console-meeting-edit')

    // Saving first says who will be told, and what changes.
    await edit.getByRole('button', { name: '保存修改' }).click()
    const warning = edit.locator('[data-test=change-notice-warning]')
    await warning.getByText(`全部 ${nationals.length} 位参会人员都会收到「会议变更」通知`).waitFor()
    await warning.getByText('地点：市民中心三楼 → 市民中心五楼第二会议室').waitFor()
    await screenshot(page, 'console-meeting-edit-confirm')
    const changes = async () =>
      (await story.app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.changed' })).items.filter((m) => m.dedupeKey.includes(meetingId))
    expect(await changes(), 'nothing sent before confirming').to.deep.equal([])
    await edit.getByRole('button', { name: '确定修改并通知' }).click()
    await page.getByText('已保存修改，会议变更通知正在发送给每位参会人员').waitFor()
    await page.locator('.t-descriptions').getByText('市民中心五楼第二会议室').waitFor()
    expect(await page.locator('.t-dialog', { hasText: '修改会议' }).isVisible()).to.equal(false)

    const changed = await changes()
    expect(changed.map((m) => m.recipientId).sort(), 'each invitee is told once').to.deep.equal(nationals.map((d) => d.id).sort())
    const stored = await api.get(`/api/admin/meetings/${meetingId}`)
    expect(stored.body.startAt, 'the time, shown to the minute, was not sent back').to.equal(startAt.toISOString())

    // 增加参会人员: a city deputy, found by name.
    const late = (await story.app.liaison.store.deputies.search({ level: 'city', limit: 1 })).items[0]
    await page.getByRole('button', { name: '增加参会人员' }).click()
    const add = page.locator('.t-dialog', { hasText: '增加参会人员' })
    await add.getByPlaceholder('输入姓名查找').click()
    await add.getByPlaceholder('输入姓名查找').fill(late.name)
    await page.locator('.t-select-option', { hasText: late.name }).first().click()
    await add.locator('[data-test=invitee-preview]').getByText('共 1 人（代表 1 人，工作人员 0 人）').waitFor()
    await add.getByText('新选的人会收到会议通知').click() // closes the drop-down before the picture
    await page.locator('.t-select-option', { hasText: late.name }).first().waitFor({ state: 'hidden' })
    await screenshot(page, 'console-meeting-add-invitees')
    await add.getByRole('button', { name: '邀请并发送会议通知' }).click()
    await page.getByText('已增加 1 人，会议通知正在发送').waitFor()
    const table = page.locator('[data-test=rsvp-table]')
    await table.locator('tr', { hasText: late.name }).getByText('未回复').waitFor()
    const notices = (await story.app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.notice' })).items
    expect(notices.filter((m) => m.recipientId === late.id && m.dedupeKey.includes(meetingId))).to.have.length(1)

    // Those already invited are not counted again, and the organizer is told so before sending.
    await page.getByRole('button', { name: '增加参会人员' }).click()
    await add.getByText('全国人大代表', { exact: true }).click()
    const preview = add.locator('[data-test=invitee-preview]')
    await preview.getByText('共 0 人：所选的人都已在参会名单中').waitFor()
    await add.getByRole('button', { name: '邀请并发送会议通知' }).click()
    await add.locator('[data-test=add-error]').getByText('所选的人都已在参会名单中，不会重复通知，请另选要增加的人').waitFor()
    const another = (await story.app.liaison.store.deputies.search({ level: 'city', limit: 2 })).items[1]
    await add.getByPlaceholder('输入姓名查找').click()
    await add.getByPlaceholder('输入姓名查找').fill(another.name)
    await page.locator('.t-select-option', { hasText: another.name }).first().click()
    await preview.getByText('共 1 人（代表 1 人，工作人员 0 人）').waitFor()
    expect(await add.locator('[data-test=add-error]').count(), 'the refusal of the last choice is gone').to.equal(0)
    expect(await preview.locator('[data-test=already-invited]').innerText()).to.equal(`另有 ${nationals.length} 人已在参会名单中，不会重复通知`)
    await add.getByText('新选的人会收到会议通知').click()
    await screenshot(page, 'console-meeting-add-invitees-again')
    await add.getByRole('button', { name: '邀请并发送会议通知' }).click()
    await page.getByText('已增加 1 人，会议通知正在发送').waitFor()
    await screenshot(page, 'console-meeting-corrected')
    expect(page.problems).to.deep.equal([])
  })

  it("changes a draft's invitees in 修改会议, the deputies named before shown by name, and publishing invites the new choice", async () => {
    const organizer = story.app.login((l) => l.role === 'organizer')
    const api = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    // One far down the directory: not among the first names the picker lists.
    const named = (await story.app.liaison.store.deputies.search({ limit: 1000 })).items.at(-1)!
    const cityDeputies = (await story.app.liaison.store.deputies.search({ level: 'city', limit: 500 })).items
    const startAt = new Date(story.app.clock.now().getTime() + 3 * 86_400_000)
    const created = await api.post('/api/admin/meetings', {
      title: '市人大代表视察准备会',
      kind: 'inspection',
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 3_600_000).toISOString(),
      place: '市人大常委会第一会议室',
      selector: { levels: ['national'], deputyIds: [named.id] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const meetingId = created.body.id

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer)
    await page.goto(`/console/meetings/${meetingId}`)
    await page.getByRole('heading', { name: /市人大代表视察准备会/ }).waitFor()
    await page.getByRole('button', { name: '修改会议' }).click()
    const edit = page.locator('.t-dialog', { hasText: '修改会议' })
    const people = edit.locator('[data-test=draft-people]')
    // The deputy named when the draft was made is shown by name, not by an id.
    const chosen = people.locator('.t-form__item', { hasText: '另请代表' })
    await chosen.getByText(named.name, { exact: false }).first().waitFor()
    expect(await chosen.getByText(named.id).count(), 'never the bare id').to.equal(0)
    await people.getByText('全国人大代表', { exact: true }).click()
    await people.getByText('市人大代表', { exact: true }).click()
    await people
      .locator('[data-test=invitee-preview]')
      .getByText(`共 ${new Set([...cityDeputies.map((d) => d.id), named.id]).size} 人`)
      .waitFor()
    await screenshot(page, 'console-meeting-draft-people')
    await edit.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('已保存修改').waitFor()
    expect((await api.get(`/api/admin/meetings/${meetingId}`)).body.selector).to.deep.include({ levels: ['city'], deputyIds: [named.id] })

    await page.getByRole('button', { name: '发布并通知参会人员' }).click()
    // Whom it tells is read out first: the people just chosen.
    const everyone = new Set([...cityDeputies.map((d) => d.id), named.id]).size
    await page.locator('[data-test=publish-confirm]').getByText(`会通知 ${everyone} 人（都是代表）：`).waitFor()
    await page.getByRole('button', { name: '确认发布并通知' }).click()
    const table = page.locator('[data-test=rsvp-table]')
    await table.locator('tr', { hasText: cityDeputies[0].name }).first().waitFor()
    await table.locator('tr', { hasText: named.name }).first().waitFor()
    expect(page.problems).to.deep.equal([])
  })
})
