import { expect } from 'chai'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { localDate } from '../../src/domain/dates.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { bulkAssignOpened, writtenDaysAgo } from './clerk-inbox.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华, the clerk of the demo's 光明社区 station, reads her inbox of a morning: a message the
 * resident rated 2 says 群众不满意 2分 on its line and 只看群众不满意 lists it alone; the list says how
 * many it holds; 地点 offers her own street's places, not the city's four districts; 今天 is a date
 * choice; a message that arrives meanwhile is told (有新留言到了), not slipped in; 批量分派 lists
 * today's duty deputy first, saying 今天值班, and takes 给代表的话; the export says what it hides; and
 * 代表与值班 shows a deputy's phone on 查看电话, saying the read is recorded. A message a colleague gives to another
 * deputy while her 批量分派 dialog is open stays with him, and the answer names it.
 */
describe('console: a station clerk’s inbox, its filters, 批量分派 and 查看电话', function () {
  this.timeout(180_000)
  const story = useConsole()
  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')

  it('marks and filters 群众不满意, counts, offers her places and 今天, tells of new messages, and assigns in bulk with a note', async () => {
    const { store, services, config } = story.app.liaison
    await seedDemoCases(store, services)
    const demo = (await store.cases.listForStats({})).find((c) => c.text.startsWith('光明社区3号楼前的路灯坏了'))!
    const place = { regionId: demo.regionId! }

    // A message answered and rated 2 by its resident.
    const resident = await asResident(story.app)
    const written = await resident.post('/api/mp/cases', { text: '光明社区5号楼下水道堵了，污水漫到路上', ...place })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    const low = (await store.cases.get(written.body.id))!
    const deputy = await asDeputy(story.app, low.deputyId!)
    expect((await deputy.post(`/api/mp/deputy/cases/${low.id}/reply`, { text: '已联系物业疏通。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${low.id}/rate`, { rating: 2, comment: '还是堵' })).status).to.equal(200)

    // Today one of her station's deputies receives residents (the demo's roster starts tomorrow).
    const guohua = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const today = localDate(story.app.clock.now(), config.business.timeZone)
    const onDuty = (await store.deputies.search({ stationId: demo.stationId!, limit: 50 })).items.find((d) => d.active && d.id !== low.deputyId)!
    const duty = await guohua.patch(`/api/admin/deputies/${onDuty.id}`, {
      dutyDates: [today],
      stationId: demo.stationId,
      seenDutyDates: onDuty.dutyByStation[demo.stationId!] ?? [],
    })
    expect(duty.status, JSON.stringify(duty.body)).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/cases')
    const lowRow = page.locator('tbody tr').filter({ hasText: low.ticket })
    await lowRow.waitFor()
    expect(await lowRow.getByTestId('unhappy').innerText()).to.equal('群众不满意 2分')
    const total = await page.getByTestId('list-total').innerText()
    expect(total).to.match(/^共 \d+ 条$/)
    expect(await page.getByTestId('export-note').innerText()).to.equal('为保护群众隐私，导出的表格会隐去留言里的电话、身份证号和门牌号')
    await screenshot(page, 'inbox-clerk-list')

    // 只看群众不满意: that message alone, said in the chips and kept in the address.
    await page.getByText('只看群众不满意').click()
    await page.waitForURL(/unhappy=true/)
    await page.getByText('群众不满意', { exact: true }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('tbody tr:not(.t-table__empty-row)').length === 1)
    expect(await page.locator('tbody tr').first().innerText())
      .to.include(low.ticket)
      .and.include('群众不满意 2分')
    expect(await page.getByTestId('list-total').innerText()).to.equal('共 1 条')
    await screenshot(page, 'inbox-clerk-unhappy')
    await page.getByRole('button', { name: '清空全部筛选' }).click()
    await page.getByTestId('list-total').filter({ hasText: total }).waitFor()

    // 地点: her street and its communities, not the city's districts.
    await page.getByLabel('地点').click()
    const tree = page.locator('.t-tree').filter({ visible: true })
    await tree.waitFor()
    const shown = await tree.innerText()
    const stationPlaces = (await guohua.get('/api/admin/case-places')).body.items as Array<{ name: string; kind: string }>
    const districts = ((await guohua.get('/api/mp/regions')).body.items as Array<{ name: string }>).map((d) => d.name)
    expect(stationPlaces.map((p) => p.kind)).to.not.include('district')
    for (const p of stationPlaces) expect(shown).to.include(p.name)
    for (const d of districts) expect(shown, `another district offered: ${d}`).to.not.include(d)
    await screenshot(page, 'inbox-clerk-places')
    await page.keyboard.press('Escape')

    // 今天 among the date choices.
    await page.getByLabel('提交日期（开始）').click()
    const panel = page.locator('.t-date-range-picker__panel').filter({ visible: true })
    await panel.getByText('今天', { exact: true }).waitFor()
    await page.getByRole('heading', { name: '留言办理' }).click()
    await panel.waitFor({ state: 'hidden' })

    // A message arrives while she reads: told, with a way to see it, not slipped into her page.
    const later = await (await asResident(story.app)).post('/api/mp/cases', { text: '光明社区菜市场门口积水严重', ...place })
    expect(later.status).to.equal(201)
    expect(await page.locator('tbody tr').filter({ hasText: later.body.ticket }).count()).to.equal(0)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await page.getByTestId('new-arrived').waitFor()
    expect(await page.getByTestId('new-arrived').innerText()).to.include('有新留言到了')
    await screenshot(page, 'inbox-clerk-new-arrived')
    await page.getByRole('button', { name: '查看新留言' }).click()
    await page.locator('tbody tr').filter({ hasText: later.body.ticket }).waitFor()
    await page.getByTestId('new-arrived').waitFor({ state: 'detached' })

    // 批量分派: today's duty deputy first, saying why; one note for both messages.
    const row = (ticket: string) => page.locator('tbody tr').filter({ hasText: ticket })
    await row(later.body.ticket).locator('.t-checkbox').click()
    await row(demo.ticket).locator('.t-checkbox').click()
    await page.getByText('已选 2 条').waitFor()
    await page.getByRole('button', { name: '批量分派给代表' }).click()
    const options = page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option')
    await options.first().waitFor()
    expect(await page.getByTestId('picker-order').innerText()).to.equal('今天值班的代表和擅长此类问题的代表排在前面。')
    const dutyOption = options.filter({ hasText: '今天值班' })
    expect(await dutyOption.count()).to.equal(1)
    expect(await dutyOption.locator('strong').innerText()).to.equal(onDuty.name)
    // First, or second after one of the message's topic: no deputy without a reason stands before her.
    const heads = await options.locator('.choice-head').allInnerTexts()
    const at = heads.findIndex((h) => h.includes('今天值班'))
    expect(
      heads.slice(0, at).every((h) => h.includes('擅长此类问题')),
      JSON.stringify(heads.slice(0, at + 1)),
    ).to.equal(true)
    await dutyOption.click()
    await page.getByTestId('bulk-note').locator('textarea').fill('两处都在光明社区，请一起去看看')
    await screenshot(page, 'inbox-clerk-bulk-assign')
    await page.getByRole('button', { name: '分派', exact: true }).click()
    await page.getByText('已分派 2 条').waitFor()
    for (const id of [later.body.id as string, demo.id]) {
      // 'transferred' when it leaves another deputy's hands, 'assigned' from the station's queue.
      const assigned = (await store.cases.events(id)).filter((e) => e.type === 'assigned' || e.type === 'transferred').at(-1)!
      expect(assigned.note, id).to.equal('两处都在光明社区，请一起去看看')
      expect((await store.cases.get(id))!.deputyId).to.equal(onDuty.id)
    }
    expect(page.problems).to.deep.equal([])
  })

  it('批量分派 leaves a message a colleague just gave to another deputy with him, and says so by its number', async () => {
    const { lamp, crossing } = await writtenDaysAgo(story.app, {
      lamp: ['光明社区东门的路灯坏了，晚上很黑', 0],
      crossing: ['光明社区小学门口没有斑马线，孩子过马路危险', 0],
    })
    const { store } = story.app.liaison
    const [shown, other] = [(await store.cases.get(lamp.id))!, (await store.cases.get(crossing.id))!]
    const free = (await store.deputies.listByStation(shown.stationId!)).filter((d) => d.active && d.id !== shown.deputyId && d.id !== other.deputyId)
    const [colleagues, hers] = [free[0]!, free[1]!]
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/cases')
    await page.locator('tbody tr').filter({ hasText: lamp.ticket }).waitFor()
    await bulkAssignOpened(page, [lamp.ticket, crossing.ticket])
    await page.getByRole('listbox', { name: '可分派的代表' }).getByRole('option').filter({ hasText: hers.name }).click()

    // While her dialog is open, the district office gives the lamp to another deputy.
    const organizer = story.app.login((l) => l.role === 'organizer')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    const moved = await office.post(`/api/admin/cases/${lamp.id}/assign`, { deputyId: colleagues.id, fromDeputyId: shown.deputyId })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    await page.getByRole('button', { name: '分派', exact: true }).click()
    const holder = shown.deputyId
      ? `已改由${colleagues.name}代表办理（您选的时候是${(await store.deputies.get(shown.deputyId))!.name}代表）`
      : `已分派给${colleagues.name}代表`
    const said = `已分派 1 条。1 条没有成功：${lamp.ticket}：这条留言刚刚${holder}，这次没有分派`
    await page.locator('.t-message').filter({ hasText: said }).waitFor()
    await screenshot(page, 'bulk-assign-leaves-a-colleagues-move')
    expect([(await store.cases.get(lamp.id))!.deputyId, (await store.cases.get(crossing.id))!.deputyId]).to.deep.equal([colleagues.id, hers.id])
    expect(page.problems).to.deep.equal([])
  })

  it('shows a deputy’s phone on 查看电话 in 代表与值班, and says the read is recorded', async () => {
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk(), '/deputies')
    const offered = page
      .locator('tbody tr')
      .filter({ has: page.getByRole('button', { name: '查看电话' }) })
      .first()
    await offered.waitFor()
    const name = (await offered.locator('td').first().locator('div').first().innerText()).trim()
    // Found again by name: once the number shows, the row no longer has the button.
    const first = page.locator('tbody tr').filter({ has: page.locator('td').first().getByText(name, { exact: true }) })
    await first.getByRole('button', { name: '查看电话' }).click()
    await first.getByTestId('phone-shown').waitFor()
    expect(await first.getByTestId('phone-shown').innerText()).to.match(/^1\d{10}$/)
    expect(await first.innerText()).to.include('已记入操作记录')
    await screenshot(page, 'deputies-phone')

    const guohua = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    const audit = await guohua.get('/api/admin/audit?action=deputy.phone.read')
    if (audit.status === 200) expect(JSON.stringify(audit.body)).to.include(name)
    else {
      const admin = await new Client(story.app.baseUrl).login(
        story.app.login((l) => l.role === 'admin').username,
        story.app.login((l) => l.role === 'admin').password,
      )
      const seen = await admin.get('/api/admin/audit?action=deputy.phone.read')
      expect(seen.status).to.equal(200)
      expect(JSON.stringify(seen.body)).to.include(name)
    }
    expect(page.problems).to.deep.equal([])
  })
})
