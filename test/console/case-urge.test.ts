import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const HOUR = 3_600_000

/**
 * An organizer of the district office opens a message its deputy has let pass its deadline and
 * presses him (催办) with a word of her own: she is told the deputy will be reminded, and the
 * timeline shows who urged whom and what she wrote. Trying again the same day, she reads the
 * server's own words: already urged today, when and by whom.
 */
describe('console: 催办 on a message that waits on its deputy', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('urges the deputy once, shows the step in the timeline, and shows the refusal of a second urge the same day', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '小区东门的路灯坏了半个月，晚上出行很不方便', deputyCode: deputy.code })
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201)
    const { id, ticket } = submitted.body as { id: string; ticket: string }
    story.app.clock.advance(8 * 24 * HOUR) // left waiting for days

    // The first organizer of the office whose district the message is in.
    let organizer = null
    for (const login of story.app.logins.filter((l) => l.role === 'organizer')) {
      const office = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await office.get(`/api/admin/cases/${id}`)).status === 200) {
        organizer = login
        break
      }
    }
    expect(organizer, 'an organizer who may act on it').not.to.equal(null)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, organizer!)
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    await page.getByRole('button', { name: '催办', exact: true }).click()
    await page.getByText(`${deputy.name}代表会收到催办提醒`).waitFor()
    await page.getByPlaceholder(/如：请尽快联系群众并答复/).fill('群众反映多次，请今天内联系')
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText('已催办，代表会收到提醒').waitFor()

    const timeline = page.getByLabel('办理经过')
    await timeline.getByText(`请${deputy.name}代表尽快办理`).waitFor()
    const steps = await timeline.innerText()
    expect(steps).to.include('催办').and.include(`${organizer!.name}（人大常委会办公室）`).and.include('群众反映多次，请今天内联系')
    const told = (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === id)
    expect(told.map((m) => m.recipientId)).to.deep.equal([deputy.id])
    await screenshot(page, 'case-urge')

    await page.getByRole('button', { name: '催办', exact: true }).click()
    await page.getByRole('button', { name: '确认催办' }).click()
    await page.getByText(new RegExp(`已由${organizer!.name}催办过，每条留言每天只能催办一次`)).waitFor()
    await page.getByRole('button', { name: '确认催办' }).waitFor({ state: 'hidden' })
    await screenshot(page, 'case-urge-refused')
    expect((await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === id)).to.have.length(1)
    expect(page.problems).to.deep.equal([])
  })
})
