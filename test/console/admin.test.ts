import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import { dialogShown, dialogsClosed, logInAs, newPage, screenshot, useConsole } from './harness.js'

describe('console: an admin keeps the directory and the messages in order', function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  const story = useConsole()

  const admin = () => story.app.login((l) => l.role === 'admin')

  it('a bad directory file shows every problem by place, in words, and imports nothing', async () => {
    const file = {
      stations: [{ id: 'st900', code: 'ST900', name: '新建联络站', kind: 'community', address: '新路1号', regionIds: ['nowhere'], receptionDays: ['wed'] }],
      deputies: [
        { id: 'dp900', code: 'DP900', name: '王芳', level: 'city', stationIds: ['st999'], topics: [], phone: null, dutyDates: [] },
        { id: 'dp901', code: 'DP901', name: '赵磊', level: 'city', stationIds: ['st900'], topics: [], phone: '12345', dutyDates: [] },
      ],
      units: [{ id: 'u900', code: 'JTYS900', name: '市交通运输局', kind: 'department', regionId: 'nowhere', contact: '0375-7654321' }],
      staff: [{ id: 'sf900', name: '周敏', role: 'unit_staff', unitIds: ['u999'], username: 'zhoumin', activationCode: 'R4N8-W2HC-7JDX' }],
    }
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory/import')
    // The steps say 点“选择文件”: a button in those words (not the browser's English "Choose Files"), and beside it what is chosen.
    const chosen = page.locator('[data-test=file-chosen]')
    expect(await chosen.innerText()).to.equal('还没有选文件')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择文件', exact: true }).click()])
    await chooser.setFiles({ name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await chosen.getByText('directory.json', { exact: true }).waitFor()
    await page.getByRole('button', { name: '开始导入' }).click()

    const title = page.locator('[data-test=import-problems-title]')
    await title.getByText(/文件有 \d+ 处问题，未导入任何数据/).waitFor()
    const rows = (await page.locator('[data-test=import-problems] tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim().replace(/^\d+ /, ''))
    expect(rows, "in the file's order").to.deep.equal([
      '联络站 第 1 条（新建联络站） · 覆盖地区第 1 项 没有叫“nowhere”的地区',
      '代表 第 1 条（王芳） · 所属联络站第 1 项 没有叫“st999”的联络站',
      '代表 第 2 条（赵磊） · 电话 电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）',
      '承办单位 第 1 条（市交通运输局） · 所在地区 没有叫“nowhere”的地区',
      '工作人员 第 1 条（周敏） · 所属承办单位第 1 项 没有叫“u999”的承办单位',
    ])
    await screenshot(page, 'console-directory-import')
    expect(await story.app.liaison.store.deputies.get('dp901'), 'all or nothing').to.equal(null)

    // Corrected, the handling unit goes in, and the report counts it.
    const corrected = { units: [{ ...file.units[0], regionId: null }] }
    await page.getByLabel('名册文件').setInputFiles({ name: 'directory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrected)) })
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.locator('[data-test=import-report]').getByText('导入完成：新增承办单位 1 个；其他没有改动。', { exact: true }).waitFor()
    expect(page.problems).to.deep.equal([])
  })

  it('名册 → 联络站: the admin sets a station’s reception hours beside its days, and its line says them as residents read them', async () => {
    const { directory } = story.app.liaison.store
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory')
    await page.locator('.t-tabs__nav-item', { hasText: '联络站' }).click()
    await page.getByPlaceholder('按名称或代码查找').fill('ST001')
    await page.getByRole('button', { name: '查找', exact: true }).click()
    const row = page.locator('[data-test=stations] tbody tr', { has: page.getByRole('cell', { name: 'ST001', exact: true }) })
    // The line says when to come in the server's words, as the mini-program and the chat bot do.
    await row.getByText('每星期三接待', { exact: true }).waitFor()
    await row.getByRole('button', { name: '修改' }).click()
    await dialogShown(page)
    const edit = page.locator('.t-dialog').filter({ hasText: '修改：' })
    const preview = edit.locator('[data-test=station-edit-preview]')
    await preview.getByText('每星期三接待').waitFor()
    // Its day boxes say the days as its line does (每星期三接待), not 周三 nor a bare number.
    const boxes = (await edit.locator('.t-checkbox').allInnerTexts()).map((t) => t.trim())
    expect(boxes, '接待日 boxes').to.deep.equal(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'])

    // A range typed the wrong way round is said at its box, in the clerk's dialog's words, and saves nothing.
    await edit.getByRole('textbox', { name: '接待开始时间', exact: true }).fill('11:30')
    await edit.getByRole('textbox', { name: '接待结束时间', exact: true }).fill('8:30')
    await edit.getByRole('button', { name: '保存' }).click()
    await edit.getByText('接待结束时间应晚于开始时间').waitFor()
    expect((await directory.snapshot()).stations.find((s) => s.code === 'ST001')?.receptionHours ?? null, 'nothing saved').to.equal(null)

    await edit.getByRole('textbox', { name: '接待开始时间', exact: true }).fill('8:30')
    await edit.getByRole('textbox', { name: '接待结束时间', exact: true }).fill('11:30')
    await edit.getByText('接待结束时间应晚于开始时间').waitFor({ state: 'detached' })
    await preview.getByText('每星期三 8:30–11:30接待').waitFor()
    await screenshot(page, 'console-directory-station-hours', { window: true })
    await edit.getByRole('button', { name: '保存' }).click()
    await dialogsClosed(page)
    await row.getByText('每星期三 8:30–11:30接待', { exact: true }).waitFor()
    expect((await directory.snapshot()).stations.find((s) => s.code === 'ST001')?.receptionHours).to.deep.equal({ from: '8:30', to: '11:30' })
    await screenshot(page, 'console-directory-stations')
    expect(page.problems).to.deep.equal([])
  })

  it('a deputy who has left office is set so after a warning about their messages, marked 已离任, and restored', async () => {
    const { deputies } = story.app.liaison.store
    const name = (await deputies.get('dp0001'))!.name
    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/directory')
    await page.locator('.t-tabs__nav-item', { hasText: '代表' }).click()
    const row = page.locator('[data-test=deputies] tr', { hasText: 'DP0001' })
    await row.getByText('在任').waitFor()
    await row.getByRole('button', { name: '设为离任' }).click()
    const dialog = page.locator('[data-test=tenure-dialog]')
    await dialog.getByText('尚未办结的留言将退回所在联络站的待办，由工作人员重新分派').waitFor()
    const answered = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.endsWith('/deputies/dp0001'))
    await dialog.getByRole('button', { name: '设为离任' }).click()
    const returned: number = (await (await answered).json()).casesReturned
    // Said in words when there were none: never "0 条未办结留言已退回".
    await page.getByText(returned ? `已设为离任，${returned} 条未办结留言已退回联络站` : '已设为离任，没有未办结的留言').waitFor()
    await row.getByText('已离任').waitFor()
    expect((await deputies.get('dp0001'))!.active).to.equal(false)
    await screenshot(page, 'console-deputy-left-office')

    await row.getByRole('button', { name: '恢复' }).click()
    await dialog.getByText(`恢复后，${name}代表重新接收群众留言`).waitFor()
    await dialog.getByRole('button', { name: '恢复' }).click()
    await row.getByText('在任').waitFor()
    expect((await deputies.get('dp0001'))!.active).to.equal(true)
    expect(page.problems).to.deep.equal([])
  })

  it('a message that could not be sent says why and what to do in words, and is retried with one click', async () => {
    const { outbox } = story.app.liaison.store
    const now = story.app.clock.now()
    /** A notice to 张伟 the bot could not send, as the bot reports it: its own words and, from a newer bot, a code. */
    async function notSent(text: string, error: string, code: string | null) {
      const id = randomUUID()
      await outbox.enqueue([
        {
          id,
          channel: 'bot_private',
          recipientKind: 'deputy',
          recipientId: 'dp0001',
          kind: 'meeting.notice',
          payload: { text },
          dedupeKey: `console-test:${id}`,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
        },
      ])
      const [leased] = await outbox.claimDue(now, { limit: 1, leaseMs: 60_000, holder: 'test', channels: ['bot_private'] })
      expect(leased.id).to.equal(id)
      expect(await outbox.complete(id, 'test', { status: 'dead', error, code })).to.equal(true)
      return id
    }
    const id = await notSent('会议通知：全市代表培训会', '对方不是好友，无法私聊：微信助手的好友里找不到这个人（可能删除了好友）', 'not_friend')
    // The puppet's own English: wechat4u's answer when the session is gone, and an older bot's failure without a code.
    await notSent('会议通知：预算审查座谈会', '1101 == 0', 'not_logged_in')
    await notSent('会议通知：代表小组活动', 'Error: 2 UNKNOWN: something odd', null)

    const page = await newPage(story.browser, story.app)
    await logInAs(page, admin())
    await page.goto('/console/outbox')
    const row = page.locator('[data-test=outbox] tr', { hasText: '会议通知：全市代表培训会' })
    await row.getByText('对方不是好友，无法私聊').waitFor()
    const name = `${(await story.app.liaison.store.deputies.get('dp0001'))!.name}代表`
    await row.getByText(name, { exact: true }).waitFor()
    // The page in plain words: its title and menu entry, its columns, and what to do about a deputy who is not a friend.
    await page.getByRole('heading', { name: '消息发送情况' }).waitFor()
    await page.locator('.t-menu').getByText('消息发送情况').waitFor()
    expect(await page.locator('[data-test=outbox] thead th').allInnerTexts()).to.include.members(['发送方式', '发了几次'])
    expect(await page.locator('.filters').innerText())
      .to.include('没发出去，稍后自动再发')
      .and.include('不用再发')
    expect(await row.locator('[data-test=what-to-do]').innerText()).to.equal(`请电话告诉${name}，请他加联络站的微信为好友，再点“重新发送”`)
    // The puppet's English never reaches the page: the bot's code says it in words, with what to do; no code, 原因不明.
    const offline = page.locator('[data-test=outbox] tr', { hasText: '会议通知：预算审查座谈会' })
    expect(await offline.locator('[data-test=reason]').innerText()).to.equal('微信助手没有登录微信，消息发不出去')
    // Read by the administrator: the step is his own, on the phone the bot's WeChat runs on, and the button on this page.
    expect(await offline.locator('[data-test=what-to-do]').innerText()).to.equal('微信助手掉线了：请用登录微信助手的那部手机重新扫码，再点“重新发送”')
    const unknown = page.locator('[data-test=outbox] tr', { hasText: '会议通知：代表小组活动' })
    expect(await unknown.locator('[data-test=reason]').innerText()).to.equal('没有发出去，原因不明')
    // No cause, still a next step: send it again, and if that fails too, phone the deputy by name.
    expect(await unknown.locator('[data-test=what-to-do]').innerText()).to.equal(`请点“重新发送”；还不行，请打电话告诉${name}`)
    const shown = await page.locator('[data-test=outbox]').innerText()
    expect(shown).to.not.include('1101 == 0').and.not.include('something odd')
    // One name for one state: the row's tag is the name of the tab it is under (not 发送失败 above, 未能送达 beside it).
    const tab = page.locator('.filters .t-radio-button.t-is-checked')
    expect(await tab.innerText()).to.equal('未能送达')
    expect(await row.locator('.t-tag').innerText()).to.equal('未能送达')
    await screenshot(page, 'console-outbox')
    await row.getByRole('button', { name: '重新发送' }).click()
    await page.getByText('已重新排队发送').waitFor()
    expect(await page.locator('[data-test=outbox] tr', { hasText: '会议通知：全市代表培训会' }).count(), 'gone from the failed list').to.equal(0)
    expect((await outbox.get(id))!.status).to.equal('pending')
    expect(page.problems).to.deep.equal([])
  })
})
