import { expect } from 'chai'
import { dialogShown, logInAs, newPage, screenshot, useConsole } from './harness.js'
import { dayOf, nextMorning } from './morning.js'

/** 张国华's station pages: who her deputies are and when they are on duty, posters to print, binding codes. */
describe("console: a station's deputies, posters and binding codes", function () {
  // A real browser on a shared machine: each story gets two minutes (it usually needs under thirty seconds).
  this.timeout(120_000)
  // The chat account by the nickname the office gave it (config bot.nickname): the page says it where to find it.
  const story = useConsole({ overrides: { bot: { nickname: '澜江人大联络站' } } })

  it("shows the station's deputies with the duty roster, prints a QR poster, and gives a deputy a binding code", async () => {
    // A morning (set before she signs in, whose session the move would end): the binding code, issued at 9:05, lasts a
    // day, and its end says the hour as people write it (9:05, not 09:05).
    const morning = nextMorning(story.app.clock.now())
    story.app.clock.set(morning)
    const deputies = await story.app.liaison.store.deputies.listByStation('st001')
    const onDuty = deputies.find((d) => d.dutyByStation.st001?.length)!
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )

    await page.locator('.t-menu').getByText('代表与值班').click()
    await page.getByText(`本站代表（${deputies.length} 位）`).waitFor()
    const listed = await page.locator('tbody').first().innerText()
    for (const d of deputies) expect(listed).to.include(d.name)
    const roster = page.locator('[data-roster]')
    // The roster shows this month: a deputy on duty this month appears in it.
    const thisMonth = new Date().toISOString().slice(0, 7)
    const dutyThisMonth = deputies.filter((d) => (d.dutyByStation.st001 ?? []).some((x) => x.startsWith(thisMonth))).map((d) => d.name)
    await screenshot(page, 'station-deputies')
    if (dutyThisMonth.length) await roster.getByText(dutyThisMonth[0]).first().waitFor()
    expect(onDuty).to.exist
    await screenshot(page, 'station-deputies')

    await page.locator('.t-menu').getByText('二维码海报').click()
    const poster = page.getByRole('region', { name: '联络站海报' })
    await poster.getByText('建设路街道代表联络站').waitFor()
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.poster-qr')
      return !!img && img.complete && img.naturalWidth > 0
    })
    await screenshot(page, 'station-poster')
    // Each line once, large, on the page: the code printed on it is the code alone (?plain=1), not the PNG that also
    // draws the name, the address in small type and "微信扫一扫" under it (before, the poster said each twice).
    const station = (await story.app.liaison.store.stations.get('st001'))!
    const qr = await poster.locator('img.poster-qr').evaluate((img: HTMLImageElement) => ({ src: img.src, w: img.naturalWidth, h: img.naturalHeight }))
    expect(qr.src).to.match(/\/stations\/st001\/qrcode\.png\?plain=1$/)
    expect(qr.h, 'no words drawn under the code').to.equal(qr.w)
    expect((await poster.innerText()).split(station.address).length - 1, 'the address, once').to.equal(1)
    await page.getByText('代表二维码', { exact: true }).click()
    const card = page.getByRole('region', { name: '代表二维码' }).locator('img').first()
    await card.waitFor()
    expect(await card.getAttribute('src')).to.match(/\/deputies\/[^/]+\/qrcode\.png\?plain=1$/)

    await page.locator('.t-menu').getByText('绑定码').click()
    // How to send it, with an example: not "发送：绑定 绑定码", one word twice.
    await page.getByText('发送“绑定”两个字加上您的绑定码，例如：绑定 225217').waitFor()
    // One name for the chat account, 微信助手, with the nickname only where she must find it in WeChat.
    expect(await page.getByTestId('find-bot').innerText()).to.match(/^在微信里加微信助手（微信里的名字叫“澜江人大联络站”）为好友，/)
    expect(await page.locator('main').innerText()).not.to.include('绑定 绑定码')
    expect(await page.locator('main').innerText())
      .to.include('代表第一次使用小程序或微信助手时，需要一个绑定码')
      .and.include('把微信助手拉进本站的微信群，在群里发送')
    const first = page.locator('tbody tr').filter({ hasText: deputies[0].name })
    await first.getByRole('button', { name: '生成绑定码' }).click()
    const code = page.getByLabel('绑定码')
    await code.waitFor()
    expect((await code.innerText()).trim()).to.match(/^\d{6,8}$/)
    await page.getByText(`${deputies[0].name}代表的绑定码`).waitFor()
    await page.getByText(`或在微信里给微信助手（微信里的名字叫“澜江人大联络站”）发送“绑定 ${(await code.innerText()).trim()}”。`).waitFor()
    const until = new Date(morning.getTime() + 24 * 3_600_000)
    await page.getByText(new RegExp(`^有效期到 (\\d{4}年)?${dayOf(until)} 9:05。$`)).waitFor()
    // The dialog zooms and fades in: pictured once it stands whole, not half see-through over the list.
    await dialogShown(page)
    await screenshot(page, 'binding-code', { window: true })
    expect(page.problems).to.deep.equal([])
  })
})
