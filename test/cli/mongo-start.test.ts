import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { childEnv } from '../helpers/process.js'
import { FakeMongoServer, cursorAnswer } from '../fakes/mongo-wire.js'

const run = promisify(execFile)
const SECRET = 'ab'.repeat(32)

/** Runs a Liaison entry point to its end; resolves with its exit code and output. */
async function runToEnd(entry: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', entry, ...args], { env: childEnv(env) })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm start and npm run db:indexes on MongoDB (against a fake server)', function () {
  this.timeout(60_000)
  let fake: FakeMongoServer
  beforeEach(async () => (fake = await FakeMongoServer.start()))
  afterEach(() => fake.close())

  it('refuses to start on a standalone server with one line saying why', async () => {
    fake.hello = { setName: undefined, hosts: undefined, me: undefined, primary: undefined }
    const { code, stderr } = await runToEnd('src/main.ts', [], { LIAISON_DB: fake.uri('/liaison', ''), LIAISON_SECRET_KEY: SECRET, PORT: '0' })
    expect(code).to.equal(2)
    expect(stderr.trim().split('\n')).to.deep.equal([
      `MongoDB at ${fake.host} is a standalone server; Liaison writes in transactions, which need a replica set (a one-member set will do) or a sharded cluster`,
    ])
  })

  it('refuses to start when the URI names no database', async () => {
    const { code, stderr } = await runToEnd('src/main.ts', [], { LIAISON_DB: `mongodb://${fake.host}/?replicaSet=rs0`, LIAISON_SECRET_KEY: SECRET, PORT: '0' })
    expect(code).to.equal(2)
    expect(stderr.trim()).to.equal(`store.url (env LIAISON_DB): name the database in the MongoDB URI, e.g. mongodb://${fake.host}/liaison?replicaSet=rs0`)
  })

  it('drops the indexes no schema declares only when asked with --sync', async () => {
    fake.answer((c) =>
      c.name === 'listIndexes' && c.body.listIndexes === 'stations'
        ? cursorAnswer(c, [
            { v: 2, key: { _id: 1 }, name: '_id_' },
            { v: 2, key: { old: 1 }, name: 'old_1' },
          ])
        : undefined,
    )
    const env = { LIAISON_DB: fake.uri(), LIAISON_SECRET_KEY: SECRET }
    const plain = await runToEnd('src/cli/db-indexes.ts', [], env)
    expect(plain.code, plain.stderr).to.equal(0)
    expect(fake.sent('dropIndexes')).to.deep.equal([])
    const synced = await runToEnd('src/cli/db-indexes.ts', ['--sync'], env)
    expect(synced.code, synced.stderr).to.equal(0)
    expect(synced.stdout).to.include('stations: old_1')
    expect(fake.sent('dropIndexes').map((c) => c.body.index)).to.deep.equal(['old_1'])
  })
})
