import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const HOUR = 3_600_000

/**
 * An organizer of the district office opens a message its deputy has let pass its deadline and
 * presses him (催办) with a word of her own: she is told the deputy will be reminded, the
 * timeline shows who urged whom and what she wrote, and the 催办 button gives way to a line
 * saying it was urged today, when and by whom, and that tomorrow it may be urged again. On
 * another message, the station's staff urge the deputy while her page is open: pressing 催办
 * she reads the server's own words (already urged today, by whom) and the page then shows the line.
 */
describe('console: 催办 on a message that waits on its deputy', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('urges the deputy once, shows the step in the timeline, and then says it was urged today in place of the button', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const submit = async (text: string) => {
      const submitted = await resident.post('/api/mp/cases', { text, deputyCode: deputy.code })
      expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201)
      return submitted.body as { id: string; ticket: string }
    }
    const { id, ticket } = await submit('小区东门的路灯坏了半个月，晚上出行很不方便')
    const other = await submit('小区西门的垃圾桶满了好几天没人清理')
    story.app.clock.advance(8 * 24 * HOUR) // left waiting for days

    // The first organizer who may act on it, and staff of the station that holds it.
    const whoSees = async (role: string) => {
      for (const login of story.app.logins.filter((l) => l.role === role)) {
        const client = await new Client(story.app.baseUrl).login(login.username, login.password)
        if ((await client.get(`/api/admin/cases/${id}`)).status === 200) return { login, client }
      }
      return null
    }
    const organizer = (await whoSees('organizer'))?.login
    expect(organizer, 'an organizer who may act on it').not.to.equal(undefined)
    const station = await whoSees('station_staff')
    expect(station, "staff of the deputy's station").not.to.equal(null)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer!)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    await page.getByRole('button', { name: '催办', exact: true }).click()
    // The demo's deputies have neither the mini-program nor the bot: no promise of a reminder that cannot arrive.
    const unreached = `${deputy.name}代表没有用小程序，也没有绑定微信助手，提醒发不到，请打电话告诉${deputy.name}代表（电话 `
    // Why stands once, in the box beside the deputy; the dialog says only what that means for 催办.
    await page.getByText(`${deputy.name}代表收不到提醒，催办只会记在办理经过里。`).waitFor()
    expect(await page.getByText(unreached).count(), 'the box alone says why').to.equal(1)
    await page.getByPlaceholder(/如：请尽快联系群众并答复/).fill('群众反映多次，请今天内联系')
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText('已催办，记在办理经过里；代表收不到提醒').waitFor()

    const timeline = page.getByLabel('办理经过')
    await timeline.getByText(`请${deputy.name}代表尽快办理`).waitFor()
    const steps = await timeline.innerText()
    // Her office by its name (the city's, or her district's), never a bare 人大常委会办公室.
    const regionIds = (await story.app.liaison.store.staff.getByUsername(organizer!.username))!.regionIds
    const office = regionIds.length ? `${(await story.app.liaison.store.regions.get(regionIds[0]))!.name}人大常委会办公室` : '市人大常委会办公室'
    expect(steps).to.include('催办').and.include(`${organizer!.name}（${office}）`).and.include('群众反映多次，请今天内联系')
    // Why it went to him, in the office's words: the resident is 群众 here; she is 您 only on her own page.
    expect(steps).to.include(`群众扫了${deputy.name}代表的二维码留言`).and.not.include('您通过')
    const told = async (caseId: string) =>
      (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === caseId)
    expect((await told(id)).map((m) => m.recipientId)).to.deep.equal([deputy.id])

    const urgedLine = (name: string) => page.getByText(new RegExp(`^今天 (?:1?\\d|2[0-3]):\\d{2} 已由${name}催办，明天可再次催办$`))
    await urgedLine(organizer!.name).waitFor()
    expect(await page.getByRole('button', { name: '催办', exact: true }).count(), 'no button to press again today').to.equal(0)
    await screenshot(page, 'case-urge')
    await page.reload()
    await urgedLine(organizer!.name).waitFor()
    expect(await page.getByRole('button', { name: '催办', exact: true }).count(), 'still none after reading the page again').to.equal(0)

    // Another message: the station's staff urge its deputy while the organizer's page is open.
    await page.goto(`/console/cases/${other.id}`)
    await page.getByRole('heading', { name: `留言 ${other.ticket}` }).waitFor()
    await page.getByRole('button', { name: '催办', exact: true }).click()
    expect((await station!.client.post(`/api/admin/cases/${other.id}/urge`, {})).status).to.equal(200)
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText(new RegExp(`已由${station!.login.name}向\\S+代表催办过，同一位代表每天只能催办一次`)).waitFor()
    await page.getByRole('button', { name: '确认催办' }).waitFor({ state: 'hidden' })
    await urgedLine(station!.login.name).waitFor()
    expect(await page.getByRole('button', { name: '催办', exact: true }).count(), 'the page shows it as it is now').to.equal(0)
    await screenshot(page, 'case-urge-refused')
    expect(await told(other.id), 'one urge only').to.have.length(1)
    expect(page.problems).to.deep.equal([])
  })
})
