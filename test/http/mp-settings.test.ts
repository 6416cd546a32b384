import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

describe('what the mini-program reads before anyone logs in', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({
      directory: smallCity(),
      overrides: {
        wechat: {
          enabled: true,
          appId: 'wx-test-app',
          secret: 'test-secret',
          templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } },
        },
      },
    })
  })
  after(() => app.close())

  it('offers no subscribe template while WeChat sending is switched off: a yes to WeChat would bring nothing', async () => {
    const off = await startApp({
      directory: smallCity(),
      overrides: {
        wechat: { enabled: false, templates: { notice: { id: 'TPL-NOTICE', longTerm: true, page: 'pages/index/index', data: { thing1: '{title}' } } } },
      },
    })
    try {
      const { status, body } = await new Client(off.baseUrl).get('/api/mp/settings')
      expect(status).to.equal(200)
      expect(body.subscribeTemplateIds).to.deep.equal([])
    } finally {
      await off.close()
    }
  })

  it('gives the subscribe templates, the photo limit, the reopen rule, the topics and the chat account’s nickname from the config', async () => {
    const { status, body } = await new Client(app.baseUrl).get('/api/mp/settings')
    expect(status).to.equal(200)
    const { topics, ...rest } = body
    // botName: what the pages tell a person to find in WeChat (bot.nickname; its default here).
    expect(rest).to.deep.equal({ subscribeTemplateIds: ['TPL-NOTICE'], maxPhotos: 9, reopenMaxRating: 2, reopenWindowDays: 7, botName: '留言小助手' })
    // The topic list of the config, for the 办理选登 page's filter.
    expect(topics).to.include('劳动就业').and.include('其他')
  })

  it("shows a station's deputies with their reception duty dates (posted at the station), still without phones", async () => {
    const { body } = await new Client(app.baseUrl).get('/api/mp/stations/ST001')
    const zhang = body.deputies.find((d: { name: string }) => d.name === '张伟')
    expect(zhang.dutyDates).to.deep.equal(['2026-11-25'])
    expect(JSON.stringify(body)).not.to.match(/1380000|phone/)
  })
})
