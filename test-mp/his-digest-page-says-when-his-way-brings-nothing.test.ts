import { expect } from 'chai'
import { Client } from '../test/helpers/app.js'
import { BOT_SECRET, TEMPLATE } from '../test/helpers/wechat.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

const NOTHING = '这样设置您现在收不到摘要：'
/** The chat account by the nickname the backend's config gives it (bot.nickname), as every page names it. */
const BOT = '留言小助手'
/** The chat's words come from his workbench's 绑定微信聊天 button, not a code from the station. */
const JOIN_CHAT = `请回到“代表工作台”，点“绑定微信聊天”，把给您的那句话发给“${BOT}”。`

/** 张伟's WeChat joins the 联络助手's chat with the code the office gives him, as the bot does it. */
async function joinHisChat(app: Backend) {
  const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  const { personId } = await created(bot.post('/api/bot/people/resolve', { contactId: 'wx-zhangwei' }))
  const { code } = await created((await office(app)).post('/api/admin/deputies/dp0001/binding-code'))
  await created(bot.post(`/api/bot/people/${personId}/bind`, { code }))
}

/**
 * 张伟, 68, picks how his 每日摘要 comes. A digest sent only one way that is not on reaches nobody: only the mini-program
 * without his yes to WeChat's question, only the chat without having joined the 联络助手. His page says so in words
 * beside the way he picked, before and after 保存, with the one thing that fixes it; once it is fixed it says nothing.
 */
describe('mini-program: his digest page says when the way he picked brings him nothing', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('只发小程序消息 without his yes: says he gets none and offers 开通小程序消息, which asks WeChat and ends it', async () => {
    const zhang = await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(page.textOf('.blocked'), '自动, with neither way on').to.include(`${NOTHING}小程序消息和微信私聊都没有开通。`)

    await page.tap('.way-mp_subscribe')
    expect(page.textOf('.blocked-words')).to.equal(`${NOTHING}小程序消息现在没有开通。`)
    expect(page.textOf('.blocked'), 'and its button').to.equal(`${NOTHING}小程序消息现在没有开通。开通小程序消息`)
    await page.tap('.save')
    expect(page.text()).to.include('已保存')
    expect(page.textOf('.blocked-words'), 'still true once saved').to.equal(`${NOTHING}小程序消息现在没有开通。`)

    await page.tap('#subscribe-digest')
    expect(phone.subscribeAsked, 'WeChat’s question for the digest, at his tap').to.deep.equal([[TEMPLATE]])
    expect(page.has('.blocked'), 'it reaches him now').to.equal(false)
    // The rule, never a count of digests left, and the way that needs no yes each day (round 49).
    expect(page.textOf('#digest-subscribed'), 'what his one yes means').to.equal(
      `已开通。微信规定点一次“允许”只能收到一次通知；想每天都收到，请改为“自动”，再回到“代表工作台”，点“绑定微信聊天”，把给您的那句话发给“${BOT}”。`,
    )
    expect(page.textOf('.way-mp_subscribe'), 'his choice as he left it').to.equal('只发小程序消息✓ 已选')
    expect((await zhang.get('/api/mp/deputy/digest-preferences')).body.reach).to.include({ mp_subscribe: true, bot_private: false })
    expect((await openPage('pages/deputy/digest')).has('.blocked'), 'and when he comes back').to.equal(false)
  })

  it('只发微信私聊 without the chat: says he gets none and how to join it; joined, it says nothing', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-bot_private')
    expect(page.textOf('.blocked')).to.equal(`${NOTHING}您还没有在微信里加“${BOT}”为好友。${JOIN_CHAT}`)
    await page.tap('.save')

    await joinHisChat(app)
    const again = await openPage('pages/deputy/digest')
    expect(again.textOf('.way-bot_private')).to.equal(`只发微信私聊（${BOT}）✓ 已选`)
    expect(again.has('.blocked'), 'the chat reaches him').to.equal(false)
    await again.tap('.way-mp_subscribe')
    expect(again.textOf('.blocked-words'), 'the mini-program alone still would not').to.equal(`${NOTHING}小程序消息现在没有开通。`)
    await again.tap('.way-auto')
    expect(again.has('.blocked'), '自动 reaches him by the chat').to.equal(false)
  })

  it('while the office has no mini-program messages, 只发小程序消息 offers 改为“自动”, which his chat then carries', async () => {
    await app.close()
    app = await startBackend({ wechat: { templates: { notice: { id: '' } } } })
    await phoneOfZhang(app)
    await joinHisChat(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-mp_subscribe')
    expect(page.textOf('.blocked-words')).to.equal(`${NOTHING}系统的小程序提醒还没开通（请联系人大办公室）。`)
    expect(page.has('#subscribe-digest'), 'nothing he can switch on').to.equal(false)
    await page.tap('#use-auto')
    expect(page.textOf('.way-auto')).to.equal('自动（哪个能收到就用哪个）✓ 已选')
    expect(page.has('.blocked')).to.equal(false)
  })

  it('with no mini-program messages and no chat yet: 只发小程序消息 is changed first (改为“自动”), then the chat is joined', async () => {
    await app.close()
    app = await startBackend({ wechat: { templates: { notice: { id: '' } } } })
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-mp_subscribe')
    // Joining the chat alone would bring nothing while he keeps 只发小程序消息: the choice is what to change first.
    expect(page.textOf('.blocked-words')).to.equal(`${NOTHING}系统的小程序提醒还没开通（请联系人大办公室）。`)
    expect(page.has('#use-auto')).to.equal(true)
    expect(page.textOf('.blocked-also')).to.equal(`改好后，${JOIN_CHAT}`)
    await page.tap('#use-auto')
    expect(page.textOf('.blocked')).to.equal(`${NOTHING}小程序消息和微信私聊都没有开通。${JOIN_CHAT}`)
  })
})
