import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { types } from 'wechaty'

type ContactMock = ReturnType<mock.Mocker['createContact']>
type RoomMock = ReturnType<mock.Mocker['createRoom']>
/** The mock's message as its listeners get it (its typed-emitter typings do not resolve under NodeNext). */
export interface MessageMock {
  id: string
  text(): string | undefined
  talker(): { id: string }
  listener(): { id: string } | undefined
}
const onMessage = (target: ContactMock | RoomMock, listener: (m: MessageMock) => void) => (target as unknown as NodeJS.EventEmitter).on('message', listener)

/**
 * A pretend WeChat for the demo and the tests, on wechaty-puppet-mock: the bot's own
 * account, people and groups that say things, and a record of everything the bot says
 * back. Unlike the bare mock it remembers contact remarks, as a real account does, so
 * re-identification after a re-login can be shown.
 */
export class MockWorld {
  readonly mocker = new mock.Mocker()
  readonly puppet = new PuppetMock({ mocker: this.mocker })
  readonly self: ContactMock
  /** Every line said in a private chat or room the world watches, in order. */
  readonly transcript: Array<{ from: string; to: string; text: string }> = []
  private readonly watchers: Array<(line: { from: string; to: string; text: string }) => void> = []

  constructor(selfName = '联络站小助手') {
    this.self = this.mocker.createContact({ id: 'liaison-bot', name: selfName })
    const puppet = this.puppet
    const mocker = this.mocker
    const original = puppet.contactAlias.bind(puppet)
    puppet.contactAlias = (async (contactId: string, alias?: string | null) => {
      if (alias === undefined) return mocker.contactPayload(contactId).alias ?? ''
      mocker.contactPayload(contactId, { ...mocker.contactPayload(contactId), alias: alias ?? undefined })
      return original(contactId, alias)
    }) as typeof puppet.contactAlias
  }

  login() {
    this.mocker.login(this.self)
  }

  /** A person with a stable id (ids without "@": the mock routes ids with "@" to rooms). */
  person(id: string, name: string, alias?: string): ContactMock {
    const contact = this.mocker.createContact({ id, name, alias, type: types.Contact.Individual })
    onMessage(contact, (m) => this.heard(m, name))
    return contact
  }

  room(id: string, topic: string, members: ContactMock[]): RoomMock {
    const room = this.mocker.createRoom({ id, topic, memberIdList: [this.self.id, ...members.map((m) => m.id)] })
    onMessage(room, (m) => {
      if (m.talker().id === this.self.id) this.record({ from: this.self.payload.name, to: topic, text: m.text() ?? '' })
    })
    return room
  }

  /** What the bot said to this person (or room topic), oldest first. */
  said(to: string) {
    return this.transcript.filter((l) => l.from === this.self.payload.name && l.to === to).map((l) => l.text)
  }

  onLine(watch: (line: { from: string; to: string; text: string }) => void) {
    this.watchers.push(watch)
  }

  /**
   * Emits a message the way a puppet does, with a chosen id, type and time: for replays
   * (same id twice), history from before the login, and WeChat's own notices.
   */
  emit(from: ContactMock, to: ContactMock, text: string, options: { id?: string; timestamp?: number; type?: types.Message } = {}) {
    const id = options.id ?? `msg-${Math.random().toString(36).slice(2)}`
    if (!this.mocker.cacheMessagePayload.has(id)) {
      this.mocker.MessageMock.create({
        id,
        talkerId: from.id,
        listenerId: to.id,
        timestamp: options.timestamp ?? Date.now(),
        type: options.type ?? types.Message.Text,
        text,
      })
    }
    this.puppet.emit('message', { messageId: id })
    return id
  }

  private heard(m: MessageMock, name: string) {
    const fromBot = m.talker().id === this.self.id
    if (!fromBot && m.listener()?.id !== this.self.id) return
    this.record(fromBot ? { from: this.self.payload.name, to: name, text: m.text() ?? '' } : { from: name, to: this.self.payload.name, text: m.text() ?? '' })
  }

  private record(line: { from: string; to: string; text: string }) {
    this.transcript.push(line)
    for (const w of this.watchers) w(line)
  }
}
