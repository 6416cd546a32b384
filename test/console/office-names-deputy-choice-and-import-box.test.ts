import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client } from '../helpers/app.js'
import { dialogShown, logInAs, newPage, screenshot, shownOptions, useConsole } from './harness.js'

/**
 * The console says whose office it means, and says no more than it must: 张国华 hands a message up to 澜江区人大办 by
 * that name; the city office's 在…办 filter names every district's office and the city's; 陈明亮 of 澜江区, given the
 * number of a 澜东区 message, reads that it is outside her district, not 没有这个编号. 何芳, clerk of
 * two stations, picks among the deputies of both in the inbox's 代表 filter. A sheet of new deputies lists the rest
 * of the roster as left out, plainly, not as a warning.
 */
describe('console: office names, a two-station clerk’s deputies, and a plain import report', function () {
  this.timeout(180_000)
  const story = useConsole()

  async function write(text: string, regionId: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('names the district office on 上报, and every office on the city office’s 在…办 filter', async () => {
    const clerk = story.app.login((l) => l.username === 'zhangguohua')
    const c = await write('光明社区和隔壁街道交界处的排水沟堵了，两边都说不归自己管', 'c010101') // 建设路街道, 澜江区
    const office = await new Client(story.app.baseUrl).login(clerk.username, clerk.password)
    const deputy = await asDeputy(story.app, (await office.get(`/api/admin/cases/${c.id}`)).body.deputyId)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '涉及两个街道，请站里协调' })).status).to.equal(200)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk, `/cases/${c.id}`)
    await page.getByRole('button', { name: '上报澜江区人大办' }).click()
    const dialog = page.locator('.t-dialog', { hasText: '上报澜江区人大常委会办公室' })
    await dialog.getByText('上报后，这条留言由澜江区人大办分派，不再在本站的列表中。').waitFor()
    // Its example of a reason names the office too, not a fixed 区里 (review 36, finding 16).
    await dialog.getByPlaceholder('上报原因，例如：涉及多个街道，需要澜江区人大办协调', { exact: true }).waitFor()
    await dialogShown(page)
    await screenshot(page, 'hand-up-names-the-district-office', { window: true })
    await dialog.getByRole('button', { name: '取消' }).click()
    expect(page.problems).to.deep.equal([])

    const city = await newPage(story.browser, story.app)
    await logInAs(
      city,
      story.app.login((l) => l.role === 'admin'),
      '/cases?atOffice=true',
    )
    // The demo city has 云岭县 beside its 区: a county's office is a 县's, so 各区县, never a fixed 各区.
    await city.locator('.chips').getByText('在各区县人大办和市人大办（联络站上报，或没有联络站）').waitFor()
    expect(city.problems).to.deep.equal([])
  })

  it('tells a district organizer that a number is outside her district, never its words, and no number-less 拨打', async () => {
    const c = await write('滨河社区菜市场门口垃圾堆放没人清运', 'c020101') // 滨河街道, 澜东区
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'chenmingliang'),
      '/cases',
    ) // 澜江区
    const box = page.getByPlaceholder('输入留言内容或编号查找')
    await box.fill(c.ticket)
    await box.press('Enter')
    const said = page.getByTestId('number-elsewhere')
    await said.waitFor()
    expect(await said.innerText())
      .to.include('您辖区的列表里没有这个编号的留言')
      .and.include(`编号为 ${c.ticket} 的留言在您辖区以外的联络站或人大办的列表里，不归您办理，您看不到它的内容。`)
      .and.not.include('拨打')
      .and.not.include('菜市场')
    await screenshot(page, 'organizer-number-outside-her-district')
    expect(page.problems).to.deep.equal([])
  })

  it('offers a clerk of two stations the deputies of both in the inbox’s 代表 filter, and no other’s', async () => {
    const { store } = story.app.liaison
    const stations = (await store.stations.list()).slice(0, 3)
    const [first, second, third] = await Promise.all(stations.map((s) => store.deputies.listByStation(s.id)))
    const only = (list: typeof first, others: (typeof first)[]) => list.find((d) => d.active && others.every((o) => !o.some((x) => x.id === d.id)))!
    const [ofFirst, ofSecond, ofThird] = [only(first, [second, third]), only(second, [first, third]), only(third, [first, second])]

    const admin = await asAdmin(story.app)
    const created = await admin.post('/api/admin/staff', {
      name: '何芳',
      username: 'hefang',
      role: 'station_staff',
      stationIds: [stations[0].id, stations[1].id],
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const firstLogin = await new Client(story.app.baseUrl).login('hefang', created.body.initialPassword)
    const changed = await firstLogin.post('/api/admin/me/password', { currentPassword: created.body.initialPassword, newPassword: 'hefang-own-2026' })
    expect(changed.status, JSON.stringify(changed.body)).to.be.oneOf([200, 204])

    const page = await newPage(story.browser, story.app)
    await logInAs(page, { username: 'hefang', password: 'hefang-own-2026' }, '/cases')
    await page.getByRole('heading', { name: '留言办理' }).waitFor()
    await page.getByLabel('代表', { exact: true }).click()
    const offered = await shownOptions(page, (texts) => [ofFirst, ofSecond].every((d) => texts.some((t) => t.startsWith(`${d.name}（`))))
    expect(
      offered.some((t) => t.startsWith(`${ofFirst.name}（${stations[0].name}`)),
      JSON.stringify(offered),
    ).to.equal(true)
    expect(
      offered.some((t) => t.startsWith(`${ofSecond.name}（${stations[1].name}`)),
      JSON.stringify(offered),
    ).to.equal(true)
    expect(
      offered.some((t) => t.startsWith(`${ofThird.name}（`)),
      'a deputy of a station not hers',
    ).to.equal(false)
    await screenshot(page, 'two-station-clerk-deputy-choice')
    await page.keyboard.press('Escape')
    expect(page.problems).to.deep.equal([])
  })

  it('lists the roster a sheet of new deputies left out plainly, not as a warning', async () => {
    const station = (await story.app.liaison.store.stations.list())[0]
    const sheet = ['代表代码,姓名,层级,所属联络站,关注领域,电话,值班日期', `DP9101,韩梅,市人大代表,${station.name},,,`].join('\r\n') + '\r\n'
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.role === 'admin'),
      '/directory/import',
    )
    await page.getByLabel('名册文件').setInputFiles({ name: '代表名册.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-report]').getByText('导入完成：新增代表 1 位；其他没有改动。', { exact: true }).waitFor()
    const people = page.locator('[data-test=import-people]')
    await people.getByText('这次只新增了人员，下面原有的人员不在名册里，不用处理').waitFor()
    await people.locator('[data-test=import-deputies-left-out]').waitFor()
    const look = (await people.getAttribute('class')) ?? ''
    expect(look, 'not a warning')
      .to.include('t-alert--info')
      .and.not.match(/warning/)
    expect(await people.innerText()).not.to.include('请核对')
    await screenshot(page, 'import-new-deputies-left-out-plainly')
    expect(page.problems).to.deep.equal([])
  })
})
