import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { BSON, Long, type Document } from 'mongodb'

/**
 * A local stand-in for a MongoDB server, speaking the wire protocol (OP_QUERY for the
 * driver's first handshake, OP_MSG after it) to the real driver and mongoose. It keeps no
 * data: every command is recorded, and answered with an empty but well-formed reply
 * (no documents found, nothing matched) unless a test installs its own answer.
 *
 * No MongoDB server can run where the tests run, so this is how the adapter's requests
 * are checked: what it sends (write concern, pipelines, filters), what it refuses before
 * sending, and what it does with the server's `hello`. It is not a database: behaviour
 * that needs real data (uniqueness, transactions, races) is the contract suite's, run
 * with MONGODB_URI against a real replica set.
 */

export interface ReceivedCommand {
  /** The command's name, e.g. "insert", "update", "find", "commitTransaction". */
  name: string
  db: string
  /** The command document, with OP_MSG document sequences (documents, updates …) merged in. */
  body: Document
}

/** An answer that never comes: the server has stopped answering (a hung or unreachable node). */
export const NO_ANSWER = Symbol('no answer')

export type CommandAnswer = (command: ReceivedCommand) => Document | typeof NO_ANSWER | undefined

const OP_REPLY = 1
const OP_QUERY = 2004
const OP_MSG = 2013

export class FakeMongoServer {
  readonly commands: ReceivedCommand[] = []
  /** Fields merged into every hello answer: `{ setName: undefined }` makes a standalone. */
  hello: Document = {}
  private answers: CommandAnswer[] = []
  private sockets = new Set<Socket>()
  private constructor(private server: Server) {}

  static async start(): Promise<FakeMongoServer> {
    const server = createServer()
    const fake = new FakeMongoServer(server)
    server.on('connection', (socket) => fake.serve(socket))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return fake
  }

  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** A URI for the driver: a one-member replica set named rs0 by default. */
  uri(path = '/liaison', query = 'replicaSet=rs0'): string {
    return `mongodb://${this.host}${path}${query ? `?${query}` : ''}`
  }

  /** The first answer that returns a document wins; later ones are the defaults. */
  answer(fn: CommandAnswer): void {
    this.answers.unshift(fn)
  }

  /** Commands of the given names, in the order received, leaving out the driver's own chatter. */
  sent(...names: string[]): ReceivedCommand[] {
    return this.commands.filter((c) => names.includes(c.name))
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private serve(socket: Socket) {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    let pending = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk])
      while (pending.length >= 4) {
        const length = pending.readInt32LE(0)
        if (pending.length < length) break
        const message = pending.subarray(0, length)
        pending = pending.subarray(length)
        const reply = this.handle(message)
        if (reply) socket.write(reply)
      }
    })
  }

  private handle(message: Buffer): Buffer | null {
    const requestId = message.readInt32LE(4)
    const opCode = message.readInt32LE(12)
    if (opCode === OP_QUERY) {
      // flags (4), full collection name (cstring), skip (4), return (4), query document
      const nameEnd = message.indexOf(0, 20)
      const db = message.toString('utf8', 20, nameEnd).split('.')[0]
      const body = BSON.deserialize(message.subarray(nameEnd + 9))
      const answer = this.reply({ name: Object.keys(body)[0], db, body })
      return answer === NO_ANSWER ? null : opReply(requestId, answer)
    }
    if (opCode !== OP_MSG) throw new Error(`fake mongo: unexpected op code ${opCode}`)
    const flags = message.readUInt32LE(16)
    const end = flags & 1 ? message.length - 4 : message.length
    let body: Document = {}
    const sequences: Record<string, Document[]> = {}
    for (let at = 20; at < end;) {
      const kind = message[at]
      if (kind === 0) {
        const size = message.readInt32LE(at + 1)
        body = BSON.deserialize(message.subarray(at + 1, at + 1 + size))
        at += 1 + size
      } else {
        const size = message.readInt32LE(at + 1)
        const idEnd = message.indexOf(0, at + 5)
        const id = message.toString('utf8', at + 5, idEnd)
        const docs: Document[] = []
        for (let d = idEnd + 1; d < at + 1 + size;) {
          const docSize = message.readInt32LE(d)
          docs.push(BSON.deserialize(message.subarray(d, d + docSize)))
          d += docSize
        }
        sequences[id] = docs
        at += 1 + size
      }
    }
    const command = { name: Object.keys(body)[0], db: String(body.$db), body: { ...body, ...sequences } }
    const answer = this.reply(command)
    // moreToCome from the client: an unacknowledged write, no reply expected.
    return flags & 2 || answer === NO_ANSWER ? null : opMsg(requestId, answer)
  }

  private reply(command: ReceivedCommand): Document | typeof NO_ANSWER {
    const isHello = ['hello', 'isMaster', 'ismaster'].includes(command.name)
    if (!isHello) this.commands.push(command)
    for (const fn of this.answers) {
      const answer = fn(command)
      if (answer) return answer
    }
    if (isHello) return this.helloAnswer()
    return defaultAnswer(command)
  }

  private helloAnswer(): Document {
    const answer: Document = {
      helloOk: true,
      ismaster: true,
      isWritablePrimary: true,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId: 1,
      minWireVersion: 0,
      maxWireVersion: 21,
      setName: 'rs0',
      hosts: [this.host],
      me: this.host,
      primary: this.host,
      ok: 1,
      ...this.hello,
    }
    for (const key of Object.keys(answer)) if (answer[key] === undefined) delete answer[key]
    return answer
  }
}

/** A first batch that is also the last, as a find, aggregate or listIndexes answers it. */
export function cursorAnswer({ name, db, body }: ReceivedCommand, docs: Document[]): Document {
  return { cursor: { firstBatch: docs, id: Long.ZERO, ns: `${db}.${String(body[name])}` }, ok: 1 }
}

/** As the server answers: nothing found, nothing matched; a raw NUL in a pattern is refused. */
function defaultAnswer({ name, db, body }: ReceivedCommand): Document {
  if (hasNulPattern(body)) {
    return { ok: 0, code: 51091, codeName: 'Location51091', errmsg: 'Regular expression is invalid: nul byte' }
  }
  const ns = `${db}.${String(body[name])}`
  switch (name) {
    case 'find':
    case 'aggregate':
    case 'listIndexes':
    case 'listCollections':
      return { cursor: { firstBatch: [], id: Long.ZERO, ns }, ok: 1 }
    case 'getMore':
      return { cursor: { nextBatch: [], id: Long.ZERO, ns }, ok: 1 }
    case 'insert':
      return { n: (body.documents as Document[] | undefined)?.length ?? 0, ok: 1 }
    case 'update':
    case 'delete':
      return { n: 0, nModified: 0, ok: 1 }
    case 'distinct':
      return { values: [], ok: 1 }
    case 'findAndModify':
      return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 }
    default:
      return { ok: 1 }
  }
}

function hasNulPattern(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNulPattern)
  if (value instanceof BSON.BSONRegExp) return value.pattern.includes('\0')
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.entries(value).some(([k, v]) => (k === '$regex' && typeof v === 'string' ? v.includes('\0') : hasNulPattern(v)))
  }
  return false
}

function opMsg(responseTo: number, doc: Document): Buffer {
  const payload = Buffer.from(BSON.serialize(doc))
  const header = Buffer.alloc(21)
  header.writeInt32LE(21 + payload.length, 0)
  header.writeInt32LE(0, 4)
  header.writeInt32LE(responseTo, 8)
  header.writeInt32LE(OP_MSG, 12)
  header.writeUInt32LE(0, 16)
  header[20] = 0
  return Buffer.concat([header, payload])
}

function opReply(responseTo: number, doc: Document): Buffer {
  const payload = Buffer.from(BSON.serialize(doc))
  const header = Buffer.alloc(36)
  header.writeInt32LE(36 + payload.length, 0)
  header.writeInt32LE(0, 4)
  header.writeInt32LE(responseTo, 8)
  header.writeInt32LE(OP_REPLY, 12)
  header.writeInt32LE(0, 16) // response flags
  header.writeBigInt64LE(0n, 20) // cursor id
  header.writeInt32LE(0, 28) // starting from
  header.writeInt32LE(1, 32) // number returned
  return Buffer.concat([header, payload])
}
