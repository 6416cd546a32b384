import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// The console's modules are type-checked by vue-tsc (admin/tsconfig.json), not by the backend's tsc: loaded by path.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

interface Row {
  reasonCode: string | null
  status: string
  delivery: { reason: string | null }
  lastError: string | null
  recipientName: string | null
  recipientKind: string
  retryable: boolean
}
let whatToDo: (row: Row) => string | null

/** A row of 消息发送情况 that the bot could not send for a reason nobody can name, as the console reads it. */
const row = (over: Partial<Row>): Row => ({
  reasonCode: 'unknown',
  status: 'dead',
  delivery: { reason: '没有发出去，原因不明' },
  lastError: 'Error: 2 UNKNOWN: odd',
  recipientName: '张伟代表',
  recipientKind: 'deputy',
  retryable: true,
  ...over,
})

describe('消息发送情况: a failure of unknown cause still says what to do next', () => {
  before(async () => {
    whatToDo = (await consoleModule('views/admin/words.ts')).whatToDo
  })

  it('to a deputy: send it again, and if that fails too, phone him by name', () => {
    expect(whatToDo(row({}))).to.equal('请点“重新发送”；还不行，请打电话告诉张伟代表')
    // An older bot's row has no code: known by its words.
    expect(whatToDo(row({ reasonCode: null }))).to.equal('请点“重新发送”；还不行，请打电话告诉张伟代表')
  })

  it('to a resident, whose phone this page does not show: only 重新发送', () => {
    expect(whatToDo(row({ recipientKind: 'mp_user', recipientName: null }))).to.equal('请点“重新发送”')
  })

  it('no longer sendable again: phone him; while the bot still tries by itself, nothing to do', () => {
    expect(whatToDo(row({ recipientKind: 'staff', recipientName: '李娜', retryable: false }))).to.equal('请打电话告诉李娜')
    expect(whatToDo(row({ status: 'failed', delivery: { reason: '没有发出去，原因不明，稍后会自动再发' } }))).to.equal(null)
  })

  it('the bot logged out: the administrator scans again on its phone, then 重新发送', () => {
    expect(whatToDo(row({ reasonCode: 'not_logged_in' }))).to.equal('微信助手掉线了：请用登录微信助手的那部手机重新扫码，再点“重新发送”')
  })
})
