/**
 * Imports a directory file into the configured store (LIAISON_DB):
 *
 *   npm run import -- <directory.json>
 *
 * All or nothing: on any problem it lists every one with its place and changes nothing.
 */
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from '../app.js'
import { loadConfig } from '../config.js'
import { reportRefusal, runCli } from './run-cli.js'
import { ensureAdmin } from '../services/bootstrap.js'
import { parseJsonFile } from './json-file.js'

async function main(args: string[]) {
  const file = args.find((a) => !a.startsWith('-'))
  if (!file || args.includes('--help')) {
    process.stderr.write('usage: npm run import -- <directory.json>\n')
    return 2
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file)
  const size = statSync(path, { throwIfNoEntry: false })?.size
  if (size === undefined) {
    process.stderr.write(`import: ${path}: no such file\n`)
    return 2
  }
  const parsed = parseJsonFile(readFileSync(path, 'utf8'))
  if ('problem' in parsed) {
    process.stderr.write(`${path}：${parsed.problem}，未导入任何数据\n`)
    return 1
  }
  const input = parsed.value
  const config = loadConfig({ overrides: { log: { level: 'warn' } } })
  const liaison = await build(config)
  try {
    const { services, store } = liaison
    await ensureAdmin(store, services.passwords, services.audit, config.security.adminPassword)
    const started = Date.now()
    process.stderr.write(`读取 ${path}（${(size / 1024).toFixed(0)} KB）\n`)
    const report = await services.demoLeftovers.addTo(await services.importer.import(input, null, (line) => process.stderr.write(`${line}\n`)))
    const t = (k: keyof typeof report.created) => `${k}: +${report.created[k]} ~${report.updated[k]} =${report.unchanged[k]}`
    process.stdout.write(`导入完成（${Date.now() - started} ms）  ${(['regions', 'stations', 'units', 'deputies', 'staff'] as const).map(t).join('  ')}\n`)
    for (const w of report.warnings) process.stdout.write(`提醒：${w}\n`)
    return 0
  } catch (err) {
    return reportRefusal(err)
  } finally {
    await liaison.close()
  }
}

runCli('import', () => main(process.argv.slice(2)))
