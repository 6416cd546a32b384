import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

/**
 * A station clerk's week (review 37). 王阿姨, 78, on the sixth floor of 光明社区5号楼, writes a long, polite letter about
 * the lift; two neighbours write a line each about it. 张国华 sees the three together on her message's page, merges a
 * neighbour's into hers after the dialog says plainly that a merge cannot be undone, and then reads on her message
 * what was merged into it, in 办理经过 as well, with no "没有内容相近" beside the duplicates. 热点问题 still counts
 * the three households, and says how many of them are merged.
 */
describe('console: one broken lift, three households, as the station clerk handles it (review 37)', function () {
  this.timeout(180_000)
  const story = useConsole()

  const letter =
    '代表您好！我姓王，今年七十八岁了，是光明社区5号楼的老住户，住在六楼。我们这栋楼的电梯从上个月底就坏了，到现在快半个月了，' +
    '找了物业好几次，物业说要等维修资金批下来才能修。我膝盖不好，上下六楼要歇好几回，买菜、去医院拿药都成了大难题。麻烦代表帮我们问一问，谢谢！'

  async function write(text: string) {
    const sent = await (await asResident(story.app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    story.app.clock.advance(600_000)
    return sent.body as { id: string; ticket: string }
  }

  it('shows the neighbours beside her letter, warns that a merge cannot be undone, and keeps every household counted after it', async () => {
    const auntWang = await write(letter)
    const li = await write('5号楼电梯停了半个月了，物业一直拖着不修，老人下不了楼')
    const zhou = await write('光明社区5号楼电梯坏了好久，物业一直不修，老人下不了楼')

    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    const alike = page.locator('.t-card', { has: page.locator('.t-card__title', { hasText: '相似留言' }) })

    // Her letter's page: both neighbours, alike in what they say though not in their words.
    await page.goto(`/console/cases/${auntWang.id}`)
    await page.getByRole('heading', { name: `留言 ${auntWang.ticket}` }).waitFor()
    await alike.getByRole('link', { name: li.ticket }).waitFor()
    expect(await alike.innerText())
      .to.include('相似留言 2 条')
      .and.include(zhou.ticket)
      .and.include('内容相近')

    // A neighbour's page: the dialog offers her letter, and says before the choice what a merge does and that it is final.
    await page.goto(`/console/cases/${li.id}`)
    await page.getByRole('heading', { name: `留言 ${li.ticket}` }).waitFor()
    await page.getByRole('button', { name: '与相似留言合并' }).click()
    const dialog = page.locator('.t-dialog').filter({ hasText: '与相似留言合并办理' })
    await dialog.locator('.merge-list .t-radio').filter({ hasText: auntWang.ticket }).click()
    const warning = dialog.getByTestId('merge-warning')
    await warning.getByText(`将并入留言 ${auntWang.ticket}`).waitFor()
    expect(await warning.innerText())
      .to.include('合并后不能撤销')
      .and.include('群众会马上收到通知')
    await page.waitForTimeout(300) // drawn in full, not mid-fade
    await screenshot(page, 'one-lift-merge-warning')
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.getByRole('link', { name: `已并入 ${auntWang.ticket}` }).waitFor()

    // The other neighbour's, merged the same way (through the same API the dialog uses).
    const merged = await page.request.post(`/api/admin/cases/${zhou.id}/merge`, {
      data: { intoCaseId: auntWang.id },
      headers: { Origin: story.app.baseUrl },
    })
    expect(merged.status(), await merged.text()).to.equal(200)

    // Her letter's page: what was merged into it, in its box and in 办理经过; no "没有内容相近" beside them.
    await page.goto(`/console/cases/${auntWang.id}`)
    await page.getByRole('heading', { name: `留言 ${auntWang.ticket}` }).waitFor()
    await page.getByText('合并到本条的重复留言（2 条）').first().waitFor()
    await alike.getByTestId('alike-none').waitFor()
    expect(await alike.innerText())
      .to.include('已合并 2 条')
      .and.not.include('没有内容相近')
    const timeline = page.getByLabel('办理经过')
    expect(await timeline.innerText())
      .to.include(`留言 ${li.ticket} 并入本条`)
      .and.include(`留言 ${zhou.ticket} 并入本条`)
      .and.include('重复留言并入本条')
    await screenshot(page, 'one-lift-kept-after-merges')

    // 热点问题: the lift is still an issue of three households, two of them merged.
    story.app.clock.advance(60_000)
    await page.goto('/console/analysis/hot-issues')
    const card = page.getByTestId('hot-issue').filter({ hasText: '其中已合并办理 2 条' })
    await card.waitFor()
    expect(await card.innerText())
      .to.include('留言 3 条')
      .and.include('涉及居民 3 位')
      .and.include('（已合并）')
    await screenshot(page, 'one-lift-hot-issue')
    expect(page.problems).to.deep.equal([])
  })
})
