import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { smallCity } from '../fixtures.js'
import { childEnv } from '../helpers/process.js'

describe('npm run route', function () {
  this.timeout(60_000)
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'liaison-route-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content)
    return name
  }
  // Relative paths, resolved against INIT_CWD as npm sets it for `npm run`.
  const runRoute = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/route.ts', ...args], { env: childEnv({ INIT_CWD: dir }), encoding: 'utf8' })

  /** A city the code has never seen: one district, one street with a station, one uncovered street. */
  const riverside = () => ({
    regions: [
      { id: 'd9', name: '河西区', kind: 'district', parentId: null },
      { id: 's91', name: '滨江街道', kind: 'street', parentId: 'd9' },
      { id: 'c911', name: '望江社区', kind: 'community', parentId: 's91' },
      { id: 's92', name: '北岸街道', kind: 'street', parentId: 'd9' },
      { id: 'c921', name: '北岸社区', kind: 'community', parentId: 's92' },
    ],
    stations: [{ id: 'x1', code: 'bj1', name: '滨江街道代表联络站', kind: 'community', regionIds: ['s91'] }],
    deputies: [
      { id: 'p1', code: 'hx01', name: '陈静', level: 'county', stationIds: ['x1'], topics: ['交通出行'], phone: '13900000009' },
      { id: 'p2', code: 'hx02', name: '吴刚', level: 'city', stationIds: ['x1'], dutyDates: ['2026-12-02'] },
    ],
  })

  it('prints one decision with the resident’s summary per line, an error for a bad line, and goes on', () => {
    const directory = write('city.json', JSON.stringify(riverside()))
    const messages = write(
      'messages.jsonl',
      [
        JSON.stringify({ text: '望江社区门口停车太难了', regionId: 'c911', at: '2026-12-01T09:00:00+08:00' }),
        JSON.stringify({ text: '楼下垃圾没人清运', regionId: 'c911', at: '2026-12-02T09:00:00+08:00' }),
        '',
        '{"text": "没有结尾',
        JSON.stringify({ text: '路灯坏了', regionId: 'c921' }),
        JSON.stringify({ text: '找吴刚代表', deputyCode: 'HX02', stationCode: 'NOPE' }),
        JSON.stringify({ regionId: 'c911' }),
        JSON.stringify({ text: '你好', at: 'yesterday' }),
        '   ',
      ].join('\n'),
    )
    const run = runRoute(directory, messages)
    expect(run.status, run.stderr).to.equal(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).to.have.length(7)

    expect(lines[0]).to.deep.include({ stationId: 'x1', deputyId: 'p1', topic: '交通出行', officeRegionId: null })
    expect(lines[0].reasons.map((r: { code: string }) => r.code)).to.deep.equal(['covering_station', 'topic', 'topic_match', 'fewest_open'])
    expect(lines[0].summary).to.equal('已交给滨江街道代表联络站的陈静代表（您所在社区由该站联系；陈静代表关注交通出行）')

    expect(lines[1]).to.deep.include({ deputyId: 'p2', topic: '环境保护' })
    expect(lines[1].reasons.map((r: { message: string }) => r.message)).to.include('吴刚代表12月2日接待值班')

    expect(lines[2]).to.deep.equal({ line: 4, error: lines[2].error })
    expect(lines[2].error).to.be.a('string').and.not.empty

    expect(lines[3]).to.deep.include({ stationId: null, deputyId: null, topic: '城乡建设', officeRegionId: 'd9' })
    expect(lines[3].summary).to.equal('已交给河西区人大常委会办公室（您所在区域暂无代表联络站）')

    expect(lines[4]).to.deep.include({ stationId: 'x1', deputyId: 'p2', topic: '其他' })
    expect(lines[4].reasons.map((r: { code: string }) => r.code)).to.deep.equal(['unknown_station_code', 'deputy_code', 'no_topic'])

    expect(lines[5]).to.deep.equal({ line: 7, error: '"text" must be a string' })
    expect(lines[6]).to.deep.equal({ line: 8, error: '"at" is not a date: yesterday' })
  })

  it('takes the capacity and the time zone as options', () => {
    const directory = write('city.json', JSON.stringify(riverside()))
    // 2026-12-01 20:00 UTC is already 12月2日 in Shanghai, when 吴刚 is on duty.
    const messages = write('m.jsonl', JSON.stringify({ text: '路灯坏了', regionId: 'c911', at: '2026-12-01T20:00:00Z' }))
    expect(JSON.parse(runRoute(directory, messages).stdout).deputyId).to.equal('p2')
    expect(JSON.parse(runRoute(directory, messages, '--tz', 'UTC').stdout).deputyId).to.equal('p1')
    expect(runRoute(directory, messages, '--capacity', 'many').status).to.equal(2)
  })

  it('lists the problems of an invalid directory file and exits 1', () => {
    const city = smallCity()
    city.deputies[0].topics = ['天气']
    city.stations[0].regionIds = ['nowhere']
    const run = runRoute(write('bad.json', JSON.stringify(city)), write('m.jsonl', '{"text":"你好"}\n'))
    expect(run.status).to.equal(1)
    expect(run.stdout).to.equal('')
    expect(run.stderr).to.include('目录文件有 2 处问题')
    expect(run.stderr).to.include('  stations[0].regionIds[0]: 没有叫“nowhere”的地区')
    expect(run.stderr).to.include('  deputies[0].topics[0]: 没有“天气”这个关注领域')
  })

  it('says how to use it when a file is missing', () => {
    const run = runRoute(write('city.json', JSON.stringify(riverside())), 'missing.jsonl')
    expect(run.status).to.equal(2)
    expect(run.stderr).to.include('missing.jsonl: no such file')
    expect(run.stderr).to.include('usage: npm run route')
  })
})
