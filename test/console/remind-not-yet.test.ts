import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type ConsoleApp, type DemoLogin } from './harness.js'

const HOUR = 3_600_000

/**
 * A district organizer no longer phones ten deputies by hand: on a ballot's 投票情况 she presses
 * 提醒未参与的 N 人 and reads what happened in words — who was reminded, and whom to phone because
 * they bound no WeChat. Once today's round is sent the button is gone and the page says so in words —
 * also after a reload — instead of inviting a second press that can only be refused. On a campaign's
 * 学习进度, 提醒未读的 N 位代表 does the same for those who have not read, the figures say how many a
 * WeChat message reaches at all, and 导出未读名单 gives the list to phone down.
 */
describe('console: an organizer reminds those who have not voted or read', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(150_000)
  const story = useConsole()
  let app: ConsoleApp
  let organizer: DemoLogin
  /** The deputies of one station of her district; the first two talk to the bot, the others bound nothing. */
  let deputies: Array<{ id: string; name: string }>
  let stationId: string

  before(async () => {
    app = story.app
    const { store, services } = app.liaison
    organizer = app.login((l) => l.role === 'organizer' && l.username !== 'chenshihan')
    const district = (await store.staff.getByUsername(organizer.username))!.regionIds[0]!
    const { regions, stations, deputies: all } = await store.directory.snapshot()
    const parent = new Map(regions.map((r) => [r.id, r.parentId]))
    const inDistrict = (regionId: string): boolean => regionId === district || (parent.get(regionId) ? inDistrict(parent.get(regionId)!) : false)
    const unbound = async (id: string) => !(await store.mpUsers.listByDeputyId(id)).length
    for (const st of stations.filter((s) => s.regionIds.some(inDistrict))) {
      const here = all.filter((d) => d.active && d.stationIds[0] === st.id)
      const free: typeof here = []
      for (const d of here) if (await unbound(d.id)) free.push(d)
      if (here.length >= 4 && free.length >= 2) {
        stationId = st.id
        // The two who talk to the bot first, so that they are the ones reminded.
        deputies = [...free.slice(0, 2), ...here.filter((d) => !free.slice(0, 2).includes(d))].map((d) => ({ id: d.id, name: d.name }))
        break
      }
    }
    expect(deputies, 'a station of her district with deputies').to.have.length.of.at.least(4)
    for (const d of deputies.slice(0, 2)) {
      const { user } = await services.botPeople.resolve(`wxid_${d.id}`, null)
      await store.mpUsers.update(user.id, { deputyId: d.id })
    }
  })

  /** Notices as delivery leaves them: out to the bot (acked), undeliverable to the rest; then an hour to read them. */
  async function noticesOut() {
    const { services } = app.liaison
    await services.dispatcher.drain()
    for (const m of await services.botOutbox.lease('story', 100)) await services.botOutbox.ack('story', m.id)
    app.clock.advance(HOUR)
  }
  const queued = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 100, kind })).items
  const toCall = () =>
    deputies
      .slice(2)
      .slice(0, 10)
      .map((d) => d.name)
      .join('、') + (deputies.length - 2 > 10 ? ' 等' : '')

  it('投票情况: 提醒未参与的 N 人 says who was reminded and whom to phone, and not twice a day', async () => {
    const office = await new Client(app.baseUrl).login(organizer.username, organizer.password)
    const opens = new Date(app.clock.now().getTime() - HOUR).toISOString()
    const ballot = await office.post('/api/admin/surveys', {
      kind: 'ballot',
      title: '2027年民生实事项目代表票决',
      opensAt: opens,
      closesAt: new Date(app.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
      anonymous: true,
      questions: [
        {
          id: 'projects',
          type: 'multiple',
          title: '请选择您赞成的民生实事项目',
          required: true,
          options: [
            { id: 'p1', label: '老旧小区加装电梯' },
            { id: 'p2', label: '社区长者食堂' },
          ],
        },
      ],
      ballot: { passRule: 'roll_majority', maxChosen: null, roll: { deputyIds: deputies.map((d) => d.id) } },
    })
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)
    await noticesOut()

    const page = await newPage(story.browser, app, { acceptDownloads: true })
    await logInAs(page, organizer, `/surveys/${ballot.body.id}`)
    await page.locator('.t-tabs__nav-item', { hasText: '投票情况' }).click()
    const turnout = page.locator('[data-test=turnout]')
    await turnout.getByText(`还没有参与的 ${deputies.length} 人`).waitFor()
    await turnout.getByRole('button', { name: '导出未参与名单' }).waitFor()
    // Before a press: the button names those it reaches, the note those only a phone call reaches.
    const note = turnout.locator('[data-test=remind-note]')
    expect(await note.innerText()).to.equal(`${deputies.length - 2} 人没有绑定微信，收不到，请电话联系：${toCall()}`)
    await turnout.getByRole('button', { name: '提醒未参与的 2 人' }).click()
    const said = turnout.locator('[data-test=remind-result]')
    await said.waitFor()
    expect(await said.innerText()).to.equal(`已提醒 2 人；${deputies.length - 2} 人没有绑定微信，收不到，请电话联系：${toCall()}`)
    expect((await queued('ballot.reminder')).map((m) => m.recipientId).sort()).to.deep.equal(
      deputies
        .slice(0, 2)
        .map((d) => d.id)
        .sort(),
    )
    expect((await queued('ballot.reminder'))[0].payload.text).to.match(
      /^票决提醒：请您在\d+月\d+日 (?:1?\d|2[0-3]):\d\d 前完成《2027年民生实事项目代表票决》投票。/,
    )
    // Today's round is sent: nothing invites a second press (it could only be refused).
    expect(await turnout.locator('[data-test=remind]').count(), 'no second press today').to.equal(0)
    await screenshot(page, 'console-ballot-remind')

    const done = `今天已提醒 2 人，明天可以再提醒；${deputies.length - 2} 人没有绑定微信，收不到，请电话联系：${toCall()}`
    await said.locator('.t-alert__close').click()
    await note.getByText(done, { exact: true }).waitFor()
    // A reload (another clerk, the next visit) says the same: the server knows today's round was sent.
    await page.reload()
    await page.locator('.t-tabs__nav-item', { hasText: '投票情况' }).click()
    await note.getByText(done, { exact: true }).waitFor()
    await turnout.getByRole('button', { name: '导出未参与名单' }).waitFor()
    expect(await turnout.locator('[data-test=remind]').count(), 'no second press after a reload').to.equal(0)
    expect(await queued('ballot.reminder')).to.have.length(2)
    await screenshot(page, 'console-ballot-reminded-today')
    expect(page.problems).to.deep.equal([])
  })

  it('学习进度: 提醒未读的 N 人 reminds the deputies who have not read', async () => {
    const office = await new Client(app.baseUrl).login(organizer.username, organizer.password)
    const created = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      endsAt: new Date(app.clock.now().getTime() + 20 * 24 * HOUR).toISOString(),
      audience: { stationIds: [stationId] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const item = await office.post(`/api/admin/campaigns/${created.body.id}/items`, {
      title: '代表法要点导读',
      summary: '',
      body: '<p>代表依照法律规定……</p>',
      source: '市人大常委会代表工作室',
      required: true,
    })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    const reached = (await app.liaison.store.campaigns.reachOf(created.body.id)).filter((r) => r.personKind === 'deputy').length

    const page = await newPage(story.browser, app)
    await logInAs(page, organizer, `/campaigns/${created.body.id}`)
    await page.locator('.t-tabs__nav-item', { hasText: '学习进度' }).click()
    // Nobody has read it yet: said in words, not bars all at 0%.
    await page.locator('[data-test=nobody-read]').getByText('还没有人读完。', { exact: true }).waitFor()
    expect(await page.locator('.bar-chart').count(), 'no chart of nothing').to.equal(0)
    await page.locator('.t-radio-button', { hasText: '按人' }).click()
    // Someone who read nothing reads so, not "已读 0/1" (read as 已读).
    await page.locator('[data-test=person-read]', { hasText: '还没读' }).first().waitFor()
    expect(await page.locator('[data-test=person-read]').allInnerTexts()).to.satisfy((tags: string[]) => tags.length > 0 && tags.every((t) => t === '还没读'))
    // The figures say who a message reaches at all, not "已收到" for everyone an item was put before.
    const { totals } = (await office.get(`/api/admin/campaigns/${created.body.id}/progress`)).body
    expect(totals.unreachable, 'the two who talk to the bot are reachable').to.equal(totals.reached - 2)
    expect(await page.locator('[data-test=campaign-totals]').innerText()).to.equal(
      `已发布 1 篇；面向 ${totals.audience} 人，其中 2 人能在微信里收到消息；已读完 0 人（0%），已打卡 0 人。`,
    )
    await page.getByRole('button', { name: '导出未读名单' }).waitFor()
    await page.getByRole('button', { name: '提醒未读的 2 人' }).click()
    const said = page.locator('[data-test=remind-result]')
    await said.waitFor()
    expect(await said.innerText()).to.match(new RegExp(`^已提醒 2 人；${reached - 2} 人没有绑定微信，收不到，请电话联系：`))
    expect(await page.locator('[data-test=remind]').count(), 'no second press today').to.equal(0)
    const sent = await queued('reading.reminder')
    expect(sent.map((m) => m.recipientId).sort()).to.deep.equal(
      deputies
        .slice(0, 2)
        .map((d) => d.id)
        .sort(),
    )
    expect(sent[0].payload.text).to.match(/^学习提醒：「学习贯彻代表法」还有 1 篇必读学习材料您还没有读：《代表法要点导读》。/)
    await screenshot(page, 'console-campaign-remind')
    // By station, each row says what the top line says: for whom, and who a WeChat message reaches at all.
    await page.locator('.t-radio-button', { hasText: '按联络站' }).click()
    const row = page.locator('[data-test=group-reach]')
    await row.first().waitFor()
    expect(await row.allInnerTexts()).to.deep.equal([`${totals.audience} 人（2 人能收到微信消息，${totals.unreachable} 人没有绑定微信，请电话告知）`])
    expect(await page.locator('th').allInnerTexts(), 'no 已发给 column counting those an item was put before as told').to.not.include('已发给')
    await screenshot(page, 'console-campaign-progress-by-station')

    await page.reload()
    await page.locator('.t-tabs__nav-item', { hasText: '学习进度' }).click()
    await page
      .locator('[data-test=remind-note]')
      .getByText(new RegExp(`^今天已提醒 2 人，明天可以再提醒；${reached - 2} 人没有绑定微信，收不到，请电话联系：`))
      .waitFor()
    await page.locator('[data-test=campaign-totals]').waitFor()
    expect(await page.locator('[data-test=remind]').count(), 'no second press after a reload').to.equal(0)
    await screenshot(page, 'console-campaign-reminded-today')
    expect(page.problems).to.deep.equal([])
  })
})
