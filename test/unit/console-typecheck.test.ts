import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const vueTsc = join(root, 'node_modules/vue-tsc/bin/vue-tsc.js')

/** vue-tsc as `npm run typecheck` runs it, on the project in `dir`: its exit status and its errors as "file(line): TSnnnn" lines. */
function typecheck(dir: string) {
  if (!existsSync(vueTsc)) throw new Error('vue-tsc is not installed (a devDependency): run npm ci')
  const run = spawnSync(process.execPath, [vueTsc, '--noEmit', '-p', dir], { cwd: root, encoding: 'utf8' })
  if (run.status === null || run.error) throw new Error(`vue-tsc did not run: ${run.error ?? run.stderr}`)
  const errors = [...run.stdout.matchAll(/([\w.-]+\.vue)\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]}(${m[2]}): ${m[3]}`)
  return { status: run.status, errors, text: run.stdout }
}

describe("npm run typecheck: the console's templates are checked (admin/tsconfig.json)", function () {
  // One vue-tsc run loads TDesign's and Vue's types: tens of seconds on a busy machine.
  this.timeout(300_000)

  // Inside the project (tmp/ is git-ignored), so it sees the same node_modules; it takes admin/'s settings and the
  // <t-…> tags typed from what the console registers.
  let dir: string
  before(() => {
    mkdirSync(join(root, 'tmp'), { recursive: true })
    dir = mkdtempSync(join(root, 'tmp', 'typecheck-'))
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../admin/tsconfig.json', include: ['*.vue', '../../admin/src/registered-components.d.ts'] }),
    )
    writeFileSync(
      join(dir, 'Right.vue'),
      `<template>
  <t-button theme="primary" data-test="ok" aria-label="好">好</t-button>
  <Figure title="留言总数" :value="3" unit="条" />
</template>
<script setup lang="ts">
import Figure from '../../admin/src/components/Figure.vue'
</script>
`,
    )
    writeFileSync(
      join(dir, 'Wrong.vue'),
      `<template>
  <t-button themee="primary">a misspelled prop</t-button>
  <Figure :title="42" :value="3" />
  <t-cascader />
</template>
<script setup lang="ts">
import Figure from '../../admin/src/components/Figure.vue'
</script>
`,
    )
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('fails on a misspelled prop, a value of the wrong type and a TDesign tag the console never registered, and on nothing else', () => {
    const result = typecheck(dir)
    expect(result.status, 'the exit status fails the typecheck').to.not.equal(0)
    expect(result.errors, result.text).to.deep.equal(['Wrong.vue(2): TS2561', 'Wrong.vue(3): TS2322', 'Wrong.vue(4): TS2339'])
  })
})
