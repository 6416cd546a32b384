/**
 * The durable floor: the least a request that creates something durably must do here, and
 * so the fair baseline for POST /api/mp/cases and survey responses. Koa, the app's JSON body
 * reader, a bearer-session lookup in the store's sessions table, one zod parse, and one row
 * committed through the store's group commit on a file opened with the store's pragmas
 * (WAL, synchronous=FULL) and migrations, its WAL checkpointed off the event loop as the store does. Prints one JSON line: { port }.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Koa from 'koa'
import { z } from 'zod'
import { jsonBody } from '../../src/http/middleware/json-body.js'
import { timeOrderedUuid } from '../../src/ids.js'
import { hashToken } from '../../src/services/accounts/auth.js'
import { sessionRepo } from '../../src/store/sqlite/auth-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { WalCheckpointer } from '../../src/store/sqlite/wal-checkpointer.js'
import { openDatabase } from '../../src/store/sqlite/open.js'
import { seedPeople } from './people.js'
import { exitWithProfile } from './profile-hook.js'

const people = Number(process.argv[2] ?? 1000)
const scratch = mkdtempSync(join(tmpdir(), 'liaison-bench-floor-'))
const file = join(scratch, 'floor.db')
openDatabase(file).close() // the schema, by the store's own migrations
seedPeople(file, people, null)
const db = openDatabase(file)
// The store's group-commit path whole: the WAL copied into the file off the event loop, as the app's is.
const checkpointer = new WalCheckpointer(file)
const group = new GroupCommit(db, { onCommitted: () => checkpointer.nudge() })
const sessions = sessionRepo(db)
db.exec('CREATE TABLE floor_writes (id TEXT PRIMARY KEY, subject_id TEXT NOT NULL, text TEXT NOT NULL, region_id TEXT, created_at TEXT NOT NULL)')
const insert = db.prepare('INSERT INTO floor_writes (id, subject_id, text, region_id, created_at) VALUES (?, ?, ?, ?, ?)')
const body = z.object({ text: z.string().trim().min(1).max(2000), regionId: z.string().max(64).nullish() })

const app = new Koa()
app.use(jsonBody(64 * 1024))
app.use(async (ctx) => {
  const token = ctx.get('Authorization').match(/^Bearer ([A-Za-z0-9_-]{20,100})$/)?.[1]
  const session = token ? await sessions.findByTokenHash(hashToken(token)) : null
  if (!session) {
    ctx.status = 401
    ctx.body = { error: { code: 'unauthorized', message: '请先登录', details: [] } }
    return
  }
  const parsed = body.safeParse(ctx.state.body)
  if (!parsed.success) {
    ctx.status = 400
    ctx.body = { error: { code: 'validation_failed', message: '请求有误', details: parsed.error.issues } }
    return
  }
  const id = timeOrderedUuid()
  await group.run(() => insert.run(id, session.subjectId, parsed.data.text, parsed.data.regionId ?? null, new Date().toISOString()))
  ctx.status = 201
  ctx.body = { id }
})
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + '\n')
})
await exitWithProfile('durable-floor', scratch)
