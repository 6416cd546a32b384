/**
 * Indexes of the MongoDB store (LIAISON_DB=mongodb://…):
 *
 *   npm run db:indexes              creates the missing ones (as every start does)
 *   npm run db:indexes -- --sync    also drops those no schema declares
 *
 * Starts never drop an index: during a rolling deploy or a rollback, instances of two
 * versions share the database. Run --sync once every instance runs the same version.
 */
import { ConfigError, loadConfig } from '../config.js'
import { StoreStartupError } from '../store/startup-error.js'

async function main(args: string[]) {
  if (args.includes('--help')) {
    process.stderr.write('usage: npm run db:indexes [-- --sync]\n')
    return 2
  }
  const config = loadConfig({ overrides: { log: { level: 'warn' } } })
  if (!/^mongodb(\+srv)?:\/\//.test(config.store.url)) {
    process.stderr.write('db:indexes: the store is not MongoDB (LIAISON_DB); the sqlite store keeps its indexes in its migrations\n')
    return 2
  }
  const sync = args.includes('--sync')
  const { createMongoStore } = await import('../store/mongo/index.js')
  const store = await createMongoStore(config.store.url, {
    syncIndexes: sync,
    onIndexesDropped: (dropped) => {
      const lines = Object.entries(dropped).map(([collection, names]) => `  ${collection}: ${names.join(', ')}`)
      process.stdout.write(lines.length ? `dropped indexes no schema declares:\n${lines.join('\n')}\n` : 'no index to drop\n')
    },
  })
  await store.close()
  process.stdout.write(sync ? 'indexes match the schemas\n' : 'missing indexes created (none dropped; --sync drops those no schema declares)\n')
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const known = err instanceof ConfigError || err instanceof StoreStartupError
    process.stderr.write(known ? `${err.message}\n` : `db:indexes failed: ${err instanceof Error ? err.stack : err}\n`)
    process.exit(known ? 2 : 1)
  },
)
