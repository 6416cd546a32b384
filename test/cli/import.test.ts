import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { smallCity } from '../fixtures.js'
import { childEnv } from '../helpers/process.js'

describe('npm run import', function () {
  this.timeout(60_000)
  let dir: string
  let db: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-import-'))
    db = join(dir, 'liaison.db')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const runImport = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], {
      env: childEnv({ LIAISON_DB: `sqlite:${db}`, LIAISON_SECRET_KEY: 'c'.repeat(64) }),
      encoding: 'utf8',
    })
  const counts = async () => {
    const store = createSqliteStore(db)
    try {
      return await store.directory.counts()
    } finally {
      await store.close()
    }
  }

  it('imports a file into the configured store and says what it did', async () => {
    const file = join(dir, 'city.json')
    writeFileSync(file, JSON.stringify(smallCity()))
    const run = runImport(file)
    expect(run.status, run.stderr).to.equal(0)
    expect(run.stderr).to.include('校验通过：8 个区域，3 个联络站，2 个承办单位，5 名代表，5 名工作人员')
    expect(run.stdout).to.match(/导入完成.*deputies: \+5 ~0 =0/)
    expect(run.stdout, 'handling units are counted too').to.match(/stations: \+3 ~0 =0  units: \+2 ~0 =0  deputies/)
    expect(await counts()).to.deep.include({ regions: 8, deputies: 5 })
  })

  it('lists every problem with its place, exits 1 and changes nothing', async () => {
    const city = smallCity()
    city.deputies[1].stationIds = ['st999']
    city.deputies[2].phone = 'not-a-phone'
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify(city))
    const run = runImport(file)
    expect(run.status).to.equal(1)
    expect(run.stderr).to.include('导入文件有 2 处问题，未导入任何数据')
    expect(run.stderr).to.include('  deputies[1].stationIds[0]: 没有叫“st999”的联络站')
    expect(run.stderr).to.include('  deputies[2].phone: 电话号码“not-a-phone”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）')
    expect(await counts()).to.deep.include({ regions: 0, deputies: 0 })
  })

  it('says so when the file is missing or not JSON', () => {
    expect(runImport(join(dir, 'missing.json')).status).to.equal(2)
    const file = join(dir, 'broken.json')
    writeFileSync(file, '{ "regions": [')
    const run = runImport(file)
    expect(run.status).to.equal(1)
    expect(run.stderr).to.include('不是有效的 JSON 文件：第 1 行第 15 列处文件意外结束（可能少了括号、引号或内容不完整），未导入任何数据')
  })

  it('reads a file saved by Notepad or WPS with a byte-order mark, as the console does', async () => {
    const file = join(dir, 'bom.json')
    writeFileSync(file, '\uFEFF' + JSON.stringify(smallCity(), null, 2))
    const run = runImport(file)
    expect(run.status, run.stderr).to.equal(0)
    expect(run.stdout).to.match(/导入完成.*deputies: \+5 ~0 =0/)
  })

  it('says in Chinese on which line and column a hand-edited file goes wrong, and imports nothing', async () => {
    const file = join(dir, 'comma.json')
    const text = JSON.stringify(smallCity(), null, 2).replace('"regions": [\n', '"regions": [\n    ,\n')
    writeFileSync(file, '\uFEFF' + text)
    const run = runImport(file)
    expect(run.status).to.equal(1)
    expect(run.stderr).to.include('不是有效的 JSON 文件：第 3 行第 5 列有误（此处的“,”不符合 JSON 格式），未导入任何数据')
    expect(run.stderr).not.to.match(/Unexpected|not valid JSON/)
    expect(await counts()).to.deep.include({ regions: 0, deputies: 0 })
  })
})
