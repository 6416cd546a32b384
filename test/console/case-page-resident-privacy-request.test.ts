import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { logInAs, newPage, screenshot, useConsole } from './harness.js'

const HERS = '隔壁铁柱哥家的狗天天半夜叫，吵得睡不着，希望社区管一管。'

/**
 * 王阿姨 phones the station: her message names 铁柱哥, which nobody should read, and then she wants her information
 * deleted. The clerk opens her message, hides the 称呼 (the page shows 某某 at once), reads what deleting will do,
 * writes how she asked and deletes it: the page says what was done, and her message is now withdrawn.
 */
describe('console: the clerk does what a resident asks about her data, on her message', function () {
  this.timeout(180_000)
  const story = useConsole()

  it('hides a missed 称呼 and deletes her information after saying what it does', async () => {
    const deputy = demoDirectory().deputies![0]
    const resident = await asResident(story.app)
    const sent = await resident.post('/api/mp/cases', { text: HERS, deputyCode: deputy.code })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const { id, ticket } = sent.body as { id: string; ticket: string }
    let clerk: (typeof story.app.logins)[number] | null = null
    for (const login of story.app.logins.filter((l) => l.role === 'station_staff')) {
      const client = await new Client(story.app.baseUrl).login(login.username, login.password)
      if ((await client.get(`/api/admin/cases/${id}`)).status === 200) clerk = login
      if (clerk) break
    }
    expect(clerk, "staff of the deputy's station").not.to.equal(null)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, clerk!, `/cases/${id}`)
    await page.getByRole('heading', { name: `留言 ${ticket}` }).waitFor()
    const card = page.getByTestId('resident-requests')
    expect(await card.innerText()).to.include('居民来电或来访')

    await card.getByRole('button', { name: '隐去漏掉的称呼' }).click()
    await page.getByText('照留言里的原样输入要隐去的称呼').waitFor()
    expect(await page.getByTestId('hide-rules').innerText()).to.include('只能隐去人名或称呼，不能改留言的内容')
    // Her complaint is not a 称呼: refused in the dialog, the message unchanged.
    await page.getByPlaceholder('要隐去的称呼').fill('吵得睡不着')
    await page.getByRole('button', { name: '确认隐去' }).click()
    await page.getByRole('alert').getByText('只能隐去人名或称呼：隐去的字加起来不能超过留言字数的六分之一').waitFor()
    await screenshot(page, 'case-page-hide-words-refused', { window: true })
    await page.getByPlaceholder('要隐去的称呼').fill('铁柱哥')
    await page.getByRole('button', { name: '确认隐去' }).click()
    await page.getByText(`已在留言 ${ticket} 里隐去 1 处，现在显示为“某某”`).waitFor()
    await page.getByTestId('case-text').getByText('隔壁某某家的狗').waitFor()
    expect(await page.getByTestId('case-text').innerText()).not.to.include('铁柱哥')
    // 办理经过 says the text was changed, and by whom, without the words.
    await page.getByText('联络站隐去了留言里的 1 处称呼', { exact: true }).waitFor()
    // What the deputy reads now.
    expect((await (await asDeputy(story.app, deputy.id)).get(`/api/mp/deputy/cases/${id}`)).body.text).to.include('隔壁某某家的狗')

    await card.getByRole('button', { name: '按本人要求删除其个人信息' }).click()
    const lines = page.getByTestId('erase-lines')
    await lines.getByText('还没办完的 1 条留言会撤回').waitFor()
    expect(await lines.innerText())
      .to.include('和这位群众本人点“删除我的信息”完全一样，删除后不能恢复')
      .and.include('这位群众的账号、电话、图片和订阅记录都会清除，会退出登录')
      .and.not.include('她')
    await page.getByPlaceholder('例如：居民来电要求').fill('居民来电要求')
    await screenshot(page, 'case-page-resident-erasure-confirm', { window: true })
    await page.getByRole('button', { name: '确认删除' }).click()
    await page.getByText(`已删除写留言 ${ticket} 的居民的个人信息。`).waitFor()
    await screenshot(page, 'case-page-resident-erased', { window: true })
    expect((await resident.get('/api/mp/me/kept')).status).to.equal(401)
    expect(page.problems).to.deep.equal([])
  })
})
