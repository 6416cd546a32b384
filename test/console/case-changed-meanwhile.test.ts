import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * 张国华 has a message open. While she reads it, 陈明亮 of the district office decides it
 * himself (不予受理). When she then confirms her own 不予受理, she is told that someone else
 * has just handled it, and the page shows the message as it is now: 不予受理, his reason in
 * the timeline, and no buttons for moves it no longer allows — not her stale page inviting her
 * to try again. The dialog stays to say so, without its confirm button, her reason still in it
 * to copy, until she closes it.
 */
describe('console: a message changed by someone else while it is open', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  it('says so, keeps her reason without a way to retry, and shows the message as it is now', async () => {
    const resident = await asResident(story.app)
    const submitted = await resident.post('/api/mp/cases', { text: '光明社区有人在楼道里堆放杂物，存在消防隐患', regionId: 'c010101' })
    expect(submitted.status).to.equal(201)
    const { id, ticket } = submitted.body as { id: string; ticket: string }

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.goto(`/console/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    await page.getByRole('button', { name: '不予受理' }).click()
    await page.getByPlaceholder(/该事项属于法院审理范围/).fill('属于物业管理事项，请联系物业')

    const organizer = story.app.login((l) => l.username === 'chenmingliang')
    const office = await new Client(story.app.baseUrl).login(organizer.username, organizer.password)
    expect((await office.post(`/api/admin/cases/${id}/reject`, { reason: '已由街道安全办现场处理' })).status).to.equal(200)

    await page.getByRole('button', { name: '确认不予受理' }).click()
    await page.getByRole('alert').filter({ hasText: '刚有人办理过' }).waitFor()
    expect(await page.getByPlaceholder(/该事项属于法院审理范围/).inputValue(), 'what she wrote is kept').to.equal('属于物业管理事项，请联系物业')
    const timeline = page.getByLabel('办理经过')
    await timeline.getByText('已由街道安全办现场处理').waitFor()
    // 陈明亮 directs 澜江区's office: named by it, not a bare 人大常委会办公室.
    expect(await timeline.innerText()).to.include(`${organizer.name}（澜江区人大常委会办公室）`)
    // The dialog of a move no longer possible offers no retry, only 关闭.
    await page.getByRole('button', { name: '确认不予受理' }).waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: '关闭' }).click()
    await page.getByPlaceholder(/该事项属于法院审理范围/).waitFor({ state: 'hidden' })
    expect(await page.locator('.toolbar').first().innerText()).to.include('不予受理')
    expect(await page.getByRole('button', { name: '不予受理' }).count(), 'no buttons for moves the message no longer allows').to.equal(0)
    await screenshot(page, 'case-changed-meanwhile')
    expect(page.problems).to.deep.equal([])
  })
})
