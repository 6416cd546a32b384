import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * At the door of a station's reception day, half an hour before it starts, the clerk opens 登记到会 for one of its
 * deputies; before she confirms it, the office moves him to another station. She is told in the dialog why nothing
 * is recorded and what to do if he is to come after all; his row then says 已调到… and offers no 登记到会 or 登记请假,
 * saying why in words.
 */
describe('console: no 补签 for a deputy moved away from the meeting’s station', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('refuses it in the dialog in words, and his row says why instead of offering it', async () => {
    const { app } = story
    const snapshot = await app.liaison.store.directory.snapshot()
    const here = snapshot.stations.find((s) => s.id === 'st001')!
    const there = snapshot.stations.find((s) => s.id !== here.id)!
    const [moving] = snapshot.deputies.filter((d) => d.active && d.stationIds.length === 1 && d.stationIds[0] === here.id)
    const admin = app.login((l) => l.role === 'admin')
    const office = await new Client(app.baseUrl).login(admin.username, admin.password)
    const startAt = new Date(app.clock.now().getTime() + 30 * 60_000) // check-in opened half an hour ago
    const created = await office.post('/api/admin/meetings', {
      title: `${here.name}接待日`,
      kind: 'reception_day',
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 2 * 3_600_000).toISOString(),
      place: here.name,
      agenda: '',
      attachments: [],
      selector: { stationIds: [here.id] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)

    const page = await newPage(story.browser, app)
    await logInAs(page, admin)
    await page.goto(`/console/meetings/${created.body.id}`)
    const rowOf = (name: string) => page.locator('[data-test=rsvp-table] tbody tr', { hasText: name })
    await rowOf(moving.name).getByRole('button', { name: '登记到会' }).click()
    const dialog = page.locator('.t-dialog', { hasText: `为${moving.name}登记到会（补签）` })
    await dialog.waitFor()

    // The office moves him while the dialog is open.
    const moved = await office.patch(`/api/admin/deputies/${moving.id}`, { stationIds: [there.id] })
    expect(moved.body, JSON.stringify(moved.body)).to.include({ meetingsWithdrawn: 1 })
    await dialog.getByRole('button', { name: '确定登记' }).click()
    const refusal = dialog.locator('[data-test=entry-error]')
    await refusal.waitFor()
    expect(await refusal.innerText()).to.equal(
      `${moving.name}已调到${there.name}，不在本次会议名单中，不能登记到会。如仍请这位代表参会，请先点“增加参会人员”重新加入名单，再登记到会`,
    )
    await screenshot(page, 'console-meeting-entry-moved-away-refused')
    await dialog.getByRole('button', { name: '取消' }).click()

    await page.reload()
    const row = rowOf(moving.name)
    await row.locator('[data-test=withdrawn]').getByText(`已调到${there.name}`).waitFor()
    expect(await row.locator('[data-test=withdrawn-entry]').innerText()).to.equal(
      `已调到${there.name}，不在本次会议名单中，不能登记到会或请假。如仍请这位代表参会，请先点“增加参会人员”重新加入名单`,
    )
    expect(await row.getByRole('button', { name: /登记到会|登记请假/ }).count(), 'nothing to record for him').to.equal(0)
    await screenshot(page, 'console-meeting-entry-moved-away')
    expect(page.problems).to.deep.equal([])
  })
})
