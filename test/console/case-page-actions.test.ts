import { expect } from 'chai'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsolePage } from './harness.js'

/**
 * 张国华, clerk of 建设路街道代表联络站, works through her messages. On one a deputy holds she is
 * offered 改派, 不予受理, 合并, 上报澜江区人大办 (it leaves him: review 37) and 催办; on one handled again
 * (重新办理) only 改派 and 催办. On one waiting in her queue she writes why she hands it up, while 陈明亮
 * of the district office gives it to a deputy: pressing 确认上报 she reads who has it now, her reason is
 * still there, and only her second 确认 takes it from him. A message she merged says which message
 * carries it and who handles that one.
 */
describe('console: the case page offers only what the server will do', function () {
  this.timeout(120_000)
  const story = useConsole()

  const clerk = () => story.app.login((l) => l.username === 'zhangguohua')
  async function write(text: string) {
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101' }) // 光明社区, 建设路街道代表联络站
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { ...(sent.body as { id: string; ticket: string; deputyId: string | null }), resident }
  }
  async function deputyOf(id: string) {
    const office = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    return (await office.get(`/api/admin/cases/${id}`)).body.deputyId as string
  }
  const buttons = async (page: ConsolePage) => (await page.locator('.actions button').allInnerTexts()).map((t) => t.trim())
  async function open(page: ConsolePage, c: { id: string; ticket: string }) {
    await page.goto(`/console/cases/${c.id}`)
    await page.getByRole('heading', { name: `留言 ${c.ticket}` }).waitFor()
  }

  it('offers 上报 on a message a deputy holds, and neither 不予受理 nor 合并 once it is handled again', async () => {
    const held = await write('光明社区3号楼前的路灯坏了半个月，晚上出门看不见路')
    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, held)
    await page.getByRole('button', { name: '催办', exact: true }).waitFor()
    expect(await buttons(page)).to.deep.equal(['改派给其他代表', '不予受理', '与相似留言合并', '上报澜江区人大办', '催办'])
    await screenshot(page, 'case-page-actions-held')

    const deputy = await asDeputy(story.app, await deputyOf(held.id))
    expect((await deputy.post(`/api/mp/deputy/cases/${held.id}/reply`, { text: '已联系供电所，本周五前修好路灯，请您留意。' })).status).to.equal(200)
    expect((await held.resident.post(`/api/mp/cases/${held.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await held.resident.post(`/api/mp/cases/${held.id}/reopen`, { reason: '路灯还是不亮' })).status).to.equal(200)
    await open(page, held)
    await page.locator('.toolbar').getByText('重新办理').waitFor()
    await page.getByRole('button', { name: '催办', exact: true }).waitFor()
    expect(await buttons(page)).to.deep.equal(['改派给其他代表', '催办'])
    await screenshot(page, 'case-page-actions-reopened')
    expect(page.problems).to.deep.equal([])
  })

  it('says who has it now when the office placed it meanwhile, keeps her reason, and takes it from him only on her next 确认', async () => {
    const c = await write('光明社区和隔壁街道交界处的排水沟堵了，两边都说不归自己管')
    // The deputy routing chose hands it back: it waits in her station's queue.
    const deputyId = await deputyOf(c.id)
    const deputy = await asDeputy(story.app, deputyId)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '涉及两个街道，请站里协调' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, c)
    await page.getByRole('button', { name: '上报澜江区人大办' }).click()
    const reason = '涉及建设路和马庄两个街道，需要区里协调'
    await page.getByPlaceholder(/上报原因/).fill(reason)

    const organizer = story.app.login((l) => l.username === 'chenmingliang')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    expect((await office.post(`/api/admin/cases/${c.id}/assign`, { deputyId })).status).to.equal(200)

    await page.getByRole('button', { name: '确认上报' }).click()
    const said = page.getByRole('alert').filter({ hasText: '请看一下再决定' })
    await said.waitFor()
    const holder = (await story.app.liaison.store.deputies.get(deputyId))!.name
    expect(await said.innerText()).to.include(`这条留言刚刚已分派给${holder}代表，请看一下再决定。您写的上报原因还在，没有提交`)
    expect(await page.getByPlaceholder(/上报原因/).inputValue(), 'her reason is kept').to.equal(reason)
    await screenshot(page, 'case-page-actions-refused')
    // Nothing was taken from him; seeing him now, her next 确认 hands it up from his hands.
    expect((await office.get(`/api/admin/cases/${c.id}`)).body.handledBy.deputy).to.equal(holder)
    await page.getByRole('button', { name: '确认上报' }).click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    expect((await office.get(`/api/admin/cases/${c.id}`)).body).to.deep.include({ deputyId: null, stationId: null })
    expect(page.problems).to.deep.equal([])
  })

  it('finds a message she handed up by its number, saying where it went, and nothing of another station', async () => {
    const c = await write('光明社区和马庄交界的断头路两边都不管，晚上没有路灯')
    const deputy = await asDeputy(story.app, await deputyOf(c.id))
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '涉及两个街道，请站里协调' })).status).to.equal(200)
    const number = c.ticket.slice(-4)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await open(page, c)
    await page.getByRole('button', { name: '上报澜江区人大办' }).click()
    await page.getByPlaceholder(/上报原因/).fill('涉及两个街道，需要区里协调')
    await page.getByRole('button', { name: '确认上报' }).click()
    await page.getByRole('heading', { name: '留言办理' }).waitFor()

    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(number)
    await box.press('Enter')
    const said = page.getByTestId('handed-up')
    await said.waitFor()
    expect(await said.innerText())
      .to.include(`编号 ${c.ticket} 的留言已于`)
      .and.include('由本站上报')
      .and.include('现在：还在等')
      .and.not.include('断头路')
    await page.getByText('本站的列表里没有这个编号的留言').waitFor()
    expect(await page.getByText(`最近 90 天没有编号为 ${number} 的留言`).count(), 'not "no such message"').to.equal(0)
    await screenshot(page, 'case-page-actions-handed-up-search')

    // Another station's clerk searching the same number is told nothing of it.
    const other = story.app.logins.find((l) => l.role === 'station_staff' && l.username !== clerk().username)!
    const elsewhere = await new Client(story.app.baseUrl).login(other.username, other.password)
    const theirs = await elsewhere.get(`/api/admin/cases?q=${number}`)
    expect(theirs.body.handedUp.map((h: { ticket: string }) => h.ticket)).not.to.include(c.ticket)
    expect(page.problems).to.deep.equal([])
  })

  it('names the message a merged one was folded into and who handles that one', async () => {
    const carrier = await write('光明社区菜市场门口下水道堵了，污水漫到路上')
    const duplicate = await write('菜市场门口的下水道又堵了，走路都要绕')
    const office = await new Client(story.app.baseUrl).login(clerk().username, clerk().password)
    expect((await office.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
    const carrierDeputy = (await office.get(`/api/admin/cases/${carrier.id}`)).body.handledBy.deputy as string

    const page = await newPage(story.browser, story.app)
    const asked: string[] = []
    page.on('request', (r) => asked.push(r.url()))
    await logInAs(page, clerk())
    await open(page, duplicate)
    const facts = page.locator('.facts').first()
    // Its 办理代表 row names that message's deputy in short words, once on the page, the number in one piece.
    const deputyRow = facts.getByTestId('merged-deputy')
    expect(await deputyRow.innerText()).to.equal(`${carrierDeputy}代表（随留言 ${carrier.ticket} 办理）`)
    for (const ticket of await facts.locator('.ticket').all())
      expect(await ticket.evaluate((el) => el.getClientRects().length), 'a ticket on one line, never "20261205-" / "0004"').to.equal(1)
    expect(await facts.locator('.ticket').count(), 'said in 办理代表 only').to.equal(1)
    expect(await buttons(page), 'nothing left to do on it').to.deep.equal([])
    // No 相似留言 offered as if it were still open: the card says which message it went with, and leads there.
    const card = page.getByTestId('merged-card')
    await card.waitFor()
    expect(await card.innerText()).to.include(`已并入留言 ${carrier.ticket} 合并办理`)
    expect((await page.locator('.t-card__title').allInnerTexts()).filter((t) => t.startsWith('相似留言'))).to.deep.equal([])
    expect(
      asked.filter((u) => u.includes('/merge-choices')),
      'nothing to merge with is looked for',
    ).to.deep.equal([])
    // Its 联络站 row still names its station (the tag, the card and the timeline say the merge), not the merge a fifth time.
    expect(await facts.getByTestId('case-place').innerText()).to.equal('建设路街道代表联络站')
    expect(await facts.innerText()).not.to.include('已并入')
    await screenshot(page, 'case-page-actions-merged')
    await page.getByRole('link', { name: `已并入 ${carrier.ticket}` }).click()
    await page.getByRole('heading', { name: `留言 ${carrier.ticket}` }).waitFor()
    await page
      .getByText(/^相似留言/)
      .first()
      .waitFor()
    await page.goBack()
    await page.getByRole('heading', { name: `留言 ${duplicate.ticket}` }).waitFor()
    await card.getByRole('link', { name: carrier.ticket }).click()
    await page.getByRole('heading', { name: `留言 ${carrier.ticket}` }).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('finds a message moved to another station by its number, saying where it went and when, and nothing of it', async () => {
    const c = await write('光明社区幼儿园门口的减速带坏了，车开得飞快')
    const cases = story.app.liaison.store
    const home = (await cases.cases.get(c.id))!.stationId
    // 陈明亮 of the district office gives it to a deputy who serves another station only.
    const organizer = story.app.login((l) => l.username === 'chenmingliang')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    let movedTo: string | null = null
    for (const station of (await cases.stations.list()).filter((s) => s.id !== home)) {
      const other = (await cases.deputies.listByStation(station.id)).find((d) => d.active && !d.stationIds.includes(home!))
      if (!other) continue
      const moved = await office.post(`/api/admin/cases/${c.id}/assign`, { deputyId: other.id })
      if (moved.status === 200) {
        movedTo = moved.body.handledBy.station as string
        break
      }
    }
    expect(movedTo, 'moved to another station of the district').to.be.a('string')

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk())
    await page.goto('/console/cases')
    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(c.ticket.slice(-4))
    await box.press('Enter')
    const said = page.getByTestId('handed-up')
    await said.waitFor()
    expect(await said.innerText())
      .to.include(`编号 ${c.ticket} 的留言已于`)
      .and.include(`转给${movedTo}办理`)
      .and.not.include('减速带')
      .and.not.include('由本站上报')
    await page.getByText('它已不由本站办理，去向见上方说明。').waitFor()
    await screenshot(page, 'case-page-actions-moved-away-search')
    expect(page.problems).to.deep.equal([])
  })
})
