/**
 * Writes the full-size benchmark directory as JSON.
 *
 *   npm run gen:directory -- <out.json> [--stations N] [--deputies N] [--seed N] [--today YYYY-MM-DD]
 */

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FULL_SIZE_DEFAULTS, fullSizeDirectory } from '../demo/full-size.js'

const USAGE = 'usage: npm run gen:directory -- <out.json> [--stations N] [--deputies N] [--seed N] [--today YYYY-MM-DD]'

class UsageError extends Error {}

function integerOption(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`)
  return value
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stations: { type: 'string' },
      deputies: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (positionals.length !== 1) throw new UsageError('expected exactly one output file')

  const directory = fullSizeDirectory({
    stations: integerOption('stations', values.stations, FULL_SIZE_DEFAULTS.stations, 1),
    deputies: integerOption('deputies', values.deputies, FULL_SIZE_DEFAULTS.deputies, 0),
    seed: integerOption('seed', values.seed, FULL_SIZE_DEFAULTS.seed, 0),
    ...(values.today === undefined ? {} : { today: values.today }),
  })

  // npm runs scripts from the package root; resolve against where the user actually typed the command.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] as string)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(directory, null, 2) + '\n')

  const regions = directory.regions ?? []
  const count = (kind: string): number => regions.filter((r) => r.kind === kind).length
  console.log(
    `wrote ${out}: ${count('district')} districts, ${count('street')} streets/towns, ` +
      `${count('community')} communities, ${count('grid')} grids, ${directory.stations?.length ?? 0} stations, ` +
      `${directory.deputies?.length ?? 0} deputies, ${directory.staff?.length ?? 0} staff`,
  )
}

try {
  main(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`gen:directory: ${message}`)
  // Bad arguments (including parseArgs' own errors) get the usage line and exit code 2.
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  if (usage) console.error(USAGE)
  process.exitCode = usage ? 2 : 1
}
