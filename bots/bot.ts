import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pino, type Logger } from 'pino'
import { log as wechatyLog, qrcodeValueToImageUrl, ScanStatus, types, WechatyBuilder, type Message, type Wechaty, type WechatyOptions } from 'wechaty'
import { LiaisonClient, type AlertKind } from './client.js'
import type { BotConfig } from './config.js'
import type { InboundEvent } from './inbox-types.js'
import { Inbox } from './inbox.js'
import { OutboxConsumer } from './outbox-consumer.js'
import { Pacer, realClock, type PaceClock } from './pacer.js'
import { filePending, memoryPending, type PendingStore } from './pending.js'
import { Speaker } from './speaker.js'

/** What WeChat sends instead of an error when the account is throttled. */
const THROTTLED = '操作过于频繁'
/** Puppet timestamps are in whole seconds: a message from the login second is not "older". */
const STALE_SLACK_MS = 1000
/** After a logout, how long to wait for a QR code to send along with the alert. */
const LOGOUT_ALERT_WAIT_MS = 20_000
/** Message types a person sends that we cannot read; we say so. Other non-text types are system noise. */
const UNREADABLE = new Set([
  types.Message.Image,
  types.Message.Audio,
  types.Message.Video,
  types.Message.Emoticon,
  types.Message.Attachment,
  types.Message.Url,
  types.Message.MiniProgram,
  types.Message.Location,
  types.Message.Contact,
])

export interface LiaisonBotOptions {
  config: BotConfig
  /** A puppet instance (tests, the demo); otherwise config.puppet names the package. */
  puppet?: Extract<WechatyOptions['puppet'], object>
  /** The pace and dialogue clock (tests pass a virtual one). */
  clock?: PaceClock
  random?: () => number
  log?: Logger
  /** Where held messages are kept; default: config.pendingPath (or memory when null). */
  pending?: PendingStore<InboundEvent>
}

/**
 * The bot process: a Wechaty bot on the configured puppet, the conversations listening
 * to it, and the outbox consumer. Everything it knows lives in the backend, reached only
 * over HTTP through LiaisonClient.
 */
export class LiaisonBot {
  readonly wechaty: Wechaty
  readonly client: LiaisonClient
  readonly pacer: Pacer
  readonly speaker: Speaker
  readonly inbox: Inbox
  readonly outbox: OutboxConsumer
  readonly log: Logger
  private readonly clock: PaceClock
  /** Wall time of the last login; messages from before it are replays. */
  private loginAt: number | null = null
  private loggedOutBefore = false
  private lastQr: string | null = null
  private sweeper: NodeJS.Timeout | null = null
  /** Our own stop logs the puppet out: that is not an outage to tell the admins about. */
  private stopping = false
  /** Set between a logout and the next login ('' when the puppet gave no reason). */
  private logoutReason: string | null = null
  private logoutAlert: NodeJS.Timeout | null = null

  constructor(private readonly options: LiaisonBotOptions) {
    const { config } = options
    if (!config.secret) throw new Error('LIAISON_BOT_SECRET is not set: the backend refuses the bot without it')
    this.log = options.log ?? pino({ name: 'liaison-bot' })
    this.clock = options.clock ?? realClock
    wechatyLog.level(config.wechatyLog)
    this.client = new LiaisonClient({ baseUrl: config.apiBase, secret: config.secret, ...config.http })
    this.wechaty = options.puppet ? WechatyBuilder.build({ puppet: options.puppet }) : WechatyBuilder.build(this.namedPuppet())
    this.pacer = new Pacer(config.pace, this.clock, options.random)
    this.speaker = new Speaker(this.wechaty, this.pacer)
    const pending = options.pending ?? (config.pendingPath ? filePending<InboundEvent>(resolve(config.pendingPath)) : memoryPending<InboundEvent>())
    this.inbox = new Inbox(
      this.client,
      this.speaker,
      this.clock,
      { dialogueTimeoutMs: config.dialogueTimeoutMinutes * 60_000, joinWindowMs: config.joinWindowMs, recovery: config.recovery },
      pending,
      this.log,
      (contactId, alias) => this.setAlias(contactId, alias),
    )
    this.outbox = new OutboxConsumer(this.client, this.speaker, this.pacer, this.inbox, this.clock, { instance: config.instance, ...config.outbox }, this.log)
    this.wire()
  }

  async start() {
    this.inbox.start()
    await this.wechaty.start()
    this.sweeper = setInterval(() => this.inbox.sweep(), this.options.config.sweepMs)
  }

  async stop() {
    this.stopping = true
    this.clearLogoutAlert()
    if (this.sweeper) clearInterval(this.sweeper)
    this.inbox.stop()
    await this.outbox.stop()
    this.pacer.stop()
    await this.wechaty.stop()
  }

  get loggedIn() {
    return this.loginAt !== null
  }

  /** The real puppet, with login kept in the memory card file (Wechaty appends ".memory-card.json"). */
  private namedPuppet(): WechatyOptions {
    const card = resolve(this.options.config.memoryCardPath)
    mkdirSync(dirname(card), { recursive: true })
    return { name: card.replace(/\.memory-card\.json$/, ''), puppet: this.options.config.puppet as never }
  }

  private wire() {
    const bot = this.wechaty
    // Without an error listener, Wechaty throws on e.g. a lookup of a contact that is gone.
    bot.on('error', (err) => this.log.warn({ err: String(err) }, 'bot: wechaty error'))
    bot.on('scan', (qrcode, status) => {
      if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return
      const url = qrcodeValueToImageUrl(qrcode)
      this.log.warn({ url }, "bot: scan this QR code with the account's WeChat to log in")
      if (qrcode === this.lastQr) return
      this.lastQr = qrcode
      // One message to the admins: why the bot is out (when we know) and the code to bring it back.
      const why = this.logoutReason !== null ? `联络站机器人已掉线${this.logoutReason ? `（${this.logoutReason}）` : ''}，` : '联络站机器人'
      this.clearLogoutAlert()
      this.alert('logged_out', `${why}需要用机器人的微信扫码登录。`, url)
    })
    bot.on('login', (user) => {
      this.loginAt = Date.now()
      this.log.info({ user: user.name() }, 'bot: logged in')
      this.clearLogoutAlert()
      this.logoutReason = null
      if (this.loggedOutBefore) this.alert('logged_in', `联络站机器人已重新登录（${user.name()}），恢复工作。`)
      this.outbox.start()
    })
    bot.on('logout', (user, reason) => {
      this.loginAt = null
      void this.outbox.stop()
      if (this.stopping) return
      this.loggedOutBefore = true
      this.log.warn({ user: user.name(), reason }, 'bot: logged out; waiting for a new login')
      // Most puppets show a new QR code within seconds; wait for it so the admins get one
      // message with the code, and send the bare news only if none comes.
      this.logoutReason = reason ?? ''
      this.clearLogoutAlert()
      this.logoutAlert = setTimeout(() => {
        this.logoutAlert = null
        this.alert('logged_out', `联络站机器人已掉线${reason ? `（${reason}）` : ''}，正在等待重新登录。`)
      }, LOGOUT_ALERT_WAIT_MS)
    })
    bot.on('message', (msg) => {
      this.onMessage(msg).catch((err) => this.log.error({ err: String(err) }, 'bot: message listener failed'))
    })
  }

  private async onMessage(msg: Message) {
    const type = msg.type()
    const text = msg.text() ?? ''
    if (type !== types.Message.Text && text.includes(THROTTLED)) return this.throttled()
    if (msg.self()) return
    if (this.loginAt === null || msg.date().getTime() < this.loginAt - STALE_SLACK_MS) return
    const talker = msg.talker()
    const alias = (await talker.alias().catch(() => undefined)) ?? null
    const room = msg.room()
    if (room) {
      if (type !== types.Message.Text) return
      const topic = (await room.topic().catch(() => null)) || null
      void this.inbox.receive({
        kind: 'room',
        messageId: msg.id,
        roomId: room.id,
        topic,
        contactId: talker.id,
        alias,
        name: talker.name(),
        text,
        seenChecked: false,
      })
      return
    }
    if (talker.type() !== types.Contact.Individual) return // official accounts and the like
    if (type !== types.Message.Text && !UNREADABLE.has(type)) return
    void this.inbox.receive({
      kind: 'private',
      messageId: msg.id,
      contactId: talker.id,
      alias,
      name: talker.name(),
      text,
      isText: type === types.Message.Text,
      seenChecked: false,
    })
  }

  private throttled() {
    if (this.pacer.coolingDownUntil) return
    const until = this.pacer.coolDown()
    const minutes = Math.round((until - this.clock.now()) / 60_000)
    this.log.warn({ minutes }, 'bot: WeChat says 操作过于频繁; sending paused')
    this.alert('rate_limited', `微信提示机器人"操作过于频繁"，已暂停发送 ${minutes} 分钟，之后自动恢复。`)
  }

  /** Tells the admins through the backend (its outbox, the office's WeCom group if configured). */
  private alert(kind: AlertKind, text: string, qrUrl?: string) {
    this.client.alert(kind, text, qrUrl).catch((err) => this.log.error({ err: String(err), kind }, 'bot: could not alert the admins'))
  }

  private clearLogoutAlert() {
    if (this.logoutAlert) clearTimeout(this.logoutAlert)
    this.logoutAlert = null
  }

  private async setAlias(contactId: string, alias: string) {
    const contact = await this.wechaty.Contact.find({ id: contactId })
    if (contact) await contact.alias(alias)
  }
}
