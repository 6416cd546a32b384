import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { childEnv } from '../helpers/process.js'

describe('npm run calendar', function () {
  this.timeout(60_000)
  let dir: string
  let db: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-calendar-'))
    db = join(dir, 'liaison.db')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/calendar.ts', ...args], {
      env: childEnv({ LIAISON_DB: `sqlite:${db}`, LIAISON_SECRET_KEY: 'c'.repeat(64) }),
      encoding: 'utf8',
    })
  const years = async () => {
    const store = createSqliteStore(db)
    try {
      return (await store.calendar.listYears()).map((y) => [y.year, y.days.length, y.importedBy])
    } finally {
      await store.close()
    }
  }
  const file = (name: string, content: unknown) => {
    const path = join(dir, name)
    writeFileSync(path, JSON.stringify(content))
    return path
  }

  it('status lists the years a new store is seeded with', () => {
    const status = run('status')
    expect(status.status, status.stderr).to.equal(0)
    expect(status.stdout).to.match(/^2025 {2}放假 \d+ 天 {2}调休上班 \d+ 天/m)
    expect(status.stdout).to.match(/^2026 {2}放假 33 天 {2}调休上班 6 天/m)
  })

  it('imports a year, then replaces it when imported again', async () => {
    const y2027 = {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '劳动节', date: '2027-05-01', isOffDay: true },
      ],
    }
    const first = run('import', file('2027.json', y2027))
    expect(first.status, first.stderr).to.equal(0)
    expect(first.stdout).to.include('已导入 2027 年：放假 2 天，调休上班 0 天')
    expect(first.stdout).to.match(/^2027 {2}放假 2 天/m)
    const again = run('import', file('2027b.json', { ...y2027, days: y2027.days.slice(0, 1) }))
    expect(again.stdout).to.include('已替换 2027 年：放假 1 天')
    expect(await years()).to.deep.equal([
      [2025, 33, 'bundled'],
      [2026, 39, 'bundled'],
      [2027, 1, 'cli'],
    ])
  })

  it('names every problem of a bad file, exits 1 and changes nothing', async () => {
    const bad = run(
      'import',
      file('bad.json', {
        year: 2027,
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '', date: '2028-01-01', isOffDay: true },
        ],
      }),
    )
    expect(bad.status).to.equal(1)
    expect(bad.stderr).to.include('节假日文件有问题，未导入')
    expect(bad.stderr).to.include('  days[1].date: 2027-01-01 重复出现（与第 1 项相同）')
    expect(bad.stderr).to.include('  days[2].name: 缺少节日名称')
    expect(bad.stderr).to.include('  days[2].date: 2028-01-01 不在 2027 年内：一个文件只放一年的安排')
    expect((await years()).map(([year]) => year)).to.deep.equal([2025, 2026])
  })

  it('says how to use it, and when the file is missing', () => {
    expect(run().status).to.equal(2)
    expect(run('import', join(dir, 'missing.json')).status).to.equal(1)
  })
})
