import { ConfigError } from '../config.js'
import { AppError } from '../errors.js'
import { inWords } from '../services/conflict-texts.js'

/** Runs a command's main and exits with its code: a configuration error is 2 (one line), anything unexpected 1 with its stack. */
export function runCli(name: string, main: () => Promise<number>) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `${name} failed: ${err instanceof Error ? err.stack : err}\n`)
      process.exit(err instanceof ConfigError ? 2 : 1)
    },
  )
}

/** A refusal the person can act on (a bad file, say): its message and every problem with its place; exit code 1. Anything else is rethrown. */
export function reportRefusal(err: unknown): number {
  if (!(err instanceof AppError)) throw err
  const refusal = inWords(err)
  process.stderr.write(`${refusal.message}\n`)
  for (const d of refusal.details) process.stderr.write(`  ${d.path}: ${d.message}\n`)
  return 1
}
