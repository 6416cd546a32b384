import { expect } from 'chai'
import { ManualClock } from '../../src/clock.js'
import { createLogger } from '../../src/logger.js'
import { retryable, WeChatApiError } from '../../src/wechat/errors.js'
import { cutToUtf8Bytes, WeComRobot, type WeComRobotOptions } from '../../src/wechat/wecom-robot.js'
import { FakeWeChat } from '../fakes/wechat-api.js'

const WEBHOOK = '/cgi-bin/webhook/send'
const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'

async function robotFailure(promise: Promise<unknown>): Promise<WeChatApiError> {
  try {
    await promise
  } catch (err) {
    expect(err).to.be.instanceOf(WeChatApiError)
    return err as WeChatApiError
  }
  throw new Error('expected the send to fail')
}

describe('WeCom group robot', () => {
  let fake: FakeWeChat
  let clock: ManualClock
  let apiBase: string

  beforeEach(async () => {
    clock = new ManualClock()
    fake = new FakeWeChat({ clock })
    fake.addRobotKey(KEY)
    apiBase = await fake.start()
  })
  afterEach(() => fake.stop())

  const robot = (options: Partial<WeComRobotOptions> = {}) => new WeComRobot({ apiBase, timeoutMs: 2000, clock, ...options })

  it('posts a text message with mentions to the webhook of its key', async () => {
    await robot().send(KEY, { msgtype: 'text', content: '新留言：小区路灯损坏，请及时处理', mentionedMobiles: ['13800138000'] })
    const [request] = fake.received(WEBHOOK)
    expect(request.method).to.equal('POST')
    expect(request.query).to.deep.equal({ key: KEY })
    expect(request.body).to.deep.equal({ msgtype: 'text', text: { content: '新留言：小区路灯损坏，请及时处理', mentioned_mobile_list: ['13800138000'] } })
    expect(fake.robotMessages(KEY)).to.have.length(1)
  })

  it('posts markdown', async () => {
    await robot().send(KEY, { msgtype: 'markdown', content: '**超期提醒**\n> 留言 QL-0012 已超期 2 天' })
    expect(fake.received(WEBHOOK)[0].body).to.deep.equal({ msgtype: 'markdown', markdown: { content: '**超期提醒**\n> 留言 QL-0012 已超期 2 天' } })
  })

  it('cuts content to 2048 bytes of UTF-8 for text and 4096 for markdown, never inside a character', async () => {
    const client = robot()
    await client.send(KEY, { msgtype: 'text', content: '议'.repeat(1000) })
    await client.send(KEY, { msgtype: 'markdown', content: '案'.repeat(2000) })
    const [text, markdown] = fake.robotMessages(KEY).map((m) => (m.body[m.msgtype] as { content: string }).content)
    expect(text).to.equal('议'.repeat(682))
    expect(Buffer.byteLength(text)).to.equal(2046)
    expect(markdown).to.equal('案'.repeat(1365))
    expect(cutToUtf8Bytes('ab🎉', 5)).to.equal('ab')
    expect(cutToUtf8Bytes('short', 2048)).to.equal('short')
  })

  it('93000: an invalid webhook key is a configuration error', async () => {
    const err = await robotFailure(robot().send('0000-not-a-robot', { msgtype: 'text', content: '测试' }))
    expect(err).to.include({ errcode: 93000, kind: 'config', local: false })
    expect(err.errmsg).to.include('invalid webhook url')
    expect(retryable(err)).to.equal(false)
  })

  it('45009: WeCom refused for frequency, retry later', async () => {
    fake.failNext(WEBHOOK, 45009, 1, 'api freq out of limit,')
    const err = await robotFailure(robot().send(KEY, { msgtype: 'text', content: '测试' }))
    expect(err).to.include({ errcode: 45009, kind: 'quota' })
    expect(retryable(err)).to.equal(true)
  })

  it('holds back the 21st message within a minute without sending it, and sends again a minute later', async () => {
    const client = robot()
    for (let i = 0; i < 20; i++) await client.send(KEY, { msgtype: 'text', content: `第${i + 1}条` })
    const err = await robotFailure(client.send(KEY, { msgtype: 'text', content: '第21条' }))
    expect(err).to.include({ errcode: 45009, kind: 'quota', local: true })
    expect(fake.received(WEBHOOK)).to.have.length(20)
    clock.advance(60_000)
    await client.send(KEY, { msgtype: 'text', content: '第21条' })
    expect(fake.robotMessages(KEY)).to.have.length(21)
  })

  it('timeouts, refused connections and HTTP 5xx are transport errors', async () => {
    fake.delay(WEBHOOK, 1000)
    expect(await robotFailure(robot({ timeoutMs: 150 }).send(KEY, { msgtype: 'text', content: '慢' }))).to.include({ kind: 'transport' })
    fake.delay(WEBHOOK, 0)
    fake.failHttp(WEBHOOK, 502)
    expect(await robotFailure(robot().send(KEY, { msgtype: 'text', content: '坏' }))).to.include({ kind: 'transport', httpStatus: 502 })
    await fake.refuseConnections(true)
    expect(await robotFailure(robot().send(KEY, { msgtype: 'text', content: '断' }))).to.include({ kind: 'transport' })
    await fake.refuseConnections(false)
    await robot().send(KEY, { msgtype: 'text', content: '恢复' })
  })

  it('never writes the robot key into a log line or an error', async () => {
    const lines: string[] = []
    const logger = createLogger({ log: { level: 'trace' } }, { write: (line: string) => void lines.push(line) })
    const client = robot({ logger, timeoutMs: 150 })
    const errors: unknown[] = []
    const attempt = (content: string, key = KEY) => client.send(key, { msgtype: 'text', content }).catch((err) => void errors.push(err))

    await attempt('成功')
    fake.failNext(WEBHOOK, 45009, 1, `api freq out of limit, key ${KEY},`)
    await attempt('频繁')
    fake.delay(WEBHOOK, 500)
    await attempt('超时')
    fake.delay(WEBHOOK, 0)
    fake.failHttp(WEBHOOK, 500)
    await attempt('出错')
    await attempt('无效', `${KEY}-removed`)

    expect(errors).to.have.length(4)
    expect(lines.length).to.be.at.least(5)
    const texts = [...lines, ...errors.flatMap((err) => [String(err), (err as Error).stack ?? '', JSON.stringify(err)])]
    for (const text of texts) expect(text.includes(KEY), `key leaked into: ${text.slice(0, 200)}`).to.equal(false)
  })
})
