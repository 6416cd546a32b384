import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/** The packages that `npm start` loads before it serves: the real app module in a process of its own. */
function packagesLoadedByApp(): string[] {
  const script = `import('./src/app.ts').then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))))`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' })
  expect(run.status, run.stderr).to.equal(0)
  return [...new Set((JSON.parse(run.stdout) as string[]).map((f) => f.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1]).filter((p): p is string => !!p))]
}

describe('start-up', function () {
  this.timeout(120_000)

  it('leaves the canvas and the QR encoder for the first code drawn: most starts never draw one', () => {
    const loaded = packagesLoadedByApp()
    expect(loaded, 'the app itself was loaded').to.include('koa')
    expect(loaded).to.not.include('@napi-rs/canvas')
    expect(loaded).to.not.include('qrcode')
  })
})
