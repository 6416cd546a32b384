/**
 * A Liaison backend for the load benchmark: the real app on a durable SQLite file with the
 * demo city, one resident who has consented, and its session token printed as one JSON line.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { demoDirectory } from '../../src/demo/demo-city.js'

const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-cases-'))
const config = loadConfig({
  env: { LIAISON_DB: `sqlite:${join(dir, 'liaison.db')}`, LIAISON_SECRET_KEY: 'f'.repeat(64) },
  overrides: { log: { level: 'silent' }, uploads: { dir: join(dir, 'uploads') }, security: { scryptCost: 1024 }, cases: { submitLimitPerTenMinutes: 0 } },
})
const liaison = await build(config)
const demo = demoDirectory()
await liaison.services.importer.import({ ...demo, staff: [] }, null)
const user = await liaison.services.mpSessions.userForOpenid('o-bench')
await liaison.services.privacy.consent(user.id, liaison.services.privacy.notice.version)
const { token } = await liaison.services.mpSessions.issue(user.id)
const region = demo.regions!.find((r) => r.kind === 'community')!.id
const { port } = await liaison.listen(0, '127.0.0.1')
process.stdout.write(JSON.stringify({ port, token, region, dir }) + '\n')
process.on('SIGINT', () => process.exit(0))
