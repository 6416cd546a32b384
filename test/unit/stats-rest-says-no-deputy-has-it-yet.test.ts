import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Loaded by path, as console-times.test.ts does: the console's modules are vue-tsc's to check.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)
type RestText = (r: { total: number; open: number; overdueOpen: number }) => string

/**
 * 统计分析 按代表 says the messages no deputy has yet in the dashboard's word (还没交给代表, its row's name and
 * 等您分派's hint), not a second word for the same state (还未分派).
 */
describe('统计分析: the messages no deputy has yet, in the dashboard’s word', () => {
  let deputyRestText: RestText
  before(async () => {
    ;({ deputyRestText } = await consoleModule('views/dashboard/stats-rest-words.ts'))
  })

  it('all of them still open: 另有 N 条还没交给代表', () => {
    expect(deputyRestText({ total: 9, open: 9, overdueOpen: 2 })).to.equal('另有 9 条还没交给代表，其中 2 条已超期，不在上面的代表名下。')
  })

  it('some ended as well: N 条还没交给代表；M 条已结束', () => {
    expect(deputyRestText({ total: 4, open: 3, overdueOpen: 0 })).to.equal(
      '另有 4 条不在上面的代表名下：3 条还没交给代表；1 条已结束（不予受理或撤回的，以及并入其他留言、随那条留言办理的）。',
    )
  })
})
