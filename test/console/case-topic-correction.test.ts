import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole, type DemoLogin } from './harness.js'

const HOUR = 3_600_000

/**
 * An organizer opens a message its deputy has let pass its reply deadline, already urged today by the
 * station's staff: the page shows the red 已超期 tag and the line saying who urged it. She corrects
 * its topic (更正主题); the page shows the new topic and the step in the timeline, and still the
 * deadline tag and the urge line, without her reading the page again.
 */
describe('console: 更正主题 on a message past its deadline', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('keeps the deadline tag and the 催办 line on the page after the topic is corrected', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '小区南门外的人行道砖翘起来了，老人走路容易绊倒', deputyCode: deputy.code })
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201)
    const { id, ticket } = submitted.body as { id: string; ticket: string }
    story.app.clock.advance(40 * 24 * HOUR) // left waiting past its reply deadline (15 working days)

    // Staff who may act on it: the station's, who urge the deputy, and an organizer, who opens the page.
    const whoSees = async (role: string) => {
      for (const login of story.app.logins.filter((l) => l.role === role)) {
        const client = await new Client(story.app.baseUrl).login(login.username, login.password)
        if ((await client.get(`/api/admin/cases/${id}`)).status === 200) return { login, client }
      }
      return null
    }
    const station = await whoSees('station_staff')
    expect(station, "staff of the deputy's station").not.to.equal(null)
    expect((await station!.client.post(`/api/admin/cases/${id}/urge`, {})).status).to.equal(200)
    const organizer = (await whoSees('organizer'))?.login
    expect(organizer, 'an organizer who may act on it').not.to.equal(undefined)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer!)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    const deadlineTag = page.getByText(/^已超期 \d+ 天$/)
    await deadlineTag.waitFor()
    const lateText = await deadlineTag.innerText()
    const urgedLine = page.getByText(new RegExp(`^今天 (?:1?\\d|2[0-3]):\\d{2} 已由${station!.login.name}催办，明天可再次催办$`))
    await urgedLine.waitFor()
    // 为什么分到这里 in a clerk's words: the deputy by name (no code), the words that decided the topic
    // (whole words, no "的人行"), and no percentage of 把握.
    const why = await page.locator('.reasons').innerText()
    expect(why).to.include(`来自代表二维码：${deputy.name}代表`).and.not.include(deputy.code)
    expect(why).to.include('依据：人行道').and.not.include('的人行').and.not.include('把握')
    const whyCard = page.locator('.t-card').filter({ hasText: '为什么分到这里' })
    expect(await whyCard.innerText(), 'nothing changed since it came in').to.not.include('以上是收到留言时的分派依据')

    const before = (await story.app.liaison.store.cases.get(id))!.topic
    const wanted = before === '交通出行' ? '城乡建设' : '交通出行'
    await page.getByRole('button', { name: '更正主题' }).click()
    await page.getByLabel('正确的主题').click()
    await page.getByRole('listitem').filter({ hasText: wanted }).click()
    await page.getByRole('button', { name: '确认更正' }).click()
    await page.getByText('主题已更正').waitFor()
    await page.getByRole('button', { name: '确认更正' }).waitFor({ state: 'hidden' })
    await page.getByLabel('办理经过').getByText(`主题由「${before}」改为「${wanted}」`).waitFor()

    expect(await deadlineTag.isVisible(), 'the deadline tag is still there').to.equal(true)
    expect(await deadlineTag.innerText()).to.equal(lateText)
    expect(await urgedLine.isVisible(), 'and the line saying it was urged today').to.equal(true)
    expect(await page.getByRole('button', { name: '催办', exact: true }).count(), 'no button to urge again today').to.equal(0)
    expect(await page.locator('.t-descriptions').innerText()).to.include(wanted)
    expect(await whyCard.innerText(), '为什么分到这里 says the topic changed since').to.include(`以上是收到留言时的分派依据；主题后来已更正为「${wanted}」。`)
    expect((await story.app.liaison.store.cases.get(id))!.topic).to.equal(wanted)
    await screenshot(page, 'case-topic-correction')
    expect(page.problems).to.deep.equal([])
  })

  /**
   * A resident's message, opened by an organizer who may act on it, with the 更正主题 dialog open and
   * the wanted topic picked, but not yet confirmed; and an admin's client to act meanwhile.
   */
  async function pickingATopic() {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '菜市场门口每天早上堵车，公交车进不去', deputyCode: deputy.code })
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201)
    const { id, ticket } = submitted.body as { id: string; ticket: string }
    let organizer: DemoLogin | null = null
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const client = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await client.get(`/api/admin/cases/${id}`)).status === 200) organizer ??= login
    }
    const admin = story.app.login((l) => l.role === 'admin')
    const colleague = await new Client(story.app.baseUrl).login(admin.username, admin.password)
    expect(organizer, 'an organizer who may act on it').not.to.equal(null)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer!)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    const before = (await story.app.liaison.store.cases.get(id))!.topic
    const wanted = before === '交通出行' ? '城乡建设' : '交通出行'
    await page.getByRole('button', { name: '更正主题' }).click()
    await page.getByLabel('正确的主题').click()
    await page.getByRole('listitem').filter({ hasText: wanted }).click()
    return { page, id, before, wanted, colleague }
  }

  it('corrected to the same topic by someone else while her dialog was open: she is told so and sees the message as it is now', async () => {
    const { page, id, before, wanted, colleague } = await pickingATopic()

    // Meanwhile a colleague corrects it to the same topic.
    expect((await colleague.put(`/api/admin/cases/${id}/topic`, { topic: wanted })).status).to.equal(200)
    await page.getByRole('button', { name: '确认更正' }).click()
    await page.getByText(`留言主题已是「${wanted}」，刚有人更正过。页面已更新为它现在的情况`).waitFor()
    await page.getByRole('button', { name: '确认更正' }).waitFor({ state: 'hidden' })
    await page.getByLabel('办理经过').getByText(`主题由「${before}」改为「${wanted}」`).waitFor()
    expect(await page.locator('.t-descriptions').innerText()).to.include(wanted)
    await screenshot(page, 'case-topic-corrected-meanwhile')
    expect(page.problems).to.deep.equal([])
  })

  it('corrected to another topic by someone else while her dialog was open: hers does not overwrite it, she is told which it is now', async () => {
    const { page, id, before, wanted, colleague } = await pickingATopic()
    const colleagues = before === '环境保护' ? '医疗卫生' : '环境保护'

    // Meanwhile a colleague corrects it to another topic.
    expect((await colleague.put(`/api/admin/cases/${id}/topic`, { topic: colleagues })).status).to.equal(200)
    await page.getByRole('button', { name: '确认更正' }).click()
    await page.getByText(`这条留言的主题刚被改为「${colleagues}」，没有再更正。请看一下现在的主题是否还需要更正。页面已更新`).waitFor()
    await page.getByRole('button', { name: '确认更正' }).waitFor({ state: 'hidden' })
    await page.getByLabel('办理经过').getByText(`主题由「${before}」改为「${colleagues}」`).waitFor()
    expect(await page.locator('.t-descriptions').innerText()).to.include(colleagues)
    expect((await story.app.liaison.store.cases.get(id))!.topic, 'hers overwrote nothing').to.equal(colleagues)
    await screenshot(page, 'case-topic-changed-meanwhile')
    expect(page.problems).to.deep.equal([])
  })
})
