import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Environment for a child Liaison process: not the test config, quiet logs. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...env } = process.env
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra }
}

export interface Started {
  child: ChildProcess
  stderr: () => string
  stop(): Promise<void>
}

/** Runs `npm start`'s entry point as a real process and waits until /readyz answers. */
export async function startLiaison(env: Record<string, string>, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }) })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  child.stdout!.resume()
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`liaison exited with ${child.exitCode}: ${stderr}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`liaison did not become ready: ${stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
