import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole, type ConsoleStory } from './harness.js'

const DAY = 86_400_000
const LIFT = [
  '光明社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯',
  '光明社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了',
  '光明社区3号楼电梯坏了好几天，老人腿脚不便上不去楼',
  '3号楼电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯',
  '光明社区3号楼电梯坏了没人修，老人只能在楼下等，太难了',
]

/** `n` lift messages of 光明社区, to 刘淑华 (DP0039) and 朱丽华 (DP0010) in turn, then a week on: every deadline has passed. */
async function liftMessages(story: ConsoleStory, n: number) {
  const { app } = story
  const resident = await asResident(app)
  for (let i = 0; i < n; i++) {
    // Her words come round again while the first are open: she was asked, and sends them all the same.
    const sendAgain = i >= LIFT.length
    const answer = await resident.post('/api/mp/cases', {
      text: LIFT[i % LIFT.length],
      regionId: 'c010101',
      deputyCode: i % 2 ? 'DP0010' : 'DP0039',
      sendAgain,
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    app.clock.advance(30_000)
  }
  app.clock.advance(7 * DAY)
}

async function openHotIssues(story: ConsoleStory) {
  const page = await newPage(story.browser, story.app)
  await logInAs(
    page,
    story.app.login((l) => l.username === 'chenmingliang'),
    '/analysis/hot-issues',
  )
  const card = page.getByTestId('hot-issue').filter({ hasText: '电梯' })
  await card.waitFor()
  return { page, card }
}

/**
 * 陈明亮 of 澜江区's office handles the broken lift of 光明社区 as one straight from its 热点问题 card: 一起催办 says
 * what it will do and, under the card, what it did; 合并办理 is there too.
 */
describe('console: a hot issue handled as one from its 热点问题 card', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('urges the card’s messages from the card and says what it did under it; 合并办理 opens from it too', async () => {
    await liftMessages(story, 6)
    const { page, card } = await openHotIssues(story)
    expect(await card.innerText()).to.include('留言 6 条')
    await card.getByRole('button', { name: '一起催办' }).click()
    const urgeDialog = page.locator('.t-dialog').filter({ hasText: '一起催办「光明社区 · 城乡建设」' })
    await urgeDialog.getByTestId('urge-plan').getByText('将催办 6 条留言，涉及 2 位代表，都未按时受理。').waitFor()
    await dialogShown(page)
    await urgeDialog.getByRole('button', { name: '确认催办' }).click()
    await card.getByTestId('issue-result').getByText('已催办 6 条留言，涉及 2 位代表，都未按时受理。').waitFor()
    await dialogsClosed(page)
    await screenshot(page, 'hot-issue-card-urged')
    const notices = (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId).sort()).to.deep.equal(['dp0010', 'dp0039'])

    await card.getByRole('button', { name: '合并办理' }).click()
    const mergeDialog = page.locator('.t-dialog').filter({ hasText: '合并办理「光明社区 · 城乡建设」' })
    await mergeDialog.getByTestId('merge-groups').getByText('建设路街道代表联络站（6 条）').waitFor()
    expect(page.problems).to.deep.equal([])
  })
})

/**
 * A bigger lift issue: 205 messages, more than the inbox's address holds. The card offers 一起催办 of all of them and
 * says why 合并办理 is not offered at that size and what to do instead; the inbox, opened by the issue's place, topic and
 * days, says it may list more than the issue and still urges the issue's own 205. A link to that list opened in
 * another browser has no list of the issue's messages: it says to urge from 热点问题.
 */
describe('console: a hot issue of more than 200 messages handled as one', function () {
  this.timeout(240_000)
  const story = useConsole()

  it('urges all 205 from the inbox opened by the issue’s filters, and says why 合并办理 is not offered at that size', async () => {
    await liftMessages(story, 205)
    const { page, card } = await openHotIssues(story)
    expect(await card.innerText()).to.include('留言 205 条')
    expect(await card.getByRole('button', { name: '合并办理' }).count(), 'no button that would be refused').to.equal(0)
    expect(await card.getByTestId('issue-too-many').innerText()).to.equal(
      '这个热点问题有 205 条留言，一次最多合并 200 条：合并要逐条核对是不是同一栋楼、同一个门，条数太多容易并错。可以先一起催办；要合并的，请打开其中一条留言，用“与相似留言合并”，选同一件事的留言合并。',
    )

    await card.getByRole('button', { name: '在留言列表中查看' }).click()
    const banner = page.getByTestId('issue-banner')
    await banner.getByText('正在查看热点问题「光明社区 · 城乡建设」（共 205 条留言）').waitFor()
    expect(await banner.innerText()).to.include('列表按它的地点、主题和日期列出，可能多出几条不属于这个问题的留言。一起催办只催办这个问题的留言。')
    const address = page.url()
    const actions = page.getByTestId('issue-actions')
    await actions.getByRole('button', { name: '一起催办' }).click()
    const urgeDialog = page.locator('.t-dialog').filter({ hasText: '一起催办「光明社区 · 城乡建设」' })
    await urgeDialog.getByTestId('urge-plan').getByText('将催办 205 条留言，涉及 2 位代表，都未按时受理。').waitFor()
    expect(await urgeDialog.getByTestId('urge-plan').innerText()).to.include('刘淑华代表 103 条、朱丽华代表 102 条')
    await dialogShown(page)
    await screenshot(page, 'hot-issue-big-urge-confirm', { window: true })
    await urgeDialog.getByRole('button', { name: '确认催办' }).click()
    await page.getByTestId('issue-result').getByText('已催办 205 条留言，涉及 2 位代表，都未按时受理。').waitFor()
    await dialogsClosed(page)
    const notices = (await story.app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items
    expect(notices.map((m) => m.recipientId).sort()).to.deep.equal(['dp0010', 'dp0039'])
    expect(notices.find((m) => m.recipientId === 'dp0039')!.payload.text).to.include('催办您的 103 条留言')

    // The same address in another browser: the list, but no list of the issue's own messages to urge.
    const other = await newPage(story.browser, story.app)
    await logInAs(
      other,
      story.app.login((l) => l.username === 'chenmingliang'),
      new URL(address).pathname.replace(/^\/console/, '') + new URL(address).search,
    )
    await other.getByTestId('issue-elsewhere').getByText('请回到热点问题，在这个问题下点“一起催办”。').waitFor()
    expect(await other.getByTestId('issue-actions').count()).to.equal(0)
    expect(page.problems).to.deep.equal([])
    expect(other.problems).to.deep.equal([])
  })
})
