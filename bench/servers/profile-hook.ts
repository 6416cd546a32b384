/**
 * `npm run bench -- --only=requests --profile`: each load server records a CPU profile of
 * the measured run only (SIGUSR2 after the warm-up starts it), written on exit to
 * bench/out/<server>.cpuprofile for Chrome DevTools or speedscope. Without BENCH_PROFILE_DIR
 * a server just exits on SIGTERM/SIGINT.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

export async function exitWithProfile(name: string, scratch: string | null = null, dir = process.env.BENCH_PROFILE_DIR) {
  // The server's database files go with it.
  process.on('exit', () => scratch && rmSync(scratch, { recursive: true, force: true }))
  if (!dir) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
    return
  }
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  process.on('SIGUSR2', () => void session.post('Profiler.start'))
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, async () => {
      const { profile } = await session.post('Profiler.stop')
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
      process.exit(0)
    })
}
