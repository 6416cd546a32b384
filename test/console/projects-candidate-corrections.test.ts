import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { asDeputy, asResident } from '../helpers/app.js'
import { dialogsClosed, dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'
import { chenOpensAYear } from './lanjiang-year.js'

/** The dialog open now (a closed one stays in the page, hidden). */
const openDialog = (page: Page) => page.locator('.t-dialog').filter({ visible: true })

/**
 * 陈干事 of 澜江区 corrects a candidate (编辑) and takes another off the year (撤回), each told what follows before
 * it happens; 提交代表票决 says that 区人大代表 vote and how many; while they vote the table says 投票中, and the
 * votes once the office has confirmed them.
 */
describe('console: 民生实事 candidates corrected or withdrawn before the ballot', function () {
  this.timeout(150_000)
  const story = useConsole()

  it('陈干事 corrects one candidate, withdraws another with its reason, and follows the ballot in words', async () => {
    const { app, browser } = story
    const { chen, office, year } = await chenOpensAYear(app, 2032)
    const parkResident = await asResident(app)
    const sent: Record<string, string> = {}
    for (const [title, who] of [
      ['建新社区老楼装电梯', await asResident(app)],
      ['建新社区老年食堂', await asResident(app)],
      ['滨河口袋公园', parkResident],
    ] as const) {
      app.clock.advance(60_000)
      const answer = await who.post(`/api/mp/livelihood/cycles/${year}/proposals`, {
        title,
        place: '建新社区',
        description: title,
        consentVersion: 'lp-2026-1',
      })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent[title] = answer.body.id
    }
    const unitId = (await office.get('/api/admin/units')).body.items.find((u: { name: string }) => u.name === '青澜市住房和城乡建设局').id
    for (const [title, proposal] of [
      ['老楼装电梯', '建新社区老楼装电梯'],
      ['社区老年食堂', '建新社区老年食堂'],
      ['口袋公园', '滨河口袋公园'],
    ]) {
      app.clock.advance(60_000)
      const body = { title, description: `${title}，年内完成`, place: '建新社区', costWan: 100, unitId, proposalIds: [sent[proposal]] }
      expect((await office.post(`/api/admin/livelihood/cycles/${year}/candidates`, body)).status).to.equal(201)
    }

    const page = await newPage(browser, app)
    await logInAs(page, chen, '/projects')
    await page.locator('[data-test=cycle-window]').getByText('计划确定 1 个项目').waitFor()
    const projects = page.locator('[data-test=projects] tbody tr')
    const lifts = projects.filter({ hasText: '老楼装电梯' })
    await lifts.waitFor()
    expect(await lifts.innerText(), 'not voted on yet').to.contain('—')

    // 编辑: a name left empty is said at its box, and the dialog stays; corrected, the row shows it.
    await lifts.getByRole('button', { name: '编辑' }).click()
    const edit = page.locator('[data-test=candidate-edit]')
    await edit.getByText('提交代表票决以前可以修改').waitFor()
    await dialogShown(page)
    const title = edit.locator('.t-input input').nth(0)
    expect(await title.inputValue()).to.equal('老楼装电梯')
    await title.fill('')
    await openDialog(page).getByRole('button', { name: '保存' }).click()
    await edit.getByText('项目名称不能为空').waitFor()
    await title.fill('建新社区老楼加装电梯')
    await edit.getByText('项目名称不能为空').waitFor({ state: 'detached' })
    await edit.locator('.t-input-number input').fill('280')
    await screenshot(page, 'projects-candidate-edit', { window: true })
    await openDialog(page).getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await page.locator('[data-test=message]').getByText('已修改候选项目「建新社区老楼加装电梯」').waitFor()
    const corrected = projects.filter({ hasText: '建新社区老楼加装电梯' })
    await corrected.getByText('280 万元').waitFor()

    // 撤回, not taken up: what follows is said first, and the reason is asked for.
    await projects.filter({ hasText: '口袋公园' }).getByRole('button', { name: '撤回' }).click()
    const withdraw = page.locator('[data-test=candidate-withdraw]')
    await dialogShown(page)
    expect(await withdraw.locator('[data-test=withdraw-consequence]').innerText()).to.equal(
      '撤回后，「口袋公园」不再是候选项目，不参加代表票决。它合并的 1 条建议怎么办：',
    )
    expect(await withdraw.locator('[data-test=withdraw-then]').innerText()).to.equal(
      '这 1 条建议退回“待梳理”：提交代表票决以前，要重新合并为候选项目或说明不列入的理由。现在不通知提建议的人。',
    )
    await withdraw.getByText('不列入候选项目，并把理由告诉提建议的人').click()
    await withdraw.locator('[data-test=withdraw-then]').getByText('这 1 条建议不列入候选项目，理由会告诉提建议的人。').waitFor()
    await openDialog(page).getByRole('button', { name: '撤回' }).click()
    await withdraw.getByText('请写明不列入的理由，理由会告诉提建议的人').waitFor()
    await withdraw.locator('textarea').fill('滨河公园已列入市园林局明年计划')
    await screenshot(page, 'projects-candidate-withdraw', { window: true })
    await openDialog(page).getByRole('button', { name: '撤回' }).click()
    await dialogsClosed(page)
    await page.locator('[data-test=message]').getByText('已撤回候选项目「口袋公园」，1 条建议不列入，已把理由告诉提建议的人').waitFor()
    await projects.filter({ hasText: '口袋公园' }).waitFor({ state: 'detached' })
    const told = await app.liaison.store.outbox.search({ recipientId: parkResident.userId, kind: 'livelihood.proposal', limit: 5 })
    expect(told.items.map((m) => String(m.payload.text))).to.include(
      '您提出的民生实事项目建议「滨河口袋公园」原已列为候选项目「口袋公园」，经重新研究，没有列入民生实事候选项目。说明：滨河公园已列入市园林局明年计划',
    )

    // 提交代表票决 says who votes (this year's own congress, 区人大代表) and how many the roll holds.
    const asked = (await office.get(`/api/admin/livelihood/cycles/${year}`)).body.rollToAsk as number
    await page.getByRole('button', { name: '提交代表票决' }).click()
    await dialogShown(page)
    expect(await page.locator('[data-test=stage-confirm]').innerText()).to.contain(`由区人大代表投票，名单上共 ${asked} 人，将通知他们投票一周。`)
    await openDialog(page).getByRole('button', { name: '提交代表票决' }).click()
    await page.locator('[data-test=message]').getByText('已提交代表票决，投票一周').waitFor()
    await dialogsClosed(page)
    // While they vote: the votes are not counted yet, and the candidates are not to be changed.
    await corrected.getByText('投票中').waitFor()
    expect(await projects.filter({ hasText: '社区老年食堂' }).innerText()).to.contain('投票中')
    expect(await page.locator('[data-test=projects]').getByRole('button', { name: '编辑' }).count()).to.equal(0)
    expect(await page.locator('[data-test=projects]').getByRole('button', { name: '撤回' }).count()).to.equal(0)
    await screenshot(page, 'projects-voting-words')

    // Closed: the count waits for the office's confirmation; confirmed, each project's votes.
    const view = (await office.get(`/api/admin/livelihood/cycles/${year}`)).body
    const ballot = (await app.liaison.store.surveys.get(view.ballotSurveyId))!
    const liftsId = view.projects.find((p: { title: string }) => p.title === '建新社区老楼加装电梯').id
    const vote = await (
      await asDeputy(app, ballot.ballot!.rollDeputyIds[0]!)
    ).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: [liftsId] } })
    expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    expect((await office.post(`/api/admin/surveys/${ballot.id}/close`)).status).to.equal(200)
    await page.reload()
    await corrected.getByText('待确认').waitFor()
    expect((await office.post(`/api/admin/livelihood/cycles/${year}/ballot-result`)).status).to.equal(200)
    await page.reload()
    await corrected.getByText('1 票').waitFor()
    expect(await projects.filter({ hasText: '社区老年食堂' }).innerText()).to.contain('0 票')
    expect(page.problems).to.deep.equal([])
  })
})
