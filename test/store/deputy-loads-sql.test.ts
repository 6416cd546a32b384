import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEPUTY_LOAD_STATUSES } from '../../src/domain/case.js'

/** The triggers that keep deputy_loads spell the statuses out in SQL: they must be the domain's list. */
describe('deputy loads in the SQLite store', () => {
  it("count exactly the statuses the domain calls a deputy's open work", () => {
    const sql = readFileSync(join(import.meta.dirname, '../../src/store/sqlite/migrations/035_deputy_loads.sql'), 'utf8')
    const lists = [...sql.matchAll(/status IN \(([^)]*)\)/g)].map((m) => m[1].split(',').map((s) => s.trim().replaceAll("'", '')))
    expect(lists).to.have.length(7)
    for (const list of lists) expect(list).to.deep.equal([...DEPUTY_LOAD_STATUSES])
  })
})
