import { expect } from 'chai'
import { auditEntryWords } from '../../src/domain/audit-entry-words.js'
import type { AuditLine } from '../../src/domain/audit-names.js'

const line = (over: Partial<AuditLine>): AuditLine => ({
  actorKind: 'staff',
  actorId: 'admin',
  action: 'directory.import',
  targetKind: null,
  targetId: null,
  details: {},
  ...over,
})
const say = (over: Partial<AuditLine>) => {
  const w = auditEntryWords(line(over), () => undefined, 'Asia/Shanghai')
  return `${w.action} | ${w.details}`
}

describe('操作记录 as the district admin who imports the roster reads it', () => {
  it('counts an import’s people in 位 and its places in 个, naming only what changed', () => {
    const tally = (over: object) => ({ regions: 0, stations: 0, units: 0, deputies: 0, staff: 0, ...over })
    expect(say({ details: { created: tally({ deputies: 155 }), updated: tally({ stations: 1 }), deputiesNotInFile: 3 } })).to.equal(
      '导入名册 | 新增代表 155 位，更新联络站 1 个，名册外代表 3 位',
    )
    expect(say({ details: { created: tally({}), updated: tally({}), deputiesNotInFile: 0 } })).to.equal('导入名册 | 名册没有改动')
  })

  it('says the end of an export as its completion, and a download stopped midway as stopped', () => {
    const filters = {}
    expect(say({ action: 'cases.export_finished', details: { filters, rows: 12, complete: true } })).to.equal('留言列表导出完成 | 共 12 条，全部留言')
    expect(say({ action: 'cases.export_finished', details: { filters, rows: 1, complete: false } })).to.equal('留言列表导出中途停止 | 已导出 1 条，全部留言')
  })

  it('labels where a sign-in came from, names the 账号 tried, and says which notice a resident agreed to', () => {
    expect(say({ action: 'login.failed', details: { username: 'lina', client: '10.0.0.7' } })).to.equal('登录失败 | 账号 lina，网络地址 10.0.0.7')
    expect(say({ actorKind: 'mp_user', action: 'privacy.consent.given', details: { version: 'v3' } })).to.equal('同意隐私告知 | 第 3 版')
  })
})
