import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

/** `npm run lint:deps` with the project's rules, in `cwd`: its exit status and its errors as "rule: from → to" lines. */
function cruise(cwd: string, ...paths: string[]) {
  const run = spawnSync(process.execPath, [depcruise, '--config', join(root, '.dependency-cruiser.cjs'), ...paths], { cwd, encoding: 'utf8' })
  if (run.status === null || run.error) throw new Error(`dependency-cruiser did not run: ${run.error ?? run.stderr}`)
  // A circle is printed over several lines, one module per line: joined into one.
  const text = run.stdout.replace(/ →\s*\n\s*/g, ' → ')
  const violations = [...text.matchAll(/^\s*error ([\w-]+: .+?)\s*$/gm)].map((m) => m[1]!)
  return { status: run.status, violations, text }
}

describe('npm run lint: the layering rules of docs/ARCHITECTURE.md', function () {
  this.timeout(240_000)

  it('passes on the project as it is', () => {
    const result = cruise(root, 'src', 'bots')
    expect(result.violations).to.deep.equal([])
    expect(result.status, result.text).to.equal(0)
  })

  describe('on a small tree with deliberately wrong imports', () => {
    let dir: string
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'liaison-lint-'))
      write(
        'tsconfig.json',
        JSON.stringify({
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, verbatimModuleSyntax: true },
          include: ['src', 'bots'],
        }),
      )
      write('src/store/ports.ts', 'export interface Store { ping(): Promise<void> }\n')
      write('src/store/idempotency-port.ts', 'export interface IdempotencyRepo { purgeBefore(before: Date): Promise<number> }\n')
      write('src/store/open-store.ts', 'export const openStore = () => null\n')
      write('src/wechat/client.ts', 'export class WeChatClient {}\n')
      // Allowed: a type from the store in domain, the idempotency port in http, WeChat in delivery.
      write('src/domain/ok.ts', "import type { Store } from '../store/ports.js'\nexport type Named = Store\n")
      write(
        'src/http/middleware/idempotency.ts',
        "import type { IdempotencyRepo } from '../../store/idempotency-port.js'\nexport type Repo = IdempotencyRepo\n",
      )
      write('src/services/delivery/senders.ts', "import { WeChatClient } from '../../wechat/client.js'\nexport const client = new WeChatClient()\n")
      // Wrong, one of each.
      write('src/domain/rule.ts', "import { openStore } from '../store/open-store.js'\nexport const rule = openStore\n")
      write('src/http/routes/things/routes.ts', "import type { Store } from '../../../store/ports.js'\nexport type Deps = Store\n")
      write(
        'src/services/things/things.ts',
        "import { WeChatClient } from '../../wechat/client.js'\nimport type { Deps } from '../../http/routes/things/routes.js'\nexport const things = (d: Deps) => [d, new WeChatClient()]\n",
      )
      write('src/services/quiz.ts', "import { survey } from './survey.js'\nexport const quiz = () => survey\n")
      write('src/services/survey.ts', "import { quiz } from './quiz.js'\nexport const survey = () => quiz\n")
      write('bots/flow.ts', "import { rule } from '../src/domain/rule.js'\nexport const flow = rule\n")
    })
    after(() => rmSync(dir, { recursive: true, force: true }))

    it('fails, naming each wrong import and the rule it breaks, and nothing that is allowed', () => {
      const result = cruise(dir, 'src', 'bots')
      expect(result.status, 'the exit status fails the lint').to.not.equal(0)
      expect([...result.violations].sort()).to.deep.equal([
        'bots-talk-over-http: bots/flow.ts → src/domain/rule.ts',
        'domain-is-pure: src/domain/rule.ts → src/store/open-store.ts',
        'http-reads-no-store: src/http/routes/things/routes.ts → src/store/ports.ts',
        'no-circular: src/services/quiz.ts → src/services/survey.ts → src/services/quiz.ts',
        'only-delivery-talks-to-wechat: src/services/things/things.ts → src/wechat/client.ts',
        'services-know-no-http: src/services/things/things.ts → src/http/routes/things/routes.ts',
      ])
    })
  })
})
